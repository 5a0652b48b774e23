package ru.civic.platform.deadline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.civic.platform.shared.PlatformProperties;

/** Reads the federal production calendar once at start-up from the platform's config dir. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadlineConfiguration.class);

    @Bean
    ProductionCalendar productionCalendar(PlatformProperties properties) {
        Path file = properties.configDir().resolve(ProductionCalendar.FILE);
        if (!Files.isRegularFile(file)) {
            // Deadlines must still be computable (weekends only, warned per year); a malformed file, by contrast,
            // stops start-up, because it would silently move deadlines.
            log.error("No production calendar at {}: every year falls back to Saturdays and Sundays as days off",
                    file.toAbsolutePath());
            return ProductionCalendar.empty(file.toString());
        }
        ProductionCalendar calendar = ProductionCalendar.load(file);
        log.info("Production calendar {} covers {}", file, calendar.years());
        warnAboutMissingYears(calendar, LocalDate.now(Clock.systemUTC()));
        return calendar;
    }

    /** The operator has to add a year once its decree is published (autumn of the year before): say so early. */
    static void warnAboutMissingYears(ProductionCalendar calendar, LocalDate today) {
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            if (!calendar.covers(year)) {
                log.warn("Production calendar {} has no data for {}: add the year from the Government decree "
                        + "«О переносе выходных дней в {} году»", calendar.source(), year, year);
            }
        }
    }
}
