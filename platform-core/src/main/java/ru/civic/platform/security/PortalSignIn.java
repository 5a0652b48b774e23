package ru.civic.platform.security;

import java.io.IOException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import ru.civic.platform.shared.PlatformProperties;
import ru.civic.platform.tenancy.TenantContext;

/**
 * Signs people in to the portal and back office through the platform's own OpenID provider: authorization code
 * with PKCE, on the host of the request. Applied by the UI's security chain with {@link #apply(HttpSecurity)}.
 *
 * <p>The ID token is verified with the platform's signing key directly (both ends live in this process) and must
 * name the host's issuer and tenant. A session signed in for one tenant is worthless on another tenant's host.
 */
@Component
public class PortalSignIn {

    public static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + AuthorizationServerConfiguration.PORTAL_CLIENT;

    private final ClientRegistrationRepository registrations;
    private final SigningKeys keys;
    private final RestClientAuthorizationCodeTokenResponseClient tokenClient;

    PortalSignIn(PlatformProperties properties, SigningKeys keys) {
        this.keys = keys;
        String secret = properties.auth().clientSecret();
        this.registrations = registrationId -> {
            if (!AuthorizationServerConfiguration.PORTAL_CLIENT.equals(registrationId)
                    || TenantContext.currentScope().isEmpty()) {
                return null;
            }
            String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            return ClientRegistration.withRegistrationId(AuthorizationServerConfiguration.PORTAL_CLIENT)
                    .clientId(AuthorizationServerConfiguration.PORTAL_CLIENT)
                    .clientSecret(secret)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                    .authorizationUri(base + "/oauth2/authorize")
                    .tokenUri(base + "/oauth2/token")
                    .jwkSetUri(base + "/oauth2/jwks")
                    .issuerUri(base)
                    .userNameAttributeName("sub")
                    .clientName("portal")
                    .build();
        };
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new LocalHostResolver()).build())
                .disableRedirectHandling()
                .build();
        RestClient restClient = RestClient.builder()
                .requestFactory(new HttpComponentsClientHttpRequestFactory(http))
                .configureMessageConverters(c -> c.addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
        this.tokenClient = new RestClientAuthorizationCodeTokenResponseClient();
        this.tokenClient.setRestClient(restClient);
    }

    public ClientRegistrationRepository clientRegistrations() {
        return registrations;
    }

    /** Configures OpenID sign-in and the tenant binding on the UI's filter chain. */
    public HttpSecurity apply(HttpSecurity http) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(o -> o
                // Set here, not only by Vaadin's configurer: the entry point is fixed when this configurer initialises.
                .loginPage(AUTHORIZATION_PATH)
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
                .tokenEndpoint(t -> t.accessTokenResponseClient(tokenClient))
                .userInfoEndpoint(u -> u.userAuthoritiesMapper(authoritiesFromClaims())));
        http.addFilterBefore(new TenantBindingFilter(), LogoutFilter.class);
        return http;
    }

    /** Verifies ID tokens with the platform key and the issuer of the host they arrive on. */
    public JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory() {
        return registration -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.publicKey()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                    new OidcIdTokenValidator(registration)));
            return decoder;
        };
    }

    private static GrantedAuthoritiesMapper authoritiesFromClaims() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Object roles = oidc.getIdToken().getClaims().get(TenantClaims.ROLES);
                    if (roles instanceof java.util.Collection<?> names) {
                        names.forEach(r -> mapped.add(new SimpleGrantedAuthority("ROLE_" + r)));
                    }
                }
            }
            return mapped;
        };
    }

    /**
     * Drops a sign-in that was issued for another tenant (or the platform) than the host's: such a session is
     * treated as anonymous, so it can never open another tenant's back office.
     */
    static final class TenantBindingFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            String issuedFor = TenantClaims.scopeOf(authentication);
            if (issuedFor != null && !Objects.equals(issuedFor, TenantContext.settingValue())) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            chain.doFilter(request, response);
        }
    }
}
