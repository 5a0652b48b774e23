package ru.civic.platform.tenancy;

/** Whether a tenant's portal serves requests. A suspended tenant answers 503 on its hosts. */
public enum TenantStatus { ACTIVE, SUSPENDED }
