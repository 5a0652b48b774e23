package ru.civic.platform.message.internal;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.civic.platform.tenancy.TenantConfiguration;

/**
 * Hands out public numbers such as {@code ZAR-2026-000123} (Zarechny 5.2, Tynda 2.1): one counter row per tenant and
 * year, incremented by an upsert, so concurrent submissions on any number of instances never share a number. The
 * year is the tenant's local year of receipt.
 */
@Component
public class MessageNumbers {

    private final JdbcClient jdbc;

    public MessageNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String next(TenantConfiguration tenant, Instant receivedAt) {
        int year = receivedAt.atZone(ZoneId.of(tenant.timeZone())).getYear();
        long value = jdbc.sql("""
                insert into message_number (tenant_id, year, last_value) values (?, ?, 1)
                on conflict (tenant_id, year) do update set last_value = message_number.last_value + 1
                returning last_value""")
                .params(tenant.id(), year)
                .query(Long.class)
                .single();
        return "%s-%d-%06d".formatted(tenant.intake().numberPrefix(), year, value);
    }
}
