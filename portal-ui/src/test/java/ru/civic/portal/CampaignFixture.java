package ru.civic.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * An idea campaign open now, on a topic of an approved plan, written straight into the tables: the screens' tests
 * start from it without standing the clock on the plan's dates (those are the core's tests).
 */
public final class CampaignFixture {

    private CampaignFixture() {
    }

    public static UUID openCampaign(JdbcClient jdbc, TenantId tenant, String title, String unit) {
        return TenantContext.callAs(tenant, () -> {
            Instant now = Instant.now();
            UUID plan = UUID.randomUUID();
            UUID topic = UUID.randomUUID();
            UUID campaign = UUID.randomUUID();
            // A year of its own per fixture: one plan per tenant and year.
            int year = ThreadLocalRandom.current().nextInt(2300, 2999);
            jdbc.sql("insert into topic_plan (id, year, approved_at, approved_by) values (?, ?, ?, 'fixture')"
                    + " on conflict do nothing").params(plan, year, now.atOffset(ZoneOffset.UTC)).update();
            jdbc.sql("insert into topic_plan_topic (id, plan_id, kind, title, proposing_unit, proposed_by, proposed_at)"
                    + " values (?, ?, 'CAMPAIGN', ?, ?, 'fixture', ?)")
                    .params(topic, plan, title, unit, now.atOffset(ZoneOffset.UTC)).update();
            jdbc.sql("insert into campaign (id, topic_id, title, initiating_unit, starts_at, ends_at, results_due_at,"
                    + " created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, 'fixture', ?)")
                    .params(campaign, topic, title, unit, now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC),
                            now.plus(Duration.ofDays(10)).atOffset(ZoneOffset.UTC),
                            now.plus(Duration.ofDays(20)).atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
                    .update();
            return campaign;
        });
    }
}
