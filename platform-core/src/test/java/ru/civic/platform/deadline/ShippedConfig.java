package ru.civic.platform.deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.internal.TenantDocumentReader;

/**
 * The data the repository ships in {@code config/}: the tests assert dates of the real calendar and the real tenant
 * rules, so a change to either that moves a deadline shows up here.
 */
final class ShippedConfig {

    /** Surefire sets the property (tests run from the module directory); the fallback serves an IDE run. */
    static final Path CONFIG = Path.of(System.getProperty("platform.repository-root", ".."), "config");

    static final ProductionCalendar CALENDAR = ProductionCalendar.load(CONFIG.resolve(ProductionCalendar.FILE));

    private ShippedConfig() {
    }

    static TenantConfiguration tenant(String id) {
        return tenant(id, UnaryOperator.identity());
    }

    /** A shipped tenant file with an edit applied to its text before it is read and validated. */
    static TenantConfiguration tenant(String id, UnaryOperator<String> edit) {
        try {
            String text = Files.readString(CONFIG.resolve("tenants").resolve(id + ".yaml"));
            return new TenantDocumentReader().read(id + ".yaml", edit.apply(text), id).configuration();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
