package ru.civic.platform.shop.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.notification.NotificationRequest;
import ru.civic.platform.notification.Notifications;
import ru.civic.platform.notification.Recipient;
import ru.civic.platform.shared.Role;
import ru.civic.platform.shop.MonthlySupply;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.ShopRules;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The monthly supply of municipal certificates (Gubkinsky 4.5: at least 15 a month, 10 in summer), counted from the
 * stock receipts of municipal-certificate items in the tenant's calendar month.
 *
 * <p>When it checks: the current month from the {@value #CHECK_FROM_DAY}th on, so the shop administrator still has
 * the last third of the month to order what is missing; and the month just ended, for a shortfall that appeared after
 * the last check (or when the job did not run in those days). Whichever check first finds a month below its
 * minimum alerts the tenant's shop administrators, once per tenant and month: the alert row's primary key decides.
 */
@Component
public class CertificateSupply {

    /** The day of the month from which the current month is checked. */
    public static final int CHECK_FROM_DAY = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final AccountService accounts;
    private final Notifications notifications;
    private final MessageSource bundle;
    private final Clock clock;

    CertificateSupply(JdbcClient jdbc, TenantRegistry tenants, AccountService accounts, Notifications notifications,
            MessageSource bundle, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.accounts = accounts;
        this.notifications = notifications;
        this.bundle = bundle;
        this.clock = clock;
    }

    /** The month's receipts against its minimum, and whether it was alerted. */
    @Transactional(readOnly = true)
    public MonthlySupply of(YearMonth month) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        ZoneId zone = tenant.zoneId();
        int received = jdbc.sql("""
                select coalesce(sum(m.quantity), 0) from shop_stock_movement m
                join shop_item i on i.id = m.item_id and i.tenant_id = m.tenant_id
                where m.tenant_id = :tenant and m.kind = 'RECEIPT' and i.kind = 'MUNICIPAL_CERTIFICATE'
                  and m.at >= :from and m.at < :to""")
                .param("tenant", tenantId()).param("from", start(month, zone))
                .param("to", start(month.plusMonths(1), zone)).query(Integer.class).single();
        ShopRules rules = tenant.shop();
        Integer minimum = rules == null ? null : rules.municipalCertificatesMinimum(month.getMonthValue());
        OffsetDateTime sent = jdbc.sql("select sent_at from shop_supply_alert where tenant_id = :tenant and month = :month")
                .param("tenant", tenantId()).param("month", month.atDay(1)).query(OffsetDateTime.class).optional()
                .orElse(null);
        return new MonthlySupply(month, received, minimum, sent == null ? null : sent.toInstant());
    }

    /**
     * Checks the months due for the current tenant (see the class comment) and alerts the shop administrators about
     * each month below its minimum not alerted yet.
     *
     * @return the months alerted now
     */
    @Transactional
    public List<MonthlySupply> checkDue() {
        TenantConfiguration tenant = tenants.currentConfiguration();
        ShopRules rules = tenant.shop();
        if (rules == null || !rules.enabled()) {
            return List.of();
        }
        LocalDate today = clock.instant().atZone(tenant.zoneId()).toLocalDate();
        YearMonth current = YearMonth.from(today);
        List<YearMonth> due = new ArrayList<>();
        // The month just ended only when the shop had items by then: a shop opened this month has no past to miss.
        if (shopExistedBefore(start(current, tenant.zoneId()))) {
            due.add(current.minusMonths(1));
        }
        if (today.getDayOfMonth() >= CHECK_FROM_DAY) {
            due.add(current);
        }
        List<MonthlySupply> alerted = new ArrayList<>();
        for (YearMonth month : due) {
            MonthlySupply supply = of(month);
            if (supply.belowMinimum() && supply.alertSentAt() == null && record(supply)) {
                alert(tenant, supply, today);
                alerted.add(of(month));
            }
        }
        return alerted;
    }

    private boolean shopExistedBefore(OffsetDateTime moment) {
        return jdbc.sql("select exists (select 1 from shop_item where tenant_id = :tenant and created_at < :at)")
                .param("tenant", tenantId()).param("at", moment).query(Boolean.class).single();
    }

    private boolean record(MonthlySupply supply) {
        return jdbc.sql("""
                insert into shop_supply_alert (tenant_id, month, received, minimum, sent_at)
                values (:tenant, :month, :received, :minimum, :at) on conflict do nothing""")
                .param("tenant", tenantId()).param("month", supply.month().atDay(1))
                .param("received", supply.received()).param("minimum", supply.minimum())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update() == 1;
    }

    private void alert(TenantConfiguration tenant, MonthlySupply supply, LocalDate today) {
        Locale locale = Locale.forLanguageTag(tenant.defaultLocale());
        String month = DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(supply.month());
        Object[] args = {month, supply.received(), supply.minimum(), tenant.name(), DAY.format(today)};
        String subject = bundle.getMessage("shop.supply.alert.subject", args, locale);
        String body = bundle.getMessage("shop.supply.alert.body", args, locale);
        for (Account admin : accounts.staff(Set.of(Role.SHOP_ADMIN), null)) {
            notifications.send(new NotificationRequest(new Recipient(admin.getId(), admin.getEmail(),
                    admin.getDisplayName()), subject, body, null, true));
        }
    }

    private static OffsetDateTime start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    }

    private static String tenantId() {
        return TenantContext.getRequiredTenantId().value();
    }
}
