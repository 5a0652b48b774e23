package ru.civic.platform.account;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.stereotype.Component;

import ru.civic.platform.tenancy.TenantContext;

/**
 * Notes when an account of a tenant last signed in, so that the platform owner's console can count the tenant's
 * active users. Only real sign-ins count: the password form at the provider and the portal's OpenID login (which
 * also follows an ESIA sign-in); bearer-token calls of the API authenticate on every request and are left out.
 * Row-level security keeps the update to the host's tenant; the user name is the ID token's subject.
 */
@Component
class SignInRecorder {

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInRecorder(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void onSignIn(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (TenantContext.currentTenant().isEmpty()
                || !(authentication instanceof UsernamePasswordAuthenticationToken
                        || authentication instanceof OAuth2LoginAuthenticationToken)) {
            return;
        }
        jdbc.sql("update account set last_signed_in_at = ? where username = ?")
                .params(Timestamp.from(clock.instant()), authentication.getName())
                .update();
    }
}
