package ru.civic.platform.campaign;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.testsupport.TestClock;

/** Accounts acting in their roles, a clock on the tenant's local time, and a plan with an open campaign. */
abstract class CampaignTestSupport {

    static final TenantId GUBKINSKY = TenantId.of("gubkinsky");
    static final TenantId TOMSK = TenantId.of("tomsk");
    static final ZoneId GUBKINSKY_ZONE = ZoneId.of("Asia/Yekaterinburg");

    @Autowired
    TopicPlans plans;
    @Autowired
    Campaigns campaigns;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetClockAndSignIn() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    void at(int year, int month, int day, int hour, int minute) {
        clock.set(LocalDateTime.of(year, month, day, hour, minute).atZone(GUBKINSKY_ZONE));
    }

    static Instant local(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(GUBKINSKY_ZONE).toInstant();
    }

    Actor account(TenantId tenant, String name, Role role) {
        return TenantContext.callAs(tenant, () -> {
            Set<Role> roles = EnumSet.of(role);
            Account a = accounts.create(name + "-" + marker, "secret", name + " " + marker,
                    name + "-" + marker + "@example.ru", roles, null);
            return Actors.of(a);
        });
    }

    /** Runs in the tenant, signed in with the actor's roles (as the portal or the back office would). */
    <T> T as(TenantId tenant, Actor actor, Supplier<T> work) {
        var authorities = actor.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(actor.name(), "n/a", authorities));
        try {
            return TenantContext.callAs(tenant, work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void as(TenantId tenant, Actor actor, Runnable work) {
        as(tenant, actor, () -> {
            work.run();
            return null;
        });
    }

    /** A Gubkinsky plan for {@code year} approved with one campaign topic, and a campaign open now on it. */
    UUID openCampaign(int year, Actor operator, Actor moderator) {
        at(year - 1, 11, 10, 10, 0);
        UUID topic = as(GUBKINSKY, moderator, () -> plans.propose(year,
                new TopicProposal(TopicKind.CAMPAIGN, "Тема " + marker, "", "upr-general-policy"), moderator));
        at(year - 1, 12, 20, 10, 0);
        as(GUBKINSKY, operator, () -> plans.approve(year, operator));
        at(year, 3, 1, 10, 0);
        return as(GUBKINSKY, moderator, () -> campaigns.create(new CampaignDraft(topic, "Обсуждение " + marker, "",
                null, local(year, 3, 1, 0, 0), local(year, 3, 31, 0, 0)), moderator));
    }

    List<String> outboxSubjects(TenantId tenant, String address) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("select subject from email_outbox where to_address = ?"
                + " order by id").param(address).query(String.class).list());
    }
}
