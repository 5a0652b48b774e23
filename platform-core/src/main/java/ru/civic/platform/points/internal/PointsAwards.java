package ru.civic.platform.points.internal;

import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import ru.civic.platform.campaign.CommentPublished;
import ru.civic.platform.campaign.IdeaPublished;
import ru.civic.platform.message.MessageSupported;
import ru.civic.platform.points.PointsAction;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.poll.PollVoted;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.workflow.AuthorBlocked;
import ru.civic.platform.workflow.MessageTransitioned;

/**
 * Turns what residents did into ledger entries, and a block into annulments (Gubkinsky 3.9). Runs after the action's
 * transaction has committed, in a transaction of its own: a failing award never undoes the vote or the publication
 * that earned it. The project has no durable event publication registry (Spring Modulith's JDBC store is not used),
 * so a failure is logged with everything needed to repeat it and counted in {@code civic.points.failures}, which
 * the platform's dashboards alert on, and {@link PointsCatchUp} later writes what is missing from the source rows.
 * Repeating is safe: awards are idempotent per action and source, and an annulment reverses each award once. What
 * earns an award is in {@link AwardRules}, shared with the catch-up.
 */
@Component
class PointsAwards {

    private static final Logger log = LoggerFactory.getLogger(PointsAwards.class);
    private static final String ACCOUNT_KEY = "account:";
    private static final String SYSTEM = "system";

    private final PointsLedger ledger;
    private final AwardRules rules;
    private final TenantRegistry tenants;
    private final MeterRegistry meters;
    private final TransactionTemplate ownTransaction;

    PointsAwards(PointsLedger ledger, AwardRules rules, TenantRegistry tenants, MeterRegistry meters,
            PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.rules = rules;
        this.tenants = tenants;
        this.meters = meters;
        this.ownTransaction = new TransactionTemplate(transactions);
        // After commit the caller's transaction is finished but still bound: joining it would write nothing.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Any transition of a published message awards once: the first one, the award being unique per source. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(MessageTransitioned transitioned) {
        if (transitioned.published() && transitioned.authorId() != null) {
            award(transitioned.tenantId(), transitioned.authorId(), PointsAction.MESSAGE_PUBLISHED,
                    "message:" + transitioned.messageId());
        }
    }

    /** Supporters are "account:<id>" or "guest:<cookie id>"; guests have no ledger. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(MessageSupported supported) {
        if (supported.guest() || !supported.supporter().startsWith(ACCOUNT_KEY)) {
            return;
        }
        UUID supporter = UUID.fromString(supported.supporter().substring(ACCOUNT_KEY.length()));
        award(supported.tenantId(), supporter, PointsAction.SUPPORT, "message:" + supported.messageId());
    }

    /**
     * A vote earns VOTE; a vote that answered every question of the poll (some questions may be skipped) earns
     * POLL_COMPLETED on top. Both are once per poll.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PollVoted voted) {
        if (voted.guest() || voted.accountId() == null) {
            return;
        }
        String source = "poll:" + voted.pollId();
        award(voted.tenantId(), voted.accountId(), PointsAction.VOTE, source);
        award(voted.tenantId(), voted.accountId(), PointsAction.POLL_COMPLETED, source,
                () -> rules.answeredEveryQuestion(voted.pollId(), voted.voter()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(IdeaPublished published) {
        award(published.tenantId(), published.authorId(), PointsAction.IDEA_PUBLISHED, "idea:" + published.ideaId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CommentPublished published) {
        award(published.tenantId(), published.authorId(), PointsAction.COMMENT, "comment:" + published.commentId());
    }

    /** Where the tenant says so, a block annuls every award not yet annulled, with the block's reason. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(AuthorBlocked blocked) {
        TenantId tenant = TenantId.of(blocked.tenantId());
        try {
            TenantContext.runAs(tenant, () -> {
                TenantConfiguration configuration = tenants.currentConfiguration();
                if (!AwardRules.annulsOnBlock(configuration)) {
                    return;
                }
                String reason = AwardRules.annulmentReason(configuration, blocked.reason(), blocked.messageNumber());
                Integer annulled = ownTransaction.execute(s -> ledger.annulAwards(blocked.accountId(), reason,
                        SYSTEM).size());
                log.info("Annulled {} awards of {} on block", annulled, blocked.accountId());
            });
        } catch (RuntimeException e) {
            failed(blocked.tenantId(), "ANNULMENT", blocked, e);
        }
    }

    private void award(String tenantId, UUID accountId, PointsAction action, String source) {
        award(tenantId, accountId, action, source, () -> true);
    }

    private void award(String tenantId, UUID accountId, PointsAction action, String source,
            BooleanSupplier earned) {
        if (accountId == null) {
            return;
        }
        try {
            // The context first: the new transaction's connection takes its tenant setting when it is borrowed.
            TenantContext.runAs(TenantId.of(tenantId), () -> ownTransaction.executeWithoutResult(s ->
                    rules.award(accountId, action, source, earned)));
        } catch (RuntimeException e) {
            failed(tenantId, action.name(), "award " + action + " for " + source + " to " + accountId, e);
        }
    }

    private void failed(String tenantId, String what, Object detail, RuntimeException e) {
        // The triggering action has committed; this must not reach its caller, but must be seen and repeatable.
        meters.counter("civic.points.failures", "tenant", tenantId, "kind", what).increment();
        log.error("Points not recorded in tenant {}: {}", tenantId, detail, e);
    }
}
