package ru.civic.platform.tenancy;

/** The tenant's configuration was saved by someone else after the editor loaded it; nothing was overwritten. */
public class TenantRulesConflictException extends RuntimeException {

    private final long basedOnVersion;
    private final long currentVersion;

    public TenantRulesConflictException(long basedOnVersion, long currentVersion) {
        super("The configuration was changed meanwhile: edited from version " + basedOnVersion
                + ", now at version " + currentVersion);
        this.basedOnVersion = basedOnVersion;
        this.currentVersion = currentVersion;
    }

    public long basedOnVersion() {
        return basedOnVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
