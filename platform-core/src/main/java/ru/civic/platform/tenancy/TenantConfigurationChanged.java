package ru.civic.platform.tenancy;

import java.io.Serializable;

/** A tenant's configuration was created or changed (on any member of the cluster). */
public record TenantConfigurationChanged(TenantId tenantId, long version) implements Serializable {
}
