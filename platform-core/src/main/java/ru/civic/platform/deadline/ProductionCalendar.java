package ru.civic.platform.deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federal production calendar read from {@code ${platform.config-dir}/calendar/production-calendar-ru.yaml}
 * (format: {@code config/calendar/README.md}). A Spring bean (see {@link DeadlineConfiguration}); {@link #load(Path)}
 * builds one without Spring. Holds the federal data only: regional holidays belong to tenants and are applied by
 * {@link WorkingCalendar}.
 */
public class ProductionCalendar {

    /** The file under the platform's config dir. */
    public static final String FILE = "calendar/production-calendar-ru.yaml";

    private static final Logger log = LoggerFactory.getLogger(ProductionCalendar.class);

    private final String source;
    private final SortedMap<Integer, CalendarYear> years;
    /** Years already reported as missing, so a deadline computed per request does not flood the log. */
    private final Set<Integer> reportedMissingYears = ConcurrentHashMap.newKeySet();

    /**
     * One year of the federal calendar.
     *
     * @param holidays                   non-working weekdays: art. 112 holidays and days off moved by the decree
     * @param workingWeekends            Saturdays and Sundays that are worked (moved working days)
     * @param shortDays                  pre-holiday days one hour shorter (art. 95); they are working days
     * @param presidentialNonWorkingDays paid non-working days decreed by the President (2020, 2021); not holidays
     */
    public record CalendarYear(int year, String decree, Set<LocalDate> holidays, Set<LocalDate> workingWeekends,
            Set<LocalDate> shortDays, Set<LocalDate> presidentialNonWorkingDays) {

        public CalendarYear {
            holidays = Set.copyOf(holidays);
            workingWeekends = Set.copyOf(workingWeekends);
            shortDays = Set.copyOf(shortDays);
            presidentialNonWorkingDays = Set.copyOf(presidentialNonWorkingDays);
        }
    }

    private ProductionCalendar(String source, Map<Integer, CalendarYear> years) {
        this.source = source;
        this.years = Collections.unmodifiableSortedMap(new TreeMap<>(years));
    }

    /**
     * Reads and checks the calendar file. A file that cannot be read or is inconsistent (a date filed under another
     * year, a "working weekend" that is a weekday) is refused with the file and the problem named: the calendar is
     * legal data, and a silently wrong day off moves every deadline.
     */
    public static ProductionCalendar load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the production calendar " + file.toAbsolutePath(), e);
        }
        return parse(file.toString(), text);
    }

    /** A calendar without data: every date falls back to plain weekends. For a deployment without the file. */
    public static ProductionCalendar empty(String source) {
        return new ProductionCalendar(source, Map.of());
    }

    static ProductionCalendar parse(String source, String yaml) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
        CalendarDocument document;
        try {
            document = mapper.readValue(yaml, CalendarDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Production calendar " + source + " cannot be read: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (document == null || document.years() == null) {
            throw new IllegalStateException("Production calendar " + source + " has no 'years'");
        }
        List<String> problems = new ArrayList<>();
        Map<Integer, CalendarYear> years = new TreeMap<>();
        document.years().forEach((year, entry) -> {
            if (entry == null) {
                problems.add(year + ": empty");
                return;
            }
            CalendarYear y = new CalendarYear(year, entry.decree(), dates(entry.holidays()),
                    dates(entry.workingWeekends()), dates(entry.shortDays()), dates(entry.presidential()));
            check(y, "holidays", y.holidays(), problems);
            check(y, "working_weekends", y.workingWeekends(), problems);
            check(y, "short_days", y.shortDays(), problems);
            check(y, "nonworking_days_presidential", y.presidentialNonWorkingDays(), problems);
            y.workingWeekends().stream().filter(d -> !isWeekend(d))
                    .forEach(d -> problems.add(year + ".working_weekends: " + d + " is not a Saturday or Sunday"));
            years.put(year, y);
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Production calendar " + source + " is inconsistent: " + problems);
        }
        return new ProductionCalendar(source, years);
    }

    private static void check(CalendarYear year, String list, Set<LocalDate> dates, List<String> problems) {
        dates.stream().filter(d -> d.getYear() != year.year()).sorted()
                .forEach(d -> problems.add(year.year() + "." + list + ": " + d + " is not in " + year.year()));
    }

    private static Set<LocalDate> dates(List<LocalDate> list) {
        return list == null ? Set.of() : Set.copyOf(list);
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Where the data came from (a file path), for messages. */
    public String source() {
        return source;
    }

    /** The years the file has data for, ascending. */
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    public boolean covers(int year) {
        return years.containsKey(year);
    }

    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public boolean isHoliday(LocalDate day) {
        CalendarYear y = years.get(day.getYear());
        return y != null && y.holidays().contains(day);
    }

    public boolean isWorkingWeekend(LocalDate day) {
        CalendarYear y = years.get(day.getYear());
        return y != null && y.workingWeekends().contains(day);
    }

    public boolean isShortDay(LocalDate day) {
        CalendarYear y = years.get(day.getYear());
        return y != null && y.shortDays().contains(day);
    }

    public boolean isPresidentialNonWorkingDay(LocalDate day) {
        CalendarYear y = years.get(day.getYear());
        return y != null && y.presidentialNonWorkingDays().contains(day);
    }

    /**
     * Logs, once per year for the life of this calendar, that a date outside the data is being counted with plain
     * weekends only: the year's decree has to be added to the file, and until then holidays are counted as working.
     */
    void reportIfNotCovered(int year) {
        if (!years.containsKey(year) && reportedMissingYears.add(year)) {
            log.warn("Production calendar {} has no data for {} (covers {}): counting Saturdays and Sundays as the only "
                    + "days off in {}. Add the year once its decree is published.", source, year, years.keySet(), year);
        }
    }

    @Override
    public String toString() {
        return "ProductionCalendar[" + source + ", years " + years.keySet() + "]";
    }

    /** The file as written; snake_case keys as in the data sets it was checked against. */
    record CalendarDocument(String country, Map<Integer, YearEntry> years) {
    }

    record YearEntry(
            String decree,
            List<LocalDate> holidays,
            @JsonProperty("working_weekends") List<LocalDate> workingWeekends,
            @JsonProperty("short_days") List<LocalDate> shortDays,
            @JsonProperty("nonworking_days_presidential") List<LocalDate> presidential) {
    }
}
