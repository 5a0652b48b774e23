package ru.civic.platform.campaign;

import java.time.LocalDate;

/** One step of a campaign's implementation plan, due by the end of {@code dueOn} in the tenant's zone. */
public record PlanItem(String title, LocalDate dueOn) {
}
