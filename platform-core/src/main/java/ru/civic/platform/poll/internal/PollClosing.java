package ru.civic.platform.poll.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.civic.platform.poll.Polls;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Notices polls that have ended, tenant by tenant. A poll is closed by its end date whatever this does (voting stops
 * at once); this only announces the end once, for points and results (see {@link Polls#closeEnded()}).
 */
@Component
class PollClosing {

    private static final Logger log = LoggerFactory.getLogger(PollClosing.class);

    private final TenantRegistry tenants;
    private final Polls polls;

    PollClosing(TenantRegistry tenants, Polls polls) {
        this.tenants = tenants;
        this.polls = polls;
    }

    @Scheduled(fixedDelayString = "${platform.poll-close-interval:60s}",
            initialDelayString = "${platform.poll-close-initial-delay:45s}")
    void scheduled() {
        for (Tenant tenant : tenants.all()) {
            if (tenant.isActive()) {
                try {
                    TenantContext.runAs(tenant.id(), polls::closeEnded);
                } catch (RuntimeException e) {
                    log.warn("Closing polls of {} skipped: {}", tenant.id(), e.getMessage());
                }
            }
        }
    }
}
