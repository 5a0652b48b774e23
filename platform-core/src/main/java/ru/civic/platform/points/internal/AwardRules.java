package ru.civic.platform.points.internal;

import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.points.PointsAction;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.PointsRules;

/**
 * What earns an award and what an annulment says, shared by the event listener ({@link PointsAwards}) and the
 * periodic catch-up ({@link PointsCatchUp}), so that a caught-up award is exactly the one the listener would have
 * written, never one more.
 */
@Component
class AwardRules {

    /**
     * The vote {@code v} (a {@code poll_vote} row) answered every question of its poll; a voter may skip a question,
     * which earns VOTE but not POLL_COMPLETED.
     */
    static final String ANSWERED_EVERY_QUESTION = """
            not exists (select 1 from poll_question q where q.poll_id = v.poll_id
                          and not exists (select 1 from poll_answer a join poll_option o on o.id = a.option_id
                                          where a.poll_id = v.poll_id and a.voter = v.voter
                                            and o.question_id = q.id))""";

    private final PointsLedger ledger;
    private final AccountService accounts;
    private final JdbcClient jdbc;

    AwardRules(PointsLedger ledger, AccountService accounts, JdbcClient jdbc) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /**
     * Awards in the current tenant and the caller's transaction when the tenant prices the action, {@code earned}
     * holds and the resident is not blocked (a blocked resident earns nothing more: a late award would undo part of an
     * annulment).
     *
     * @return whether a new entry was written (false also when it had been awarded already)
     */
    boolean award(UUID accountId, PointsAction action, String source, BooleanSupplier earned) {
        if (accountId == null || ledger.priceOf(action).isEmpty() || !earned.getAsBoolean()) {
            return false;
        }
        boolean blocked = accounts.find(accountId).map(a -> a.isBlocked()).orElse(true);
        return !blocked && ledger.award(accountId, action, source).isPresent();
    }

    /** Whether this voter's vote in the poll answered every question (see {@link #ANSWERED_EVERY_QUESTION}). */
    boolean answeredEveryQuestion(UUID pollId, String voter) {
        return jdbc.sql("select exists (select 1 from poll_vote v where v.poll_id = :poll and v.voter = :voter and "
                        + ANSWERED_EVERY_QUESTION + ")")
                .param("poll", pollId).param("voter", voter).query(Boolean.class).single();
    }

    /** Whether the tenant annuls a resident's awards when they are blocked (Gubkinsky 3.9). */
    static boolean annulsOnBlock(TenantConfiguration configuration) {
        PointsRules rules = configuration.points();
        return rules != null && rules.annulOnBlock();
    }

    /**
     * The annulment's reason: the workflow's block names a refusal reason by its code, which becomes its title; the
     * back office's block is the moderator's own words. The message whose action blocked them follows, when known.
     */
    static String annulmentReason(TenantConfiguration configuration, String blockReason, String messageNumber) {
        String raw = blockReason == null || blockReason.isBlank() ? "—" : blockReason;
        String text = configuration.refusalReason(raw).map(TenantConfiguration.RefusalReason::title).orElse(raw);
        return messageNumber == null ? text : text + " (" + messageNumber + ")";
    }
}
