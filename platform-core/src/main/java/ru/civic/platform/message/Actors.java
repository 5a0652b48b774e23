package ru.civic.platform.message;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.security.ApiSecurityConfiguration.IntegrationAuthentication;

/**
 * Who is acting, from the current authentication: a person (portal session or the platform's access token) is looked
 * up as an account of the current tenant, so roles and organisation come from the database, not from what a token
 * said when it was issued; an integration channel acts with its token's roles.
 */
@Component
public class Actors {

    private final AccountService accounts;

    public Actors(AccountService accounts) {
        this.accounts = accounts;
    }

    public Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication instanceof IntegrationAuthentication integration) {
            return Optional.of(new Actor(null, integration.getName(), integration.getPrincipal().roles(), null, null));
        }
        String username = switch (authentication) {
            case JwtAuthenticationToken jwt -> jwt.getToken().getSubject();
            case Authentication a when a.getPrincipal() instanceof OidcUser user -> user.getSubject();
            default -> authentication.getName();
        };
        return accounts.findByUsername(username).filter(Account::isEnabled).map(Actors::of);
    }

    public static Actor of(Account account) {
        return new Actor(account.getId(), account.getDisplayName(), account.getRoles(), account.getOrganisation(), null);
    }

    public Optional<Account> currentAccount() {
        return current().map(Actor::accountId).flatMap(id -> id == null ? Optional.empty() : accounts.find(id));
    }
}
