package ru.civic.platform.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shipped federal calendar file loads, matches the official totals, and a broken file is refused. */
class ProductionCalendarTest {

    private final ProductionCalendar calendar = ShippedConfig.CALENDAR;

    @Test
    void shippedFileCoversTwentyTwentyToTwentyTwentySeven() {
        assertThat(calendar.years()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027);
        assertThat(calendar.year(2026)).hasValueSatisfying(y -> {
            assertThat(y.decree()).isEqualTo("Постановление Правительства РФ от 24.09.2025 № 1466");
            assertThat(y.holidays()).contains(LocalDate.of(2026, 1, 9), LocalDate.of(2026, 12, 31));
            assertThat(y.shortDays()).contains(LocalDate.of(2026, 4, 30));
        });
        assertThat(calendar.isPresidentialNonWorkingDay(LocalDate.of(2020, 4, 1))).isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2020, 4, 1))).isFalse();
    }

    /** The official 5-day-week totals quoted in the file; presidential days are not in them. */
    @ParameterizedTest
    @CsvSource({"2020,248", "2021,247", "2022,247", "2023,247", "2024,248", "2025,247", "2026,247", "2027,247"})
    void federalWorkingDaysPerYearMatchTheOfficialTotals(int year, int workingDays) {
        WorkingCalendar federal = WorkingCalendar.federal(calendar);

        assertThat(federal.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)))
                .isEqualTo(workingDays);
    }

    @Test
    void dateFiledUnderAnotherYearIsRefusedNamingIt() {
        String yaml = """
                country: RU
                years:
                  2030:
                    decree: "test"
                    holidays: [2030-01-01, 2031-01-02]
                    working_weekends: []
                    short_days: []
                """;

        assertThatThrownBy(() -> ProductionCalendar.parse("broken.yaml", yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken.yaml")
                .hasMessageContaining("2030.holidays: 2031-01-02 is not in 2030");
    }

    @Test
    void workingWeekendOnAWeekdayIsRefused() {
        String yaml = """
                years:
                  2030:
                    holidays: []
                    working_weekends: [2030-01-02]
                    short_days: []
                """;

        assertThatThrownBy(() -> ProductionCalendar.parse("broken.yaml", yaml))
                .hasMessageContaining("2030.working_weekends: 2030-01-02 is not a Saturday or Sunday");
    }

    @Test
    void misspelledKeyIsRefusedRatherThanReadAsNoWorkingWeekends() {
        String yaml = """
                years:
                  2030:
                    holidays: []
                    working_weekend: [2030-01-05]
                """;

        assertThatThrownBy(() -> ProductionCalendar.parse("broken.yaml", yaml))
                .hasMessageContaining("broken.yaml")
                .hasMessageContaining("working_weekend");
    }

    @Test
    void missingFileIsReportedWithItsPath() {
        assertThatThrownBy(() -> ProductionCalendar.load(Path.of("no-such-dir", "calendar.yaml")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("calendar.yaml");
    }
}
