package ru.civic.platform.account;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantConfigurationChanged;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Local use only ({@code platform.demo-data=true}, off in the {@code prod} profile): one fictional account per role
 * a tenant uses, named after the role ({@code moderator}, {@code operator}, …) plus {@code citizen}, all with the
 * password {@value #PASSWORD}; and a platform owner {@code owner}. Tenants added later get theirs too.
 */
@Component
@ConditionalOnBooleanProperty("platform.demo-data")
class DemoAccounts {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountService accounts;
    private final PlatformAccountService platformAccounts;
    private final TenantRegistry tenants;

    DemoAccounts(AccountService accounts, PlatformAccountService platformAccounts, TenantRegistry tenants) {
        this.accounts = accounts;
        this.platformAccounts = platformAccounts;
        this.tenants = tenants;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAll() {
        TenantContext.runInPlatformScope(() -> platformAccounts.createIfAbsent("owner", PASSWORD, "Владелец платформы"));
        tenants.all().forEach(this::seed);
        log.warn("Demo accounts are enabled: every role's account has the password '{}'. Never in production.", PASSWORD);
    }

    @EventListener
    void onTenantChanged(TenantConfigurationChanged event) {
        tenants.find(event.tenantId()).ifPresent(this::seed);
    }

    private void seed(Tenant tenant) {
        TenantContext.runAs(tenant.id(), () -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(tenant.configuration().roles());
            roles.add(Role.CITIZEN);
            roles.remove(Role.PLATFORM_OWNER);
            for (Role role : roles) {
                String username = role.name().toLowerCase(Locale.ROOT).replace('_', '-');
                if (!accounts.exists(username)) {
                    accounts.create(username, PASSWORD, "Демо: " + role.name(), username + "@demo.invalid",
                            Set.of(role), null);
                }
            }
        });
    }
}
