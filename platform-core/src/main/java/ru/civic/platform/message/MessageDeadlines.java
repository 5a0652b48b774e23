package ru.civic.platform.message;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.civic.platform.deadline.Deadline;
import ru.civic.platform.deadline.DeadlineCalculator;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.DeadlineRule;
import ru.civic.platform.tenancy.TenantConfiguration.SlaRule;

/**
 * Turns a tenant's SLA rule into a due instant for one message: the rule's period, or the category's own (Tynda's
 * accelerated categories) for the answer deadline, counted from the rule's event.
 */
@Component
public class MessageDeadlines {

    private final DeadlineCalculator calculator;

    public MessageDeadlines(DeadlineCalculator calculator) {
        this.calculator = calculator;
    }

    /**
     * @param event     when the period starts running: the receipt at intake, otherwise the moment of the action
     *                  (registration, rating, resubmission, entering a stage)
     * @param atReceipt the period starts with the message's receipt: Tomsk 5.9 (a message received on a
     *                  non-working day counts as received on the next working day) applies only then
     */
    public Optional<Deadline> due(TenantConfiguration tenant, String ruleId, String categoryId, Instant event,
            boolean atReceipt) {
        if (ruleId == null) {
            return Optional.empty();
        }
        SlaRule rule = tenant.slaRule(ruleId).orElseThrow(
                () -> new IllegalStateException("tenant " + tenant.id() + " has no SLA rule '" + ruleId + "'"));
        DeadlineRule period = new DeadlineRule(rule.days(), rule.dayType());
        if ("ANSWER".equals(rule.stage()) && categoryId != null) {
            period = tenant.categoryDeadline(categoryId).orElse(period);
        }
        boolean moveToWorkingDay = atReceipt && tenant.sla().receivedOnNonWorkingDayCountsFromNextWorkingDay();
        return Optional.of(calculator.deadline(tenant, event, period.days(), period.dayType(), moveToWorkingDay));
    }

    /** Whether the rule counts from the receipt (so a later change of category recounts it from the receipt). */
    public boolean countsFromReceipt(TenantConfiguration tenant, String ruleId) {
        return ruleId != null && tenant.slaRule(ruleId).map(r -> "RECEIPT".equals(r.from())).orElse(false);
    }

    public Optional<Instant> dueAt(TenantConfiguration tenant, String ruleId, String categoryId, Instant event,
            boolean atReceipt) {
        return due(tenant, ruleId, categoryId, event, atReceipt).map(Deadline::dueAt);
    }
}
