package ru.civic.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;

/**
 * Bearer tokens for external channels (Tynda's federal feedback platform, mobile back ends, Open311 clients). A token
 * belongs to one tenant: it is looked up under that tenant's row-level security, so a Tomsk token presented on the
 * Zarechny host finds nothing. Only a SHA-256 of the token is stored; the token itself is shown once.
 */
@Service
public class IntegrationTokens {

    public static final String PREFIX = "civic_";

    /** The authenticated channel: its name and the roles it may act in. */
    public record IntegrationPrincipal(UUID id, String tenantId, String name, Set<Role> roles) {
    }

    public record IssuedToken(UUID id, String token) {
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public IntegrationTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OPERATOR','PLATFORM_OWNER')")
    public IssuedToken issue(String name, Set<Role> roles) {
        return issueUnchecked(name, roles);
    }

    /** For start-up seeding and tests, where no operator is signed in. */
    @Transactional
    public IssuedToken issueUnchecked(String name, Set<Role> roles) {
        TenantContext.getRequiredTenantId();
        if (roles.contains(Role.PLATFORM_OWNER)) {
            throw new IllegalArgumentException("an integration token cannot act as the platform owner");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + HexFormat.of().formatHex(secret);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into integration_token (id, name, token_hash, roles) values (?, ?, ?, ?)")
                .params(id, name, hash(token), roles.stream().map(Role::name).sorted().toArray(String[]::new))
                .update();
        return new IssuedToken(id, token);
    }

    /**
     * Registers a token whose value the caller chose (demo data: {@code civic_demo_<tenant>}), once. Never for
     * production tokens: a chosen value is a guessable value.
     */
    @Transactional
    public void registerKnownIfAbsent(String name, String token, Set<Role> roles) {
        TenantContext.getRequiredTenantId();
        boolean exists = jdbc.sql("select exists (select 1 from integration_token where token_hash = ?)")
                .param(hash(token)).query(Boolean.class).single();
        if (!exists) {
            jdbc.sql("insert into integration_token (id, name, token_hash, roles) values (?, ?, ?, ?)")
                    .params(UUID.randomUUID(), name, hash(token),
                            roles.stream().map(Role::name).sorted().toArray(String[]::new))
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public Optional<IntegrationPrincipal> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || TenantContext.currentTenant().isEmpty()) {
            return Optional.empty();
        }
        String tenant = TenantContext.getRequiredTenantId().value();
        return jdbc.sql("select id, name, roles from integration_token where token_hash = ? and revoked_at is null")
                .param(hash(token))
                .query((rs, i) -> new IntegrationPrincipal(rs.getObject(1, UUID.class), tenant, rs.getString(2),
                        Arrays.stream((String[]) rs.getArray(3).getArray()).map(Role::valueOf)
                                .collect(Collectors.toUnmodifiableSet())))
                .optional();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OPERATOR','PLATFORM_OWNER')")
    public void revoke(UUID id) {
        jdbc.sql("update integration_token set revoked_at = now() where id = ?").param(id).update();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
