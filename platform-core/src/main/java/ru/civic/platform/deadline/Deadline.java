package ru.civic.platform.deadline;

import java.time.Instant;
import java.time.LocalDate;

import ru.civic.platform.tenancy.TenantConfiguration;

/**
 * A computed period end.
 *
 * @param dueAt   the end of {@code lastDay} (23:59:59.999999999) in the tenant's zone, as an instant
 * @param lastDay the last day of the period, a working day, in the tenant's zone
 * @param days    the length of the period as set by the rule
 * @param dayType whether {@code days} counts working or calendar days
 */
public record Deadline(Instant dueAt, LocalDate lastDay, int days, TenantConfiguration.DayType dayType) {
}
