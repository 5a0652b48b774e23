package ru.civic.platform.workflow.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageStore;
import ru.civic.platform.message.MessageTransition;
import ru.civic.platform.shared.ClusterLock;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.Stage;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.workflow.DeadlineMissed;

/**
 * Marks overdue work, tells the responsible staff and counts breaches per tenant and organisation. Runs on every
 * instance on a timer, but only the one that holds a PostgreSQL advisory lock works: once per cluster however many
 * instances run. Each breach is handled once (a flag on the message, set under its row lock).
 */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    /** The advisory lock's key: any constant shared by all instances. */
    static final long LOCK_KEY = 0x63697669635F646CL;
    private static final int BATCH = 200;

    private final TenantRegistry tenants;
    private final MessageStore store;
    private final WorkflowNotifications notifications;
    private final ApplicationEventPublisher events;
    private final ClusterLock lock;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    DeadlineWatch(TenantRegistry tenants, MessageStore store, WorkflowNotifications notifications,
            ApplicationEventPublisher events, ClusterLock lock, TransactionTemplate transactions,
            MeterRegistry meters, Clock clock) {
        this.tenants = tenants;
        this.store = store;
        this.notifications = notifications;
        this.events = events;
        this.lock = lock;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${platform.deadline-watch-interval:60s}", initialDelayString = "${platform.deadline-watch-initial-delay:30s}")
    void scheduled() {
        runOnce();
    }

    /** One pass over every active tenant; returns the number of breaches handled, or -1 when another instance ran. */
    public int runOnce() {
        try {
            return lock.ifFree(LOCK_KEY, () -> {
                int handled = 0;
                for (Tenant tenant : tenants.all()) {
                    if (tenant.isActive()) {
                        handled += TenantContext.callAs(tenant.id(), () -> runForTenant(tenant.configuration()));
                    }
                }
                return handled;
            }).orElse(-1);
        } catch (SQLException e) {
            log.warn("Deadline watch skipped: {}", e.getMessage());
            return 0;
        }
    }

    private int runForTenant(TenantConfiguration tenant) {
        Instant now = clock.instant();
        List<UUID> ids = transactions.execute(s -> store.overdue(now, BATCH));
        int handled = 0;
        for (UUID id : ids == null ? List.<UUID>of() : ids) {
            Integer n = transactions.execute(s -> store.lock(id).map(m -> handle(tenant, m, now)).orElse(0));
            handled += n == null ? 0 : n;
        }
        return handled;
    }

    private int handle(TenantConfiguration tenant, Message m, Instant now) {
        Stage stage = tenant.workflow().stage(m.getStage()).orElse(null);
        if (stage == null || stage.status() == TenantConfiguration.StageStatus.REFUSED
                || stage.status() == TenantConfiguration.StageStatus.CLOSED) {
            // A stage gone from the workflow, or nothing due any more: settle it so it does not block the batch.
            m.markOverdueNotified();
            m.markStageOverdueNotified();
            return 0;
        }
        int handled = 0;
        if (m.getDueAt() != null && m.getDueAt().isBefore(now) && !m.isOverdueNotified()) {
            m.markOverdueNotified();
            breach(tenant, m, stage, DeadlineMissed.Kind.ANSWER, m.getDueAt(), now);
            handled++;
        }
        if (m.getStageDueAt() != null && m.getStageDueAt().isBefore(now) && !m.isStageOverdueNotified()) {
            m.markStageOverdueNotified();
            breach(tenant, m, stage, DeadlineMissed.Kind.STAGE, m.getStageDueAt(), now);
            handled++;
        }
        return handled;
    }

    private void breach(TenantConfiguration tenant, Message m, Stage stage, DeadlineMissed.Kind kind, Instant due,
            Instant now) {
        store.append(new MessageTransition(m.getId(), now, null, "deadline-missed", "DEADLINE_MISSED", m.getStage(),
                m.getStage(), m.getStatus(), null, null, Map.of("kind", kind.name()), List.of(), due));
        notifications.deadlineMissed(tenant, m, stage, due);
        Counter.builder("civic_deadline_breaches")
                .description("Deadlines missed, by tenant, organisation and kind (message answer or stage)")
                .tag("tenant", tenant.id())
                .tag("organisation", m.getOrganisationId() == null ? "none" : m.getOrganisationId())
                .tag("kind", kind.name())
                .register(meters).increment();
        events.publishEvent(new DeadlineMissed(tenant.id(), m.getId(), m.getNumber(), kind, m.getStage(),
                m.getOrganisationId(), due));
    }
}
