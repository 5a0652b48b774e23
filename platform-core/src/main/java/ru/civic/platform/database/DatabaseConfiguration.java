package ru.civic.platform.database;

import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import ru.civic.platform.shared.PlatformProperties;

/**
 * Two connections to one PostgreSQL database: the application's pool, as a role that owns no table (row-level
 * security applies), and the owner's, used only by Liquibase.
 *
 * <ul>
 *   <li>{@code spring.datasource.url} set: an external server; {@code spring.datasource.username/password} are the
 *   application role, {@code spring.liquibase.user/password} the owner. The roles are created by the DBA.</li>
 *   <li>otherwise {@code platform.database.server-url} (a superuser connection, e.g. Testcontainers) or an embedded
 *   server in {@code platform.database.data-dir}: the platform creates database and roles itself.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private final ResolvedDatabase database;

    DatabaseConfiguration(Environment env, PlatformProperties properties) {
        this.database = resolve(env, properties.database());
    }

    record ResolvedDatabase(String url, String appUser, String appPassword, String ownerUser, String ownerPassword) {
    }

    private static ResolvedDatabase resolve(Environment env, PlatformProperties.Database db) {
        String externalUrl = env.getProperty("spring.datasource.url");
        if (externalUrl != null && !externalUrl.isBlank()) {
            return new ResolvedDatabase(externalUrl,
                    env.getRequiredProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password", ""),
                    env.getProperty("spring.liquibase.user", env.getRequiredProperty("spring.datasource.username")),
                    env.getProperty("spring.liquibase.password", env.getProperty("spring.datasource.password", "")));
        }
        String serverUrl = db.serverUrl();
        String superuser = db.serverUsername();
        String superPassword = db.serverPassword();
        if (serverUrl == null || serverUrl.isBlank()) {
            EmbeddedPostgres pg = EmbeddedPostgresServer.start(db.dataDir());
            // Not pg.getJdbcUrl(): it puts user=postgres into the URL, which would override our roles.
            serverUrl = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            superuser = "postgres";
            superPassword = "";
        }
        DatabaseRoles.ensure(serverUrl, superuser, superPassword, db.name(), db.ownerRole(), db.appRole(),
                db.rolePassword());
        String url = serverUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + db.name() + "$1");
        return new ResolvedDatabase(url, db.appRole(), db.rolePassword(), db.ownerRole(), db.rolePassword());
    }

    @Bean
    @Primary
    DataSource dataSource(@Value("${platform.database.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.appUser());
        config.setPassword(database.appPassword());
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        config.setPoolName("civic-app");
        return new TenantAwareDataSource(new HikariDataSource(config));
    }

    /**
     * Migrations run as the owner role, over their own connection, once per database whatever the number of tenants.
     * The application role's name is a changelog parameter: every table is granted to it, and owned by the owner.
     */
    @Bean
    SpringLiquibase liquibase() {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(new SimpleDriverDataSource(new org.postgresql.Driver(), database.url(),
                database.ownerUser(), database.ownerPassword()));
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setChangeLogParameters(Map.of("appRole", database.appUser()));
        return liquibase;
    }

    /** The role the application connects as; Liquibase grants it access to every table it creates. */
    @Bean
    ApplicationDatabaseRole applicationDatabaseRole() {
        return new ApplicationDatabaseRole(database.appUser(), database.url());
    }
}
