package ru.civic.platform.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Claims the platform's tokens carry, and reading them back from a signed-in portal user. */
public final class TenantClaims {

    public static final String TENANT = "tenant";
    public static final String ROLES = "roles";
    public static final String NAME = "name";

    private TenantClaims() {
    }

    /** The tenant id (or {@code _platform}) the authentication was issued for, or null when it is not ours. */
    public static String scopeOf(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return user.getClaimAsString(TENANT);
        }
        return null;
    }

    /** The roles the token says the person holds in its tenant. */
    public static List<String> rolesOf(OidcUser user) {
        Object roles = user.getClaims().get(ROLES);
        if (roles instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
