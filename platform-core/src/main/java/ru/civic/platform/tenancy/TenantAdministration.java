package ru.civic.platform.tenancy;

import java.util.List;

/**
 * Creates and changes tenants at run time: no code, no DDL, no restart. Documents are YAML (or JSON) in the format
 * of {@code docs/tenant-configuration.md}, validated exactly like the files in {@code config/tenants}.
 */
public interface TenantAdministration {

    /** Checks a document without saving it. */
    List<ConfigurationProblem> validate(String source, String document);

    /** Creates the tenant or replaces its configuration; the change is seen by every member of the cluster. */
    Tenant save(String source, String document, String changedBy);

    /** The tenant's current configuration as YAML, as it would be written to {@code config/tenants/<id>.yaml}. */
    String exportYaml(TenantId id);

    Tenant changeStatus(TenantId id, TenantStatus status, String changedBy);
}
