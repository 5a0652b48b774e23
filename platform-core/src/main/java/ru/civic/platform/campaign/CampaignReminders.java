package ru.civic.platform.campaign;

import static ru.civic.platform.campaign.TopicPlans.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.campaign.CampaignDeadlineMissed.Which;
import ru.civic.platform.notification.NotificationRequest;
import ru.civic.platform.notification.Notifications;
import ru.civic.platform.notification.Recipient;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Tells the staff who run campaigns (the tenant's MODERATOR and OPERATOR accounts) that a campaign's results
 * ({@code campaigns.resultsDue}, 3.13) or implementation report ({@code campaigns.reportDue}, 3.14) are overdue: in the
 * cabinet and by e-mail through the outbox, once per deadline. Run on a timer tenant by tenant (internal
 * CampaignReminderSchedule); the update that marks a deadline reminded hands it to one caller, so instances running
 * at the same time, or a run repeated, never remind twice.
 */
@Service
public class CampaignReminders {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    /** Who handles campaigns: the moderator publishes winners and results, the operator runs the tenant. */
    private static final EnumSet<Role> CAMPAIGN_STAFF = EnumSet.of(Role.MODERATOR, Role.OPERATOR);

    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final AccountService accounts;
    private final Notifications notifications;
    private final MessageSource bundle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignReminders(JdbcClient jdbc, TenantRegistry tenants, AccountService accounts, Notifications notifications,
            MessageSource bundle, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.accounts = accounts;
        this.notifications = notifications;
        this.bundle = bundle;
        this.events = events;
        this.clock = clock;
    }

    private record Overdue(UUID campaignId, String title, Which which, Instant dueAt) {
    }

    /**
     * Reminds the current tenant's campaign staff of each deadline that passed since the last run.
     *
     * @return the number of overdue deadlines reminded of
     */
    @Transactional
    public int remindOverdue() {
        TenantConfiguration tenant = tenants.currentConfiguration();
        if (!tenant.features().campaigns() || tenant.campaigns() == null) {
            return 0;
        }
        OffsetDateTime now = utc(clock.instant());
        List<Overdue> overdue = new ArrayList<>();
        overdue.addAll(jdbc.sql("""
                update campaign set results_reminded_at = ?
                where tenant_id = ? and results_reminded_at is null and results_sent_at is null and results_due_at < ?
                returning id, title, results_due_at""")
                .params(now, tenant.id(), now)
                .query((rs, i) -> new Overdue(rs.getObject(1, UUID.class), rs.getString(2), Which.RESULTS,
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list());
        overdue.addAll(jdbc.sql("""
                update campaign set report_reminded_at = ?
                where tenant_id = ? and report_reminded_at is null and report_published_at is null
                  and report_due_at is not null and report_due_at < ?
                returning id, title, report_due_at""")
                .params(now, tenant.id(), now)
                .query((rs, i) -> new Overdue(rs.getObject(1, UUID.class), rs.getString(2), Which.REPORT,
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list());
        if (overdue.isEmpty()) {
            return 0;
        }
        List<Account> staff = accounts.staff(CAMPAIGN_STAFF, null);
        Locale locale = Locale.forLanguageTag(tenant.defaultLocale());
        for (Overdue o : overdue) {
            Object[] args = {o.title(), WHEN.format(o.dueAt().atZone(tenant.zoneId())), tenant.name()};
            String key = "campaign.reminder." + o.which().name();
            String subject = bundle.getMessage(key + ".subject", args, locale);
            String body = bundle.getMessage(key + ".body", args, locale);
            for (Account a : staff) {
                notifications.send(new NotificationRequest(new Recipient(a.getId(), a.getEmail(), a.getDisplayName()),
                        subject, body, null, true));
            }
            events.publishEvent(new CampaignDeadlineMissed(tenant.id(), o.campaignId(), o.which(), o.dueAt()));
        }
        return overdue.size();
    }
}
