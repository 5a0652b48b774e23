package ru.civic.platform.security;

import java.util.List;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.account.PlatformAccountService;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;

/**
 * Finds the person signing in among the accounts of the host's tenant only (another tenant's account with the same
 * name is invisible here: row-level security), or among platform owners on the platform host.
 */
@Component
class ScopedUserDetailsService implements UserDetailsService {

    private final AccountService accounts;
    private final PlatformAccountService platformAccounts;

    ScopedUserDetailsService(AccountService accounts, PlatformAccountService platformAccounts) {
        this.accounts = accounts;
        this.platformAccounts = platformAccounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (TenantContext.isPlatformScope()) {
            return platformAccounts.findByUsername(username)
                    .map(a -> user(a.getUsername(), a.getPasswordHash(), List.of(Role.PLATFORM_OWNER), a.isEnabled()))
                    .orElseThrow(() -> new UsernameNotFoundException(username));
        }
        var tenant = TenantContext.currentTenant().orElseThrow(() -> new UsernameNotFoundException(username));
        // An account without a password (signed up through ESIA) cannot sign in with the form.
        // Self-registered citizens' user name is their e-mail address, stored in lower case; typed as they like.
        return accounts.findByUsername(username)
                .or(() -> username.contains("@")
                        ? accounts.findByUsername(username.toLowerCase(java.util.Locale.ROOT))
                        : java.util.Optional.empty())
                .filter(a -> tenant.value().equals(a.getTenantId()))
                .filter(a -> a.getPasswordHash() != null)
                .map(a -> user(a.getUsername(), a.getPasswordHash(), a.getRoles().stream().sorted().toList(),
                        a.isEnabled()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** The account as the provider's signed-in principal, for sign-ins that did not use the password form. */
    UserDetails forAccount(Account account) {
        User user = (User) user(account.getUsername(), "", account.getRoles().stream().sorted().toList(),
                account.isEnabled());
        user.eraseCredentials();
        return user;
    }

    /**
     * A plain Spring Security user: the authorization server stores the signed-in principal with its
     * authorizations as JSON, and only Spring Security's own types are allowed there.
     */
    private static UserDetails user(String username, String passwordHash, List<Role> roles, boolean enabled) {
        return User.withUsername(username)
                .password(passwordHash)
                .authorities(roles.stream().map(Role::authority).toArray(String[]::new))
                .disabled(!enabled)
                .build();
    }
}
