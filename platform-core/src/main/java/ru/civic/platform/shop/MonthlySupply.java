package ru.civic.platform.shop;

import java.time.Instant;
import java.time.YearMonth;

/**
 * Municipal certificates received in a month against the tenant's minimum (Gubkinsky 4.5).
 *
 * @param minimum     the month's minimum (the summer one in summer months), null where the tenant sets none
 * @param alertSentAt when the shop administrators were alerted about this month, or null
 */
public record MonthlySupply(YearMonth month, int received, Integer minimum, Instant alertSentAt) {

    public boolean belowMinimum() {
        return minimum != null && received < minimum;
    }
}
