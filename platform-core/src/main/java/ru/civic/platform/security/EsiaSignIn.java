package ru.civic.platform.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * ESIA (Gosuslugi) as an external OpenID provider of the platform's own provider ("federated identity"): the sign-in
 * page offers it where the host's tenant enables it; the citizen signs in there (authorization code), comes back to
 * {@value #CALLBACK_PATH}, is matched to the account linked to the ESIA subject (created on the first visit), and
 * is then signed in at the platform's provider, which goes on to answer the portal's authorization request.
 *
 * <p>The client registration is built from the current tenant's configuration on every request: the same path
 * leads each tenant to its own client id at ESIA and back to its own host. The secret is read from the environment
 * variable (or property) the configuration names.
 */
@Component
public class EsiaSignIn {

    public static final String REGISTRATION_ID = "esia";
    public static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + REGISTRATION_ID;
    public static final String CALLBACK_PATH = "/login/oauth2/code/" + REGISTRATION_ID;
    static final String FAILURE_URL = AuthorizationServerConfiguration.LOGIN_PAGE + "?esiaError";

    private static final Logger log = LoggerFactory.getLogger(EsiaSignIn.class);

    private final TenantRegistry tenants;
    private final Environment environment;
    private final AccountService accounts;
    private final ProviderSession session;
    private final MessageSource messages;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
    private final ClientRegistrationRepository registrations = this::registration;

    EsiaSignIn(TenantRegistry tenants, Environment environment, AccountService accounts, ProviderSession session,
            MessageSource messages) {
        this.tenants = tenants;
        this.environment = environment;
        this.accounts = accounts;
        this.session = session;
        this.messages = messages;
    }

    /** The ESIA settings of the host's tenant, when it offers ESIA. */
    public Optional<TenantConfiguration.Esia> currentSettings() {
        return TenantContext.currentTenant().flatMap(tenants::find)
                .map(t -> t.configuration().registration().esia())
                .filter(TenantConfiguration.Esia::enabled);
    }

    ClientRegistrationRepository clientRegistrations() {
        return registrations;
    }

    private ClientRegistration registration(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        return currentSettings().map(esia -> {
            String secret = esia.clientSecretVariable() == null ? null
                    : environment.getProperty(esia.clientSecretVariable());
            if (secret == null) {
                log.warn("ESIA client secret variable '{}' of tenant {} is not set", esia.clientSecretVariable(),
                        TenantContext.settingValue());
            }
            return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                    .clientId(esia.clientId())
                    .clientSecret(secret == null ? "" : secret)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}" + CALLBACK_PATH)
                    .scope(esia.scopes())
                    .authorizationUri(esia.authorizationUri())
                    .tokenUri(esia.tokenUri())
                    .jwkSetUri(esia.jwkSetUri())
                    .userInfoUri(esia.userInfoUri())
                    .issuerUri(esia.issuerUri())
                    .userNameAttributeName("sub")
                    .clientName("ESIA")
                    .build();
        }).orElse(null);
    }

    /**
     * Verifies ESIA's ID tokens with the keys it publishes and the issuer and client id of the tenant's settings.
     * One decoder per set of settings (a tenant's change of settings gets a new one).
     */
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory() {
        return registration -> decoders.computeIfAbsent(String.join("|",
                registration.getProviderDetails().getJwkSetUri(), registration.getClientId(),
                String.valueOf(registration.getProviderDetails().getIssuerUri())), key -> {
                    NimbusJwtDecoder decoder = NimbusJwtDecoder
                            .withJwkSetUri(registration.getProviderDetails().getJwkSetUri()).build();
                    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                            new OidcIdTokenValidator(registration)));
                    return decoder;
                });
    }

    /** Adds ESIA sign-in to the provider's sign-in chain (which must match the two ESIA paths). */
    void apply(HttpSecurity http) throws Exception {
        http.oauth2Login(o -> o
                .loginPage(AuthorizationServerConfiguration.LOGIN_PAGE)
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new NotKept())
                .authorizationEndpoint(a -> a.authorizationRequestRepository(new PendingEsiaRequest()))
                .successHandler(this::signedInAtEsia)
                .failureHandler(new SimpleUrlAuthenticationFailureHandler(FAILURE_URL)));
        http.addFilterBefore(new RefuseWhereDisabled(), OAuth2AuthorizationRequestRedirectFilter.class);
    }

    private void signedInAtEsia(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        if (!(authentication.getPrincipal() instanceof OidcUser person)) {
            response.sendRedirect(request.getContextPath() + FAILURE_URL);
            return;
        }
        Account account = accounts.signInWithExternalIdentity(REGISTRATION_ID, person.getSubject(),
                displayName(person), person.getEmail());
        if (!account.isEnabled()) {
            response.sendRedirect(request.getContextPath() + FAILURE_URL);
            return;
        }
        session.signInAndContinue(account, FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY, request, response);
    }

    /** ESIA's names: the full name if given, else family, given and middle names in the Russian order. */
    private String displayName(OidcUser person) {
        if (person.getFullName() != null && !person.getFullName().isBlank()) {
            return person.getFullName().strip();
        }
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {person.getFamilyName(), person.getGivenName(), person.getMiddleName()}) {
            if (part != null && !part.isBlank()) {
                parts.add(part.strip());
            }
        }
        if (!parts.isEmpty()) {
            return String.join(" ", parts);
        }
        Locale locale = tenants.currentLocale();
        return messages.getMessage("esia.defaultName", null, "ESIA", locale);
    }

    /** The ESIA paths answer 404 on hosts whose tenant does not offer ESIA (and on the platform host). */
    private final class RefuseWhereDisabled extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if ((path.equals(AUTHORIZATION_PATH) || path.equals(CALLBACK_PATH)) && currentSettings().isEmpty()) {
                // Written here, not sendError: the error page would be dispatched through the portal's chain.
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("Not found");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * The pending ESIA request is kept under its own session key: the portal's pending request to the platform's
     * provider (the default key) must survive the detour through ESIA.
     */
    private static final class PendingEsiaRequest implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {
        private static final String KEY = EsiaSignIn.class.getName() + ".AUTHORIZATION_REQUEST";

        @Override
        public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
            var session = request.getSession(false);
            String state = request.getParameter(OAuth2ParameterNames.STATE);
            if (session == null || state == null
                    || !(session.getAttribute(KEY) instanceof OAuth2AuthorizationRequest pending)) {
                return null;
            }
            return state.equals(pending.getState()) ? pending : null;
        }

        @Override
        public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest,
                HttpServletRequest request, HttpServletResponse response) {
            if (authorizationRequest == null) {
                var session = request.getSession(false);
                if (session != null) {
                    session.removeAttribute(KEY);
                }
                return;
            }
            request.getSession().setAttribute(KEY, authorizationRequest);
        }

        @Override
        public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
                HttpServletResponse response) {
            OAuth2AuthorizationRequest pending = loadAuthorizationRequest(request);
            if (pending != null) {
                request.getSession().removeAttribute(KEY);
            }
            return pending;
        }
    }

    /** ESIA's tokens are used once, to learn who signed in, and not kept in the session. */
    private static final class NotKept implements OAuth2AuthorizedClientRepository {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
                Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }
    }
}
