package ru.civic.platform.shared;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deployment settings (not tenant rules: those are in {@code config/tenants}).
 *
 * @param configDir          folder holding {@code tenants/*.yaml} and {@code calendar/}
 * @param localDomain        every tenant also answers on {@code <id>.<localDomain>}
 * @param platformHosts      hosts of the platform itself (owner console, list of tenants)
 * @param tenantScanInterval how often {@code config/tenants} is checked for new or changed files
 * @param demoData           seed known staff accounts per tenant (never in production)
 */
@ConfigurationProperties("platform")
public record PlatformProperties(
        Path configDir,
        String localDomain,
        List<String> platformHosts,
        Duration tenantScanInterval,
        boolean demoData,
        Database database,
        Hazelcast hazelcast,
        Auth auth) {

    public PlatformProperties {
        configDir = configDir == null ? Path.of("config") : configDir;
        localDomain = localDomain == null ? "localhost" : localDomain;
        platformHosts = platformHosts == null ? List.of("localhost", "127.0.0.1") : List.copyOf(platformHosts);
        tenantScanInterval = tenantScanInterval == null ? Duration.ofSeconds(30) : tenantScanInterval;
        database = database == null ? new Database(null, null, null, null, null, null, null, null) : database;
        hazelcast = hazelcast == null ? new Hazelcast(null, null, null, false, null, null) : hazelcast;
        auth = auth == null ? new Auth(null) : auth;
    }

    /**
     * Where PostgreSQL comes from when {@code spring.datasource.url} is not set: a server reachable as a superuser
     * ({@code serverUrl}, e.g. a Testcontainers one), or else an embedded server whose data lives in {@code dataDir}.
     * Either way the platform creates its two roles: the owner (runs Liquibase) and the application role (owns
     * nothing, no superuser, no BYPASSRLS).
     */
    public record Database(String serverUrl, String serverUsername, String serverPassword, Path dataDir,
            String name, String ownerRole, String appRole, String rolePassword) {
        public Database {
            name = name == null ? "civic" : name;
            ownerRole = ownerRole == null ? "civic_owner" : ownerRole;
            appRole = appRole == null ? "civic_app" : appRole;
            rolePassword = rolePassword == null ? "civic-local-only" : rolePassword;
        }
    }

    /**
     * @param members TCP/IP members to join (e.g. {@code 127.0.0.1}); empty means a standalone member
     */
    public record Hazelcast(String clusterName, Integer port, List<String> members, boolean kubernetesEnabled,
            String kubernetesServiceName, String kubernetesNamespace) {
        public Hazelcast {
            clusterName = clusterName == null ? "civic-platform" : clusterName;
            port = port == null ? 5701 : port;
            members = members == null ? List.of() : members.stream().filter(m -> !m.isBlank()).toList();
        }
    }

    /** @param clientSecret secret of the portal's OAuth2 client at the platform's own authorization server */
    public record Auth(String clientSecret) {
        public Auth {
            clientSecret = clientSecret == null ? "portal-local-secret" : clientSecret;
        }
    }
}
