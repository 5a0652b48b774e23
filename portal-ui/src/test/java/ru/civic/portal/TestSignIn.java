package ru.civic.portal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** Puts a portal sign-in, as the OpenID flow would leave it, into the security context of a browserless test. */
public final class TestSignIn {

    private TestSignIn() {
    }

    public static void as(String issuedFor, String... roles) {
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(600),
                Map.of("sub", "official", "tenant", issuedFor, "roles", List.of(roles), "name", "Иван Петров"));
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, token), authorities, "portal"));
    }

    /** Signs in as a particular account (its user name is the ID token's subject, as the platform issues it). */
    public static void asUser(String issuedFor, String username, String displayName, String... roles) {
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(600),
                Map.of("sub", username, "tenant", issuedFor, "roles", List.of(roles), "name", displayName));
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, token), authorities, "portal"));
    }

    public static void out() {
        SecurityContextHolder.clearContext();
    }
}
