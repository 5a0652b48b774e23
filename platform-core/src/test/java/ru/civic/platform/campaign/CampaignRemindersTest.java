package ru.civic.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import ru.civic.platform.campaign.CampaignDeadlineMissed.Which;
import ru.civic.platform.message.Actor;
import ru.civic.platform.notification.Notifications;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;

/**
 * Overdue campaign deadlines (Gubkinsky 3.13–3.14) are told to the tenant's campaign staff — moderators and operators
 * — once per deadline by e-mail and in the cabinet, in Russian, however often the reminder runs; nobody of another
 * tenant hears of them.
 */
@SpringBootTest
@RecordApplicationEvents
class CampaignRemindersTest extends CampaignTestSupport {

    @Autowired
    CampaignReminders reminders;
    @Autowired
    Notifications notifications;
    @Autowired
    ApplicationEvents events;

    private String address(String name) {
        return name + "-" + marker + "@example.ru";
    }

    @Test
    void overdueResultsAreRemindedOnceToEachModeratorAndOperatorOfTheTenant() {
        Actor operator = account(GUBKINSKY, "cr-operator", Role.OPERATOR);
        Actor moderator = account(GUBKINSKY, "cr-moderator", Role.MODERATOR);
        account(GUBKINSKY, "cr-executor", Role.EXECUTOR);
        account(TOMSK, "cr-tomsk-moderator", Role.MODERATOR);
        UUID campaign = openCampaign(2051, operator, moderator); // 1–31 March 2051
        String title = "Обсуждение " + marker;
        Instant due = TenantContext.callAs(GUBKINSKY, () -> campaigns.campaign(campaign)).orElseThrow()
                .resultsDueAt();

        at(2051, 4, 1, 10, 0); // the campaign is over, its results not yet due
        TenantContext.callAs(GUBKINSKY, reminders::remindOverdue);
        assertThat(outboxSubjects(GUBKINSKY, address("cr-operator"))).noneMatch(s -> s.contains(marker));

        clock.set(due.plusSeconds(3600).atZone(GUBKINSKY_ZONE)); // an hour late, results still not sent
        assertThat(TenantContext.callAs(GUBKINSKY, reminders::remindOverdue)).isPositive();
        TenantContext.callAs(GUBKINSKY, reminders::remindOverdue); // the job runs again: nothing new
        TenantContext.callAs(TOMSK, reminders::remindOverdue);

        String subject = "Просрочены итоги обсуждения «" + title + "»";
        assertThat(outboxSubjects(GUBKINSKY, address("cr-operator"))).filteredOn(s -> s.contains(marker))
                .containsExactly(subject);
        assertThat(outboxSubjects(GUBKINSKY, address("cr-moderator"))).filteredOn(s -> s.contains(marker))
                .containsExactly(subject);
        assertThat(outboxSubjects(GUBKINSKY, address("cr-executor"))).isEmpty();
        assertThat(outboxSubjects(TOMSK, address("cr-tomsk-moderator"))).isEmpty();
        String body = TenantContext.callAs(GUBKINSKY, () -> jdbc.sql(
                "select body from email_outbox where to_address = ? and subject = ?")
                .params(address("cr-moderator"), subject).query(String.class).single());
        assertThat(body).contains("нужно было направить инициатору до",
                due.atZone(GUBKINSKY_ZONE).toLocalDate().format(java.time.format.DateTimeFormatter
                        .ofPattern("dd.MM.yyyy")));
        assertThat(TenantContext.callAs(GUBKINSKY, () -> notifications.inbox(moderator.accountId(), 10)))
                .filteredOn(n -> n.subject().equals(subject)).hasSize(1);

        assertThat(events.stream(CampaignDeadlineMissed.class).filter(e -> e.campaignId().equals(campaign)))
                .singleElement().isEqualTo(new CampaignDeadlineMissed("gubkinsky", campaign, Which.RESULTS, due));
    }

    @Test
    void anOverdueReportIsRemindedOnceAndAPublishedOneNever() {
        Actor operator = account(GUBKINSKY, "cr-report-operator", Role.OPERATOR);
        Actor moderator = account(GUBKINSKY, "cr-report-moderator", Role.MODERATOR);
        UUID late = openCampaign(2052, operator, moderator);
        UUID done = as(GUBKINSKY, moderator, () -> campaigns.create(new CampaignDraft(
                campaigns.campaign(late).orElseThrow().topicId(), "Сделано " + marker, "", null,
                local(2052, 3, 1, 0, 0), local(2052, 3, 31, 0, 0)), moderator));
        // Results sent, an implementation plan until June with its report due on 15 July; one report published.
        Instant reportDue = local(2052, 7, 15, 23, 59);
        TenantContext.runAs(GUBKINSKY, () -> jdbc.sql("""
                update campaign set results_sent_at = ?, implementation_due_on = date '2052-06-30', report_due_at = ?,
                  report_published_at = case when id = ? then ? end, report = case when id = ? then 'Сделано' end
                where id in (?, ?)""")
                .params(local(2052, 4, 2, 10, 0).atOffset(ZoneOffset.UTC), reportDue.atOffset(ZoneOffset.UTC), done,
                        local(2052, 7, 10, 10, 0).atOffset(ZoneOffset.UTC), done, late, done)
                .update());

        at(2052, 7, 20, 10, 0);
        TenantContext.callAs(GUBKINSKY, reminders::remindOverdue);
        TenantContext.callAs(GUBKINSKY, reminders::remindOverdue);

        assertThat(outboxSubjects(GUBKINSKY, address("cr-report-operator"))).filteredOn(s -> s.contains(marker))
                .containsExactly("Просрочен отчёт о реализации по обсуждению «Обсуждение " + marker + "»");
        assertThat(events.stream(CampaignDeadlineMissed.class)
                .filter(e -> e.campaignId().equals(late) || e.campaignId().equals(done)))
                .singleElement().isEqualTo(new CampaignDeadlineMissed("gubkinsky", late, Which.REPORT, reportDue));
    }
}
