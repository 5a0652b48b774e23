package ru.civic.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/** One pooled connection, used by tenant A and then by tenant B, carries nothing of A into B's work. */
@SpringBootTest
class PooledConnectionHygieneTest {

    @Autowired
    ApplicationDatabaseRole role;
    @Autowired
    ru.civic.platform.shared.PlatformProperties properties;

    private HikariDataSource pool;
    private JdbcTemplate jdbc;

    @BeforeEach
    void poolOfOne() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(role.url());
        config.setUsername(role.name());
        config.setPassword(properties.database().rolePassword());
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        jdbc = new JdbcTemplate(new TenantAwareDataSource(pool));
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void tenantBAfterTenantAOnTheSameConnectionSeesOnlyB() {
        int backendA = TenantContext.callAs(TenantId.of("tomsk"), () -> {
            assertThat(jdbc.queryForObject("select current_setting('app.tenant_id')", String.class)).isEqualTo("tomsk");
            assertThat(jdbc.queryForList("select distinct tenant_id from account", String.class))
                    .isNotEmpty().allMatch("tomsk"::equals);
            return jdbc.queryForObject("select pg_backend_pid()", Integer.class);
        });
        int backendB = TenantContext.callAs(TenantId.of("volgograd"), () -> {
            assertThat(jdbc.queryForObject("select current_setting('app.tenant_id')", String.class))
                    .isEqualTo("volgograd");
            assertThat(jdbc.queryForList("select distinct tenant_id from account", String.class))
                    .isNotEmpty().allMatch("volgograd"::equals);
            return jdbc.queryForObject("select pg_backend_pid()", Integer.class);
        });
        assertThat(backendB).as("the very same pooled connection").isEqualTo(backendA);

        // And after both, work without a tenant sees no tenant rows at all.
        assertThat(jdbc.queryForObject("select current_setting('app.tenant_id')", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from account", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select pg_backend_pid()", Integer.class)).isEqualTo(backendA);
    }

    @Test
    void aRolledBackTransactionDoesNotRestoreThePreviousTenant() throws Exception {
        TenantContext.runAs(TenantId.of("tomsk"), () -> jdbc.execute("select 1"));
        TenantContext.runAs(TenantId.of("volgograd"), () -> {
            try (var connection = jdbc.getDataSource().getConnection()) {
                connection.setAutoCommit(false);
                connection.createStatement().execute("select 1");
                connection.rollback();
                try (var rs = connection.createStatement().executeQuery("select current_setting('app.tenant_id')")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("volgograd");
                }
                connection.setAutoCommit(true);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
