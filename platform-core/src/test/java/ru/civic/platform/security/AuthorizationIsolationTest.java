package ru.civic.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Authorization codes and tokens issued on one tenant's host are stored in that tenant's rows: another tenant's
 * host cannot find, and so cannot redeem, them.
 */
@SpringBootTest
class AuthorizationIsolationTest {

    @Autowired
    OAuth2AuthorizationService authorizations;
    @Autowired
    RegisteredClientRepository clients;
    @Autowired
    JdbcTemplate jdbc;

    private static void onHost(String host) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setServerName(host);
        request.setServerPort(8080);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aCodeIssuedForOneTenantIsInvisibleToAnother() {
        String code = "code-" + UUID.randomUUID();
        onHost("tomsk.localhost");
        TenantContext.runAs(TenantId.of("tomsk"), () -> {
            RegisteredClient portal = clients.findByClientId(AuthorizationServerConfiguration.PORTAL_CLIENT);
            assertThat(portal.getRedirectUris()).containsExactly("http://tomsk.localhost:8080/login/oauth2/code/portal");
            authorizations.save(OAuth2Authorization.withRegisteredClient(portal)
                    .id(UUID.randomUUID().toString())
                    .principalName("moderator")
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .token(new OAuth2AuthorizationCode(code, Instant.now(), Instant.now().plusSeconds(120)))
                    .build());
            assertThat(authorizations.findByToken(code, new OAuth2TokenType("code"))).isNotNull();
            assertThat(jdbc.queryForList("select tenant_id from oauth2_authorization", String.class))
                    .isNotEmpty().containsOnly("tomsk");
        });

        onHost("volgograd.localhost");
        TenantContext.runAs(TenantId.of("volgograd"), () ->
                assertThat(authorizations.findByToken(code, new OAuth2TokenType("code"))).isNull());
        TenantContext.runInPlatformScope(() ->
                assertThat(authorizations.findByToken(code, new OAuth2TokenType("code"))).isNull());
    }

    @Test
    void thePortalClientOnlyRedirectsBackToTheHostItIsAskedOn() {
        onHost("volgograd.example.ru");
        TenantContext.runAs(TenantId.of("volgograd"), () -> assertThat(
                clients.findByClientId(AuthorizationServerConfiguration.PORTAL_CLIENT).getRedirectUris())
                .containsExactly("http://volgograd.example.ru:8080/login/oauth2/code/portal"));
        assertThat(clients.findByClientId("someone-else")).isNull();
    }
}
