package ru.civic.platform.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ru.civic.platform.tenancy.TenantConfiguration.CalendarRules;

/** Which days are working days: the federal calendar, its working weekends, regional and presidential days off. */
class WorkingCalendarTest {

    private final WorkingCalendar federal = WorkingCalendar.federal(ShippedConfig.CALENDAR);

    @Test
    void workingSaturdayOfTheDecreeIsAWorkingDay() {
        LocalDate saturday = LocalDate.of(2025, 11, 1);   // 2025 working_weekends: Sat 01.11 → Mon 03.11 off

        assertThat(federal.isWorkingDay(saturday)).isTrue();
        assertThat(federal.isWorkingDay(LocalDate.of(2025, 11, 3))).isFalse();
        assertThat(federal.plusWorkingDays(LocalDate.of(2025, 10, 31), 1)).isEqualTo(saturday);
        // Sat 01.11 worked, then 03.11 and 04.11 off: the 2nd working day after Friday is Wednesday.
        assertThat(federal.plusWorkingDays(LocalDate.of(2025, 10, 31), 2)).isEqualTo(LocalDate.of(2025, 11, 5));
        assertThat(federal.isWorkingDay(LocalDate.of(2024, 12, 28))).isTrue();
    }

    @Test
    void ordinaryWeekendsAndHolidaysAreOff() {
        assertThat(federal.isWorkingDay(LocalDate.of(2026, 3, 14))).isFalse();   // Saturday
        assertThat(federal.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();    // 08.03 (Sun) moved to Mon 09.03
        assertThat(federal.isWorkingDay(LocalDate.of(2026, 1, 9))).isFalse();    // Sat 03.01 moved to Fri 09.01
        assertThat(federal.isWorkingDay(LocalDate.of(2026, 4, 30))).isTrue();    // a short day is still worked
        assertThat(federal.nextWorkingDayOnOrAfter(LocalDate.of(2025, 12, 31))).isEqualTo(LocalDate.of(2026, 1, 12));
        assertThat(federal.nextWorkingDayOnOrAfter(LocalDate.of(2026, 1, 12))).isEqualTo(LocalDate.of(2026, 1, 12));
    }

    @Test
    void regionalHolidayIsOffOnlyInThatTenantsCalendar() {
        LocalDate radonitsa = LocalDate.of(2026, 4, 21);
        WorkingCalendar penza = WorkingCalendar.of(ShippedConfig.CALENDAR, new CalendarRules(List.of(radonitsa), false));

        assertThat(penza.isWorkingDay(radonitsa)).isFalse();
        assertThat(federal.isWorkingDay(radonitsa)).isTrue();
        assertThat(penza.plusWorkingDays(LocalDate.of(2026, 4, 20), 1)).isEqualTo(LocalDate.of(2026, 4, 22));
    }

    @Test
    void presidentialNonWorkingDaysAreOffOnlyWhenTheTenantChoosesSo() {
        LocalDate covidDay = LocalDate.of(2020, 4, 1);
        WorkingCalendar takesThemOff = WorkingCalendar.of(ShippedConfig.CALENDAR, new CalendarRules(List.of(), true));

        assertThat(federal.isWorkingDay(covidDay)).isTrue();
        assertThat(takesThemOff.isWorkingDay(covidDay)).isFalse();
        // 30.03–30.04.2020 were all presidential days off: the next working day is after the May holidays' start.
        assertThat(takesThemOff.nextWorkingDayOnOrAfter(LocalDate.of(2020, 3, 30))).isEqualTo(LocalDate.of(2020, 5, 12));
    }

    @Test
    void yearOutsideTheDataFallsBackToWeekendsAndWarnsOncePerYear() {
        // A calendar of its own: the shared one may already have reported these years in another test.
        WorkingCalendar fresh = WorkingCalendar.federal(
                ProductionCalendar.load(ShippedConfig.CONFIG.resolve(ProductionCalendar.FILE)));
        Logger logger = (Logger) LoggerFactory.getLogger(ProductionCalendar.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            LocalDate newYear2028 = LocalDate.of(2028, 1, 3);   // Monday; would be a holiday once the decree is in

            assertThat(fresh.covers(newYear2028)).isFalse();
            assertThat(fresh.covers(LocalDate.of(2027, 12, 31))).isTrue();
            assertThat(fresh.isWorkingDay(newYear2028)).isTrue();
            assertThat(fresh.isWorkingDay(LocalDate.of(2028, 1, 1))).isFalse();   // Saturday
            assertThat(fresh.isWorkingDay(LocalDate.of(2019, 12, 31))).isTrue();
            // 31.12.2027 is a holiday, then a weekend; counting crosses into the uncovered year without failing.
            assertThat(fresh.plusWorkingDays(LocalDate.of(2027, 12, 30), 1)).isEqualTo(newYear2028);
            fresh.workingDaysBetween(LocalDate.of(2027, 12, 1), LocalDate.of(2028, 12, 31));

            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .filteredOn(m -> m.contains("no data for 2028")).hasSize(1);
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .filteredOn(m -> m.contains("no data for 2019")).hasSize(1);
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void workingDaysBetweenCountsTheHalfOpenRangeAndIsNegativeBackwards() {
        LocalDate friday = LocalDate.of(2026, 3, 13);
        LocalDate wednesday = LocalDate.of(2026, 3, 18);

        assertThat(federal.workingDaysBetween(friday, wednesday)).isEqualTo(3);    // Mon, Tue, Wed
        assertThat(federal.workingDaysBetween(wednesday, friday)).isEqualTo(-3);
        assertThat(federal.workingDaysBetween(friday, friday)).isZero();
        assertThat(federal.plusWorkingDays(friday, 0)).isEqualTo(friday);
        assertThatThrownBy(() -> federal.plusWorkingDays(friday, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
