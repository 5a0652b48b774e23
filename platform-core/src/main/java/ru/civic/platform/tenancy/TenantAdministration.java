package ru.civic.platform.tenancy;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * For the platform owner only (checked on every call; files in {@code config/tenants} are imported by the platform
 * itself). Creates and changes tenants at run time: no code, no DDL, no restart. Documents are YAML (or JSON) in the format
 * of {@code docs/tenant-configuration.md}, validated exactly like the files in {@code config/tenants}.
 */
public interface TenantAdministration {

    String PLATFORM_OWNER_ONLY = "hasRole('PLATFORM_OWNER')";

    /** Checks a document without saving it. */
    @PreAuthorize(PLATFORM_OWNER_ONLY)
    List<ConfigurationProblem> validate(String source, String document);

    /** Creates the tenant or replaces its configuration; the change is seen by every member of the cluster. */
    @PreAuthorize(PLATFORM_OWNER_ONLY)
    Tenant save(String source, String document, String changedBy);

    /** The tenant's current configuration as YAML, as it would be written to {@code config/tenants/<id>.yaml}. */
    @PreAuthorize(PLATFORM_OWNER_ONLY)
    String exportYaml(TenantId id);

    @PreAuthorize(PLATFORM_OWNER_ONLY)
    Tenant changeStatus(TenantId id, TenantStatus status, String changedBy);
}
