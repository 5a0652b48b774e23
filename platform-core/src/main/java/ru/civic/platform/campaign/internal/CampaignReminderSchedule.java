package ru.civic.platform.campaign.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.civic.platform.campaign.CampaignReminders;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Looks for overdue campaign deadlines, tenant by tenant, each in its own tenant context (row-level security and
 * the tenant's staff); see {@link CampaignReminders#remindOverdue()}. A tenant that fails is skipped until the next
 * run, without stopping the others.
 */
@Component
class CampaignReminderSchedule {

    private static final Logger log = LoggerFactory.getLogger(CampaignReminderSchedule.class);

    private final TenantRegistry tenants;
    private final CampaignReminders reminders;

    CampaignReminderSchedule(TenantRegistry tenants, CampaignReminders reminders) {
        this.tenants = tenants;
        this.reminders = reminders;
    }

    @Scheduled(fixedDelayString = "${platform.campaign-reminder-interval:15m}",
            initialDelayString = "${platform.campaign-reminder-initial-delay:90s}")
    void scheduled() {
        for (Tenant tenant : tenants.all()) {
            if (tenant.isActive()) {
                try {
                    TenantContext.runAs(tenant.id(), reminders::remindOverdue);
                } catch (RuntimeException e) {
                    log.warn("Campaign reminders of {} skipped: {}", tenant.id(), e.getMessage());
                }
            }
        }
    }
}
