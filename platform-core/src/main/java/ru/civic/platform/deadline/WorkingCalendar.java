package ru.civic.platform.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import ru.civic.platform.tenancy.TenantConfiguration.CalendarRules;

/**
 * Federal production calendar for all years in the file plus a tenant's regional holidays. Immutable and
 * thread-safe. Years the file does not cover fall back to plain weekends (Saturday and Sunday off), with a warning
 * logged once per year, so that a missing decree never stops a deadline from being computed.
 */
public final class WorkingCalendar {

    private final ProductionCalendar federal;
    private final CalendarRules rules;
    private final Set<LocalDate> regionalHolidays;

    private WorkingCalendar(ProductionCalendar federal, CalendarRules rules) {
        this.federal = Objects.requireNonNull(federal, "federal");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.regionalHolidays = Set.copyOf(rules.regionalHolidays());
    }

    /** The federal calendar alone: no regional holidays, presidential non-working days worked (as in the totals). */
    public static WorkingCalendar federal(ProductionCalendar federal) {
        return new WorkingCalendar(federal, new CalendarRules(List.of(), false));
    }

    /** The federal calendar with a tenant's rules; {@link DeadlineCalculator#calendarOf} caches these per tenant. */
    public static WorkingCalendar of(ProductionCalendar federal, CalendarRules rules) {
        return new WorkingCalendar(federal, rules);
    }

    CalendarRules rules() {
        return rules;
    }

    /**
     * Weekends are off unless the decree moved a working day onto them; federal holidays are off; the tenant's
     * regional holidays are off (also in years without federal data: they are the tenant's own dates); presidential
     * non-working days are off only when the tenant chose so, because they are not public holidays.
     */
    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (regionalHolidays.contains(day)) {
            return false;
        }
        if (!federal.covers(day.getYear())) {
            federal.reportIfNotCovered(day.getYear());
            return !ProductionCalendar.isWeekend(day);
        }
        if (federal.isHoliday(day)) {
            return false;
        }
        if (rules.presidentialNonWorkingDaysOff() && federal.isPresidentialNonWorkingDay(day)) {
            return false;
        }
        if (federal.isWorkingWeekend(day)) {
            return true;
        }
        return !ProductionCalendar.isWeekend(day);
    }

    /** The day itself when it is a working day, else the first working day after it. */
    public LocalDate nextWorkingDayOnOrAfter(LocalDate day) {
        LocalDate d = Objects.requireNonNull(day, "day");
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The n-th working day after {@code start} (Civil Code art. 191: counting begins the day after the event), so
     * {@code start} itself never counts; {@code n = 0} returns {@code start} unchanged.
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("A period cannot have a negative number of days: " + n);
        }
        LocalDate d = start;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /**
     * The number of working days in {@code (fromExclusive, toInclusive]}. Like {@code ChronoUnit.between}, it is
     * negative when {@code toInclusive} is before {@code fromExclusive} (then the working days in
     * {@code (toInclusive, fromExclusive]} count negatively), and 0 for the same day.
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** True when the day's year is in the federal data; otherwise {@link #isWorkingDay} knows only weekends. */
    public boolean covers(LocalDate day) {
        return federal.covers(day.getYear());
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + federal.years() + ", regional " + rules.regionalHolidays()
                + ", presidential days off " + rules.presidentialNonWorkingDaysOff() + "]";
    }
}
