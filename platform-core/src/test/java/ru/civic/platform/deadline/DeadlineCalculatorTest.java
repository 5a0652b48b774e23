package ru.civic.platform.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.DayType;
import ru.civic.platform.tenancy.TenantConfiguration.DeadlineRule;
import ru.civic.platform.tenancy.TenantConfiguration.SlaRule;

/** Deadlines of the shipped tenants' rules, counted in their zones and calendars (Civil Code arts. 191–193). */
class DeadlineCalculatorTest {

    private static final TenantConfiguration TOMSK = ShippedConfig.tenant("tomsk");
    private static final TenantConfiguration ZARECHNY = ShippedConfig.tenant("zarechny");
    private static final TenantConfiguration TYNDA = ShippedConfig.tenant("tynda");

    private final DeadlineCalculator calculator = new DeadlineCalculator(ShippedConfig.CALENDAR);

    // --- Tomsk: moderation within 2 working days; a message sent on a day off counts from the next working day (5.9)

    @Test
    void tomskMessageOnNewYearsEveCountsFromTheFirstWorkingDayOf2026() {
        // 31.12.2025 is a holiday (moved from Sun 05.01); 01–11.01.2026 are all off; Mon 12.01 is the first working day.
        Deadline d = tomskModeration(local(TOMSK, "2025-12-31T15:00"));

        assertThat(d.lastDay()).isEqualTo(LocalDate.of(2026, 1, 14));   // Tue 13, Wed 14
        assertThat(d.dueAt()).isEqualTo(Instant.parse("2026-01-14T16:59:59.999999Z"));   // 23:59:59.999999 +07
        assertThat(d.days()).isEqualTo(2);
        assertThat(d.dayType()).isEqualTo(DayType.WORKING);
    }

    @Test
    void tomskMessageSentOnFridayIsDueOnTuesdayEvening() {
        Deadline d = tomskModeration(local(TOMSK, "2026-03-13T17:00"));

        assertThat(d.lastDay()).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(d.dueAt()).isEqualTo(local(TOMSK, "2026-03-17T23:59:59.999999"));
    }

    @Test
    void tomskMessageSentOnSaturdayIsTakenAsReceivedOnMonday() {
        Deadline saturday = tomskModeration(local(TOMSK, "2026-03-14T10:00"));
        Deadline monday = tomskModeration(local(TOMSK, "2026-03-16T09:00"));

        assertThat(saturday.lastDay()).isEqualTo(LocalDate.of(2026, 3, 18));   // Tue 17, Wed 18
        assertThat(saturday).isEqualTo(monday);
        // Without clause 5.9 the count would start on Monday itself (the day after Saturday's event).
        assertThat(calculator.deadline(TOMSK, local(TOMSK, "2026-03-14T10:00"), 2, DayType.WORKING, false).lastDay())
                .isEqualTo(LocalDate.of(2026, 3, 17));
    }

    @Test
    void tomskFridayEveningInUtcIsAlreadySaturdayInTomsk() {
        Instant fridayUtc = Instant.parse("2026-03-13T18:30:00Z");   // Sat 01:30 in Asia/Tomsk (UTC+7)

        assertThat(tomskModeration(fridayUtc).lastDay()).isEqualTo(LocalDate.of(2026, 3, 18));
    }

    // --- Zarechny: Radonitsa is a regional day off in Penza region

    @Test
    void zarechnyThreeWorkingDaysSkipRadonitsa() {
        SlaRule registration = sla(ZARECHNY, "registration");
        Deadline d = calculator.deadline(ZARECHNY, local(ZARECHNY, "2026-04-17T12:00"), registration.days(),
                registration.dayType(), ZARECHNY.sla().receivedOnNonWorkingDayCountsFromNextWorkingDay());

        assertThat(registration.days()).isEqualTo(3);
        assertThat(d.lastDay()).isEqualTo(LocalDate.of(2026, 4, 23));   // Mon 20, (Tue 21 Radonitsa), Wed 22, Thu 23
        assertThat(d.dueAt()).isEqualTo(Instant.parse("2026-04-23T20:59:59.999999Z"));
        // The same rule in Tomsk, with the federal calendar only, ends a day earlier.
        assertThat(calculator.deadline(TOMSK, local(TOMSK, "2026-04-17T12:00"), 3, DayType.WORKING, false).lastDay())
                .isEqualTo(LocalDate.of(2026, 4, 22));
    }

    @Test
    void zarechnyCalendarDiffersFromTheFederalOneOnRadonitsa() {
        LocalDate radonitsa = LocalDate.of(2026, 4, 21);

        assertThat(calculator.calendarOf(ZARECHNY).isWorkingDay(radonitsa)).isFalse();
        assertThat(WorkingCalendar.federal(ShippedConfig.CALENDAR).isWorkingDay(radonitsa)).isTrue();
        assertThat(calculator.calendarOf(TOMSK).isWorkingDay(radonitsa)).isTrue();
    }

    // --- Tynda: answer within 30 calendar days (10 for the appendix categories), Asia/Yakutsk

    @Test
    void tyndaThirtyCalendarDaysEndingOnSundayMoveToTheNextWorkingDay() {
        // 06.02 + 30 = Sun 08.03; Mon 09.03 is the holiday moved from 08.03, so the period ends on Tue 10.03.
        Deadline d = tyndaAnswer(local(TYNDA, "2026-02-06T10:00"));

        assertThat(d.lastDay()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(d.dueAt()).isEqualTo(Instant.parse("2026-03-10T14:59:59.999999Z"));   // 23:59:59.999999 +09
        assertThat(d.dayType()).isEqualTo(DayType.CALENDAR);
    }

    @Test
    void tyndaThirtyCalendarDaysEndingOnAHolidayMoveToTheNextWorkingDay() {
        // 01.04 + 30 = Fri 01.05 (holiday), then Sat, Sun: Mon 04.05.
        assertThat(tyndaAnswer(local(TYNDA, "2026-04-01T10:00")).lastDay()).isEqualTo(LocalDate.of(2026, 5, 4));
        // 02.04 + 30 = Sat 02.05: Mon 04.05 as well.
        assertThat(tyndaAnswer(local(TYNDA, "2026-04-02T10:00")).lastDay()).isEqualTo(LocalDate.of(2026, 5, 4));
        // A period ending on a working day stays there: 06.04 + 30 = Wed 06.05.
        assertThat(tyndaAnswer(local(TYNDA, "2026-04-06T10:00")).lastDay()).isEqualTo(LocalDate.of(2026, 5, 6));
    }

    @Test
    void tyndaAcceleratedCategoryTakesTenCalendarDays() {
        DeadlineRule accelerated = TYNDA.allCategories().stream().map(TenantConfiguration.Category::deadline)
                .filter(Objects::nonNull).findFirst().orElseThrow();
        // 02.06 + 10 = Fri 12.06 (Russia Day), then Sat, Sun: Mon 15.06.
        Deadline d = calculator.deadline(TYNDA, local(TYNDA, "2026-06-02T10:00"), accelerated.days(),
                accelerated.dayType(), false);

        assertThat(accelerated).isEqualTo(new DeadlineRule(10, DayType.CALENDAR));
        assertThat(d.lastDay()).isEqualTo(LocalDate.of(2026, 6, 15));
    }

    @Test
    void tyndaLateEveningUtcIsAlreadyTheNextDayInYakutsk() {
        Instant event = Instant.parse("2026-03-18T22:00:00Z");   // Thu 19.03 07:00 in Asia/Yakutsk (UTC+9)

        Deadline d = tyndaAnswer(event);

        // 19.03 + 30 = Sat 18.04 → Mon 20.04. Counted from the UTC date (18.03) it would have been Fri 17.04.
        assertThat(d.lastDay()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(d.dueAt()).isEqualTo(Instant.parse("2026-04-20T14:59:59.999999Z"));
    }

    // --- days left

    @Test
    void daysLeftCountsWorkingDaysAndTurnsNegativeWhenOverdue() {
        Deadline d = calculator.deadline(ZARECHNY, local(ZARECHNY, "2026-04-17T12:00"), 3, DayType.WORKING, false);

        assertThat(calculator.daysLeft(ZARECHNY, d, local(ZARECHNY, "2026-04-20T09:00"))).isEqualTo(2);   // Wed, Thu
        assertThat(calculator.daysLeft(ZARECHNY, d, local(ZARECHNY, "2026-04-23T23:00"))).isZero();       // due today
        assertThat(calculator.daysLeft(ZARECHNY, d, local(ZARECHNY, "2026-04-24T00:30"))).isEqualTo(-1);
        assertThat(calculator.daysLeft(ZARECHNY, d, local(ZARECHNY, "2026-04-25T10:00"))).isEqualTo(-1);  // Saturday
        assertThat(calculator.daysLeft(ZARECHNY, d, local(ZARECHNY, "2026-04-27T10:00"))).isEqualTo(-2);  // Fri, Mon
    }

    @Test
    void daysLeftIsNegativeOnTheDayAfterAFridayDeadlineEvenOnAWeekend() {
        Deadline friday = tomskModeration(local(TOMSK, "2026-03-11T10:00"));   // Wed → Thu 12, Fri 13

        assertThat(friday.lastDay()).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(calculator.daysLeft(TOMSK, friday, local(TOMSK, "2026-03-14T10:00"))).isEqualTo(-1);
        assertThat(calculator.daysLeft(TOMSK, friday, local(TOMSK, "2026-03-16T10:00"))).isEqualTo(-1);
        assertThat(calculator.daysLeft(TOMSK, friday, local(TOMSK, "2026-03-17T10:00"))).isEqualTo(-2);
    }

    @Test
    void daysLeftOfACalendarPeriodCountsCalendarDaysInTheTenantsZone() {
        Deadline d = tyndaAnswer(local(TYNDA, "2026-04-01T10:00"));   // last day Mon 04.05

        assertThat(calculator.daysLeft(TYNDA, d, local(TYNDA, "2026-04-30T10:00"))).isEqualTo(4);
        assertThat(calculator.daysLeft(TYNDA, d, Instant.parse("2026-05-04T16:00:00Z"))).isEqualTo(-1);   // 05.05 01:00
        assertThat(calculator.daysLeft(TYNDA, d, local(TYNDA, "2026-05-07T10:00"))).isEqualTo(-3);
    }

    // --- cache

    @Test
    void calendarIsCachedPerTenantAndReplacedWhenItsRulesChange() {
        WorkingCalendar first = calculator.calendarOf(TOMSK);
        TenantConfiguration edited = ShippedConfig.tenant("tomsk",
                text -> text.replace("regionalHolidays: []", "regionalHolidays: [2026-04-21]"));

        assertThat(calculator.calendarOf(ShippedConfig.tenant("tomsk"))).isSameAs(first);
        WorkingCalendar changed = calculator.calendarOf(edited);
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.isWorkingDay(LocalDate.of(2026, 4, 21))).isFalse();
        assertThat(calculator.calendarOf(TOMSK).isWorkingDay(LocalDate.of(2026, 4, 21))).isTrue();
    }

    private Deadline tomskModeration(Instant event) {
        SlaRule moderation = sla(TOMSK, "moderation");
        return calculator.deadline(TOMSK, event, moderation.days(), moderation.dayType(),
                TOMSK.sla().receivedOnNonWorkingDayCountsFromNextWorkingDay());
    }

    private Deadline tyndaAnswer(Instant event) {
        SlaRule answer = sla(TYNDA, "answer");
        return calculator.deadline(TYNDA, event, answer.days(), answer.dayType(),
                TYNDA.sla().receivedOnNonWorkingDayCountsFromNextWorkingDay());
    }

    private static SlaRule sla(TenantConfiguration tenant, String id) {
        return tenant.sla().rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** A wall-clock time in the tenant's zone, as the instant the platform stores. */
    private static Instant local(TenantConfiguration tenant, String localDateTime) {
        ZoneId zone = tenant.zoneId();
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
