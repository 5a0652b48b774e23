package ru.civic.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.account.PlatformAccountService;
import ru.civic.platform.shared.PlatformProperties;
import ru.civic.platform.tenancy.TenantContext;

/**
 * The platform is its own OpenID provider (Spring Authorization Server). Each tenant host is its own issuer
 * ({@code http://tomsk.localhost:8080}), resolved from the request; accounts are looked up within the host's tenant.
 * The portal apps are one confidential client, {@value #PORTAL_CLIENT}, that must use PKCE.
 *
 * <p>The provider's own sign-in session is kept under a separate session key from the portal's, as if the two were
 * separate applications: being signed in at the provider does not sign anyone in to the portal until the
 * authorization code flow completes.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    public static final String PORTAL_CLIENT = "portal";
    static final String PROVIDER_CONTEXT_KEY = "CIVIC_PROVIDER_SECURITY_CONTEXT";
    public static final String LOGIN_PAGE = "/login";
    public static final String REGISTER_PAGE = "/register";

    /** The provider's remembered request (the authorize URL), apart from the portal's (the page to return to). */
    static HttpSessionRequestCache providerRequestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setSessionAttrName("CIVIC_PROVIDER_SAVED_REQUEST");
        return cache;
    }

    static HttpSessionSecurityContextRepository providerContextRepository() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(PROVIDER_CONTEXT_KEY);
        return repository;
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.registeredClientRepository(clients)
                        .authorizationService(authorizations)
                        .oidc(Customizer.withDefaults()))
                .securityContext(c -> c.securityContextRepository(providerContextRepository()))
                .requestCache(r -> r.requestCache(providerRequestCache()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /**
     * The provider's sign-in: the form (rendered by {@code LoginPageController}), self-registration ({@code
     * RegistrationController}) and sign-in through ESIA where the tenant offers it ({@link EsiaSignIn}).
     */
    @Bean
    @Order(2)
    SecurityFilterChain providerLoginChain(HttpSecurity http, UserDetailsService users, EsiaSignIn esia)
            throws Exception {
        http.securityMatcher(LOGIN_PAGE, REGISTER_PAGE, EsiaSignIn.AUTHORIZATION_PATH, EsiaSignIn.CALLBACK_PATH)
                .securityContext(c -> c.securityContextRepository(providerContextRepository()))
                .requestCache(r -> r.requestCache(providerRequestCache()))
                .userDetailsService(users)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .formLogin(f -> f.loginPage(LOGIN_PAGE).permitAll());
        esia.apply(http);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the {id} prefix so the algorithm can change without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        // No fixed issuer: it is the URL of the host the request came to, so each tenant is its own issuer.
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return (selector, context) -> selector.select(keys.jwkSet());
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        // Rows carry the tenant (column default from the connection's tenant) and row-level security applies.
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    /**
     * The portal client, as seen from the host of the current request: it may only be redirected back to that same
     * host, which the tenant filter has already matched to this tenant (or to the platform).
     */
    @Bean
    RegisteredClientRepository registeredClientRepository(PasswordEncoder encoder, PlatformProperties properties) {
        String secret = encoder.encode(properties.auth().clientSecret());
        String id = UUID.nameUUIDFromBytes(PORTAL_CLIENT.getBytes()).toString();
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient registeredClient) {
                throw new UnsupportedOperationException("Clients are defined by the platform");
            }

            @Override
            public RegisteredClient findById(String registeredClientId) {
                return id.equals(registeredClientId) ? portal() : null;
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                return PORTAL_CLIENT.equals(clientId) ? portal() : null;
            }

            private RegisteredClient portal() {
                if (TenantContext.currentScope().isEmpty()) {
                    return null;
                }
                String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
                return RegisteredClient.withId(id)
                        .clientId(PORTAL_CLIENT)
                        .clientSecret(secret)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                        .redirectUri(base + "/login/oauth2/code/" + PORTAL_CLIENT)
                        .postLogoutRedirectUri(base + "/")
                        .scope(OidcScopes.OPENID)
                        .scope(OidcScopes.PROFILE)
                        .clientSettings(ClientSettings.builder().requireProofKey(true)
                                .requireAuthorizationConsent(false).build())
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15))
                                .authorizationCodeTimeToLive(Duration.ofMinutes(2)).build())
                        .build();
            }
        };
    }

    /** Tokens say which tenant (or the platform) they were issued for, and the person's roles there. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tenantClaims(AccountService accounts,
            PlatformAccountService platformAccounts) {
        return context -> {
            List<String> roles = context.getPrincipal().getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_"))
                    .map(a -> a.substring("ROLE_".length()))
                    .sorted()
                    .toList();
            context.getClaims().claim(TenantClaims.TENANT, TenantContext.settingValue());
            context.getClaims().claim(TenantClaims.ROLES, roles);
            String username = context.getPrincipal().getName();
            (TenantContext.isPlatformScope()
                    ? platformAccounts.findByUsername(username).map(a -> a.getDisplayName())
                    : accounts.findByUsername(username).map(a -> a.getDisplayName()))
                    .ifPresent(name -> context.getClaims().claim(TenantClaims.NAME, name));
        };
    }
}
