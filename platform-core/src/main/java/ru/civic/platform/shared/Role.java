package ru.civic.platform.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * Roles of the platform (glossary of REGULATIONS.md). A tenant's configuration lists which of them it uses;
 * an account holds roles within exactly one tenant, except {@link #PLATFORM_OWNER}, which lives on the platform host.
 */
public enum Role {
    CITIZEN,
    MODERATOR,
    COORDINATOR,
    EXECUTOR,
    HEAD,
    CURATOR,
    OPERATOR,
    ANALYST,
    SHOP_ADMIN,
    DATA_PROVIDER,
    PLATFORM_OWNER;

    /** Roles that make an account staff of its tenant (may enter the back office). */
    public static final Set<Role> STAFF = EnumSet.of(MODERATOR, COORDINATOR, EXECUTOR, HEAD, CURATOR, OPERATOR,
            ANALYST, SHOP_ADMIN, DATA_PROVIDER);

    /** The Spring Security authority name, e.g. {@code ROLE_MODERATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isStaff() {
        return STAFF.contains(this);
    }
}
