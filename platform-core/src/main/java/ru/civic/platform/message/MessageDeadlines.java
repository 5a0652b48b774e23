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
     * @param now the moment of the action that starts the deadline: the event for rules counted from registration,
     *            rating or stage start; rules counted from receipt use the message's receipt instead
     */
    public Optional<Deadline> due(TenantConfiguration tenant, String ruleId, String categoryId, Instant receivedAt,
            Instant now) {
        if (ruleId == null) {
            return Optional.empty();
        }
        SlaRule rule = tenant.slaRule(ruleId).orElseThrow(
                () -> new IllegalStateException("tenant " + tenant.id() + " has no SLA rule '" + ruleId + "'"));
        DeadlineRule period = new DeadlineRule(rule.days(), rule.dayType());
        if ("ANSWER".equals(rule.stage()) && categoryId != null) {
            period = tenant.categoryDeadline(categoryId).orElse(period);
        }
        boolean fromReceipt = "RECEIPT".equals(rule.from());
        Instant event = fromReceipt ? receivedAt : now;
        // Tomsk 5.9: only the receipt moves to the next working day; registration and ratings are staff/author acts.
        boolean moveToWorkingDay = fromReceipt && tenant.sla().receivedOnNonWorkingDayCountsFromNextWorkingDay();
        return Optional.of(calculator.deadline(tenant, event, period.days(), period.dayType(), moveToWorkingDay));
    }

    public Optional<Instant> dueAt(TenantConfiguration tenant, String ruleId, String categoryId, Instant receivedAt,
            Instant now) {
        return due(tenant, ruleId, categoryId, receivedAt, now).map(Deadline::dueAt);
    }
}
