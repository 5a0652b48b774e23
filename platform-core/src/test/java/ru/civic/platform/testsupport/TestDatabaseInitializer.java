package ru.civic.platform.testsupport;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Tests run on a real PostgreSQL: a Testcontainers one where a Docker engine answers, otherwise the embedded server
 * the application itself falls back to. Either way the platform creates its owner and application roles, so the
 * tests see exactly the isolation production has. Set {@code PLATFORM_TEST_DB=embedded} to skip the Docker probe.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(TestDatabaseInitializer.class);
    private static volatile Map<String, Object> containerProperties;
    private static volatile boolean decided;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = containerProperties();
        if (properties != null) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-postgres", properties));
        }
    }

    private static synchronized Map<String, Object> containerProperties() {
        if (decided) {
            return containerProperties;
        }
        decided = true;
        if ("embedded".equalsIgnoreCase(System.getenv("PLATFORM_TEST_DB")) || !dockerAvailable()) {
            log.info("Tests use the embedded PostgreSQL (no Docker engine)");
            return null;
        }
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        log.info("Tests use PostgreSQL from Testcontainers at {}", container.getJdbcUrl());
        containerProperties = Map.of(
                "platform.database.server-url", container.getJdbcUrl(),
                "platform.database.server-username", container.getUsername(),
                "platform.database.server-password", container.getPassword());
        return containerProperties;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
