package ru.civic.platform.tenancy;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * The identifier of a tenant (a region or a municipality), as written in its configuration file name.
 * Validated on construction so that a malformed id can never reach SQL settings, cache keys or logs.
 */
public record TenantId(String value) implements Serializable, Comparable<TenantId> {

    private static final Pattern FORMAT = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");

    public TenantId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid tenant id: " + value);
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
