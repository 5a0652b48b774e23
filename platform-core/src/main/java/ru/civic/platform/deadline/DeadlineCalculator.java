package ru.civic.platform.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.DayType;

/**
 * Computes the deadlines of the regulations (Civil Code arts. 191–193) in each tenant's zone and calendar.
 * Stateless apart from a cache of working calendars, so safe to share.
 */
@Service
public class DeadlineCalculator {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59, 999_999_000);

    private final ProductionCalendar calendar;
    /**
     * One calendar per tenant id, replaced when the tenant's calendar rules change; keyed by id rather than by
     * (id, rules) so that a tenant whose rules are edited many times does not leave old calendars behind.
     */
    private final Map<String, WorkingCalendar> calendars = new ConcurrentHashMap<>();

    public DeadlineCalculator(ProductionCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The federal calendar plus this tenant's regional holidays; cached per tenant id and calendar rules. */
    public WorkingCalendar calendarOf(TenantConfiguration tenant) {
        Objects.requireNonNull(tenant, "tenant");
        TenantConfiguration.CalendarRules rules = tenant.calendar();
        return calendars.compute(tenant.id(), (id, cached) -> cached != null && cached.rules().equals(rules)
                ? cached
                : WorkingCalendar.of(calendar, rules));
    }

    /**
     * Civil Code arts. 191–193: the period starts the day after the event (in the tenant's zone), a WORKING period
     * counts working days only, a CALENDAR period ending on a non-working day moves to the next working day; ends at
     * 23:59:59.999999 local time of the last day. If receivedOnNonWorkingDayCountsFromNextWorkingDay and the
     * event's local date is not a working day, the event is taken as happening on the next working day (Tomsk 5.9).
     */
    public Deadline deadline(TenantConfiguration tenant, Instant event, int days, DayType dayType,
            boolean eventOnNonWorkingDayMovesToNextWorkingDay) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(dayType, "dayType");
        if (days < 0) {
            throw new IllegalArgumentException("A period cannot have a negative number of days: " + days);
        }
        WorkingCalendar workingCalendar = calendarOf(tenant);
        ZoneId zone = tenant.zoneId();
        // The day is the tenant's local day: 22:00 UTC is already tomorrow in Tomsk or Tynda.
        LocalDate eventDay = event.atZone(zone).toLocalDate();
        if (eventOnNonWorkingDayMovesToNextWorkingDay) {
            eventDay = workingCalendar.nextWorkingDayOnOrAfter(eventDay);
        }
        LocalDate lastDay = switch (dayType) {
            case WORKING -> workingCalendar.plusWorkingDays(eventDay, days);
            // Art. 193: a period in calendar days that ends on a day off ends on the next working day.
            case CALENDAR -> workingCalendar.nextWorkingDayOnOrAfter(eventDay.plusDays(days));
        };
        // The last microsecond of the day, not LocalTime.MAX: PostgreSQL keeps microseconds and would round
        // 23:59:59.999999999 up to midnight of the next day.
        Instant dueAt = lastDay.atTime(END_OF_DAY).atZone(zone).toInstant();
        return new Deadline(dueAt, lastDay, days, dayType);
    }

    /**
     * Working or calendar days left from now until the deadline's last day (negative when overdue), in the tenant's
     * zone. 0 means the last day is today. A WORKING deadline counts the working days since the last day, but at
     * least one: the day after a Friday deadline is a Saturday, and the task is late all the same.
     */
    public long daysLeft(TenantConfiguration tenant, Deadline deadline, Instant now) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(now, "now");
        LocalDate today = now.atZone(tenant.zoneId()).toLocalDate();
        LocalDate lastDay = deadline.lastDay();
        if (deadline.dayType() == DayType.CALENDAR) {
            return ChronoUnit.DAYS.between(today, lastDay);
        }
        WorkingCalendar workingCalendar = calendarOf(tenant);
        if (!today.isAfter(lastDay)) {
            return workingCalendar.workingDaysBetween(today, lastDay);
        }
        return -Math.max(1, workingCalendar.workingDaysBetween(lastDay, today));
    }
}
