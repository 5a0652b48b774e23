package ru.civic.platform.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;

import ru.civic.platform.security.IntegrationTokens.IntegrationPrincipal;
import ru.civic.platform.tenancy.TenantContext;

/**
 * The REST API ({@code /api/**}) and Open311 ({@code /open311/**}): stateless, bearer tokens only, no cookies, so no
 * CSRF. Two kinds of token: the platform's own access tokens (JWT, signed with the platform key, whose {@code tenant}
 * claim must be the host's tenant) and integration tokens ({@code civic_…}, looked up in the host's tenant).
 * Anonymous requests pass to the endpoints, which decide (reading public messages and guest support are open where
 * the tenant allows). Errors are RFC 9457 Problem Details.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

    /** The authentication of an integration channel. */
    public static final class IntegrationAuthentication extends AbstractAuthenticationToken {
        private final IntegrationPrincipal principal;

        IntegrationAuthentication(IntegrationPrincipal principal) {
            super(authorities(principal));
            this.principal = principal;
            setAuthenticated(true);
        }

        private static Collection<GrantedAuthority> authorities(IntegrationPrincipal p) {
            List<GrantedAuthority> all = new ArrayList<>();
            all.add(new SimpleGrantedAuthority("ROLE_INTEGRATION"));
            p.roles().forEach(r -> all.add(new SimpleGrantedAuthority(r.authority())));
            return all;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public IntegrationPrincipal getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal.name();
        }
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, IntegrationTokens tokens, SigningKeys keys)
            throws Exception {
        AuthenticationManager integration = authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            return tokens.authenticate(token).map(IntegrationAuthentication::new)
                    .orElseThrow(() -> new BadCredentialsException("unknown or revoked integration token"));
        };
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.publicKey()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), sameTenant(),
                accessTokenOfThisHost()));
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<GrantedAuthority> all = new ArrayList<>();
            List<String> roles = jwt.getClaimAsStringList(TenantClaims.ROLES);
            (roles == null ? List.<String>of() : roles).forEach(r -> all.add(new SimpleGrantedAuthority("ROLE_" + r)));
            return all;
        });
        JwtAuthenticationProvider jwtProvider = new JwtAuthenticationProvider(decoder);
        jwtProvider.setJwtAuthenticationConverter(converter);
        AuthenticationManager jwt = jwtProvider::authenticate;
        AuthenticationManagerResolver<HttpServletRequest> resolver = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Bearer " + IntegrationTokens.PREFIX, 0,
                    7 + IntegrationTokens.PREFIX.length()) ? integration : jwt;
        };
        http.securityMatcher("/api/**", "/open311/**", "/v3/api-docs/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs.authenticationManagerResolver(resolver)
                        .authenticationEntryPoint(problem(HttpServletResponse.SC_UNAUTHORIZED,
                                "Требуется вход", "Войдите на портал или передайте действительный токен доступа")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problem(HttpServletResponse.SC_UNAUTHORIZED,
                                "Требуется вход", "Войдите на портал или передайте действительный токен доступа"))
                        .accessDeniedHandler(denied()));
        return http.build();
    }

    /** A token issued on another tenant's host is worthless here, even though the signature is the platform's. */
    private static OAuth2TokenValidator<Jwt> sameTenant() {
        return jwt -> TenantContext.settingValue().equals(jwt.getClaimAsString(TenantClaims.TENANT))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "the token was issued for another tenant", null));
    }

    /**
     * Only access tokens (they carry {@code scope}; ID tokens do not) issued by this very host: an ID token or a
     * token of another issuer is not an API credential.
     */
    private static OAuth2TokenValidator<Jwt> accessTokenOfThisHost() {
        return jwt -> {
            var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
            String host = attributes instanceof org.springframework.web.context.request.ServletRequestAttributes s
                    ? s.getRequest().getServerName() : null;
            String issuerHost = jwt.getIssuer() == null ? null : jwt.getIssuer().getHost();
            boolean accessToken = jwt.hasClaim("scope");
            boolean sameIssuer = host != null && host.equalsIgnoreCase(issuerHost);
            return accessToken && sameIssuer ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                            "not an access token issued by this host", null));
        };
    }

    private static AuthenticationEntryPoint problem(int status, String title, String detail) {
        return (request, response, e) -> write(response, status, title, detail);
    }

    private static AccessDeniedHandler denied() {
        return (request, response, e) -> write(response, HttpServletResponse.SC_FORBIDDEN, "Недостаточно прав",
                e.getMessage());
    }

    private static String jsonText(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + jsonText(detail) + "\"}";
        response.getWriter().write(json);
    }
}
