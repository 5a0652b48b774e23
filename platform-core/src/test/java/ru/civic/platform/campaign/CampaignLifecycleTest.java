package ru.civic.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.notification.CabinetNotification;
import ru.civic.platform.notification.Notifications;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;

/**
 * An idea campaign of Gubkinsky from its topic to the implementation report (3.1–3.14): the topic proposed and the
 * plan approved, the campaign opened, ideas and comments moderated with the tenant's refusal reasons and a reply to
 * the author, winners published after the end, results due 5 working days after the end, the report 10 days after
 * the implementation deadline; and who may do what, tenant by tenant.
 */
@SpringBootTest
@RecordApplicationEvents
class CampaignLifecycleTest extends CampaignTestSupport {

    @Autowired
    Notifications notifications;
    @Autowired
    ApplicationEvents events;

    @Test
    void aCampaignRunsFromItsTopicToTheImplementationReport() {
        Actor operator = account(GUBKINSKY, "cl-operator", Role.OPERATOR);
        Actor moderator = account(GUBKINSKY, "cl-moderator", Role.MODERATOR);
        Actor anna = account(GUBKINSKY, "cl-anna", Role.CITIZEN);
        Actor boris = account(GUBKINSKY, "cl-boris", Role.CITIZEN);

        // The topic proposed in November, the plan for 2026 approved by the administrator in December.
        at(2025, 11, 20, 10, 0);
        UUID topic = as(GUBKINSKY, moderator, () -> plans.propose(2026, new TopicProposal(TopicKind.CAMPAIGN,
                "Набережная " + marker, "Какой быть набережной", "upr-general-policy"), moderator));
        UUID pollTopic = as(GUBKINSKY, moderator, () -> plans.propose(2026, new TopicProposal(TopicKind.POLL,
                "Опрос " + marker, "", "upr-general-policy"), moderator));
        at(2025, 12, 22, 10, 0);
        as(GUBKINSKY, operator, () -> plans.approve(2026, operator));

        // The campaign runs from 20 May to Friday 5 June 2026, 18:00 local time.
        at(2026, 5, 15, 10, 0);
        assertThatThrownBy(() -> as(GUBKINSKY, moderator, () -> campaigns.create(new CampaignDraft(pollTopic, "",
                "", null, local(2026, 5, 20, 9, 0), local(2026, 6, 5, 18, 0)), moderator)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code())
                        .containsExactly("topicId:campaign.topic.notInApprovedPlan"));
        UUID campaign = as(GUBKINSKY, moderator, () -> campaigns.create(new CampaignDraft(topic, "", "Идеи жителей",
                null, local(2026, 5, 20, 9, 0), local(2026, 6, 5, 18, 0)), moderator));
        CampaignSummary created = TenantContext.callAs(GUBKINSKY, () -> campaigns.campaign(campaign)).orElseThrow();
        assertThat(created.title()).isEqualTo("Набережная " + marker);
        assertThat(created.initiatingUnit()).isEqualTo("upr-general-policy");
        assertThat(created.phase()).isEqualTo(CampaignSummary.Phase.UPCOMING);
        // Results: 5 working days after Friday 5 June: 8, 9, 10, 11 June, 12 June is Russia Day, so Monday 15 June.
        assertThat(created.resultsDueAt()).isEqualTo(
                LocalDate.of(2026, 6, 15).atTime(LocalTime.of(23, 59, 59, 999_999_000)).atZone(GUBKINSKY_ZONE)
                        .toInstant());

        // Ideas and comments while it is open.
        at(2026, 5, 25, 12, 0);
        assertThatThrownBy(() -> as(GUBKINSKY, anna, () -> campaigns.submitIdea(campaign,
                new IdeaDraft("", "   "), anna)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code())
                        .containsExactly("title:campaign.field.required", "text:campaign.field.required"));
        UUID annasIdea = as(GUBKINSKY, anna, () -> campaigns.submitIdea(campaign,
                new IdeaDraft("Велодорожка вдоль реки", "Проложить велодорожку вдоль всей набережной"), anna));
        UUID borisIdea = as(GUBKINSKY, boris, () -> campaigns.submitIdea(campaign,
                new IdeaDraft("Лучшие самокаты", "Покупайте самокаты в нашем магазине"), boris));
        assertThat(as(GUBKINSKY, moderator, () -> campaigns.moderationQueue()))
                .filteredOn(i -> i.campaignId().equals(campaign)).extracting(ModerationItem::id)
                .containsExactly(annasIdea, borisIdea);

        as(GUBKINSKY, moderator, () -> campaigns.publishIdea(annasIdea, moderator));
        assertThatThrownBy(() -> as(GUBKINSKY, moderator, () -> campaigns.refuseIdea(borisIdea, "no-such-reason",
                "", false, moderator)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code())
                        .containsExactly("reason:campaign.refusal.reasonRequired", "reply:campaign.field.required"));
        as(GUBKINSKY, moderator, () -> campaigns.refuseIdea(borisIdea, "advertising",
                "Идея содержит рекламу магазина; предложите идею о самой набережной.", false, moderator));

        List<CabinetNotification> borisInbox = TenantContext.callAs(GUBKINSKY,
                () -> notifications.inbox(boris.accountId(), 10));
        assertThat(borisInbox).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Идея «Лучшие самокаты» не допущена к публикации");
            assertThat(n.body()).contains("Явная или скрытая реклама товаров, услуг или сторонних ресурсов")
                    .contains("предложите идею о самой набережной");
        });
        assertThat(outboxSubjects(GUBKINSKY, "cl-boris-" + marker + "@example.ru"))
                .containsExactly("Идея «Лучшие самокаты» не допущена к публикации");

        UUID borisComment = as(GUBKINSKY, boris, () -> campaigns.comment(annasIdea, "Поддерживаю, и освещение!",
                boris));
        UUID annasComment = as(GUBKINSKY, anna, () -> campaigns.comment(annasIdea, "Оскорбление модератора", anna));
        as(GUBKINSKY, moderator, () -> campaigns.publishComment(borisComment, moderator));
        as(GUBKINSKY, moderator, () -> campaigns.refuseComment(annasComment, "obscenity-extremism",
                "Комментарий содержит оскорбления.", false, moderator));
        assertThat(TenantContext.callAs(GUBKINSKY, () -> notifications.inbox(anna.accountId(), 10)))
                .extracting(CabinetNotification::subject).contains(
                        "Идея «Велодорожка вдоль реки» опубликована",
                        "Комментарий к идее «Велодорожка вдоль реки» не допущен к публикации");

        CampaignPage open = TenantContext.callAs(GUBKINSKY, () -> campaigns.page(campaign)).orElseThrow();
        assertThat(open.campaign().open()).isTrue();
        assertThat(open.ideas()).extracting(IdeaView::id).containsExactly(annasIdea);
        assertThat(open.ideas().getFirst().comments()).extracting(CommentView::text)
                .containsExactly("Поддерживаю, и освещение!");

        assertThat(events.stream(IdeaSubmitted.class).filter(e -> e.campaignId().equals(campaign)))
                .extracting(IdeaSubmitted::ideaId).containsExactly(annasIdea, borisIdea);
        assertThat(events.stream(IdeaPublished.class).filter(e -> e.campaignId().equals(campaign)))
                .singleElement().satisfies(e -> {
                    assertThat(e.tenantId()).isEqualTo("gubkinsky");
                    assertThat(e.authorId()).isEqualTo(anna.accountId());
                });
        assertThat(events.stream(CommentPublished.class).filter(e -> e.campaignId().equals(campaign)))
                .singleElement().satisfies(e -> assertThat(e.authorId()).isEqualTo(boris.accountId()));

        assertThatThrownBy(() -> as(GUBKINSKY, moderator, () -> campaigns.publishWinners(campaign,
                Set.of(annasIdea), moderator)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).containsExactly("campaign.winners.notFinished"));

        // The campaign ends: nothing more is accepted; the winners are published.
        at(2026, 6, 6, 10, 0);
        assertThatThrownBy(() -> as(GUBKINSKY, anna, () -> campaigns.submitIdea(campaign,
                new IdeaDraft("Поздно", "Опоздавшая идея"), anna)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code()).containsExactly("campaign:campaign.closed"));
        assertThatThrownBy(() -> as(GUBKINSKY, moderator, () -> campaigns.publishWinners(campaign,
                Set.of(borisIdea), moderator)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).containsExactly("campaign.winners.notPublishedIdea"));
        as(GUBKINSKY, moderator, () -> campaigns.publishWinners(campaign, List.of(annasIdea), moderator));
        assertThat(events.stream(CampaignWinnersPublished.class).filter(e -> e.campaignId().equals(campaign)))
                .singleElement().satisfies(e -> {
                    assertThat(e.tenantId()).isEqualTo("gubkinsky");
                    assertThat(e.ideaIds()).containsExactly(annasIdea);
                    assertThat(e.authorIds()).containsExactly(anna.accountId());
                });
        assertThat(TenantContext.callAs(GUBKINSKY, () -> campaigns.page(campaign)).orElseThrow().winners())
                .extracting(IdeaView::title).containsExactly("Велодорожка вдоль реки");

        // Results: on time on the last day, overdue the minute after it ends.
        at(2026, 6, 15, 23, 0);
        assertThat(TenantContext.callAs(GUBKINSKY, () -> campaigns.campaign(campaign)).orElseThrow()
                .resultsOverdue()).isFalse();
        at(2026, 6, 16, 0, 1);
        assertThat(as(GUBKINSKY, moderator, () -> campaigns.overdue())).extracting(CampaignSummary::id)
                .contains(campaign);
        as(GUBKINSKY, moderator, () -> campaigns.sendResults(campaign, moderator));
        CampaignSummary sent = TenantContext.callAs(GUBKINSKY, () -> campaigns.campaign(campaign)).orElseThrow();
        assertThat(sent.resultsSentAt()).isEqualTo(local(2026, 6, 16, 0, 1));
        assertThat(sent.resultsOverdue()).as("sent late stays marked").isTrue();
        assertThat(outboxSubjects(GUBKINSKY, "policy@gubkinsky.example.ru"))
                .contains("Итоги обсуждения «Набережная " + marker + "»");

        // Implementation plan: its last date, Sunday 25 October, is the implementation deadline; 10 calendar days
        // later is 4 November, a holiday, so the report is due on Thursday 5 November.
        assertThatThrownBy(() -> as(GUBKINSKY, moderator, () -> campaigns.setImplementationPlan(campaign,
                List.of(new PlanItem(" ", null)), moderator)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code())
                        .containsExactly("plan[0].title:campaign.field.required", "plan[0].dueOn:campaign.field.required"));
        as(GUBKINSKY, moderator, () -> campaigns.setImplementationPlan(campaign, List.of(
                new PlanItem("Проект велодорожки", LocalDate.of(2026, 8, 31)),
                new PlanItem("Строительство велодорожки", LocalDate.of(2026, 10, 25))), moderator));
        CampaignSummary planned = TenantContext.callAs(GUBKINSKY, () -> campaigns.campaign(campaign)).orElseThrow();
        assertThat(planned.implementationDueOn()).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(planned.reportDueAt()).isEqualTo(LocalDate.of(2026, 11, 5)
                .atTime(LocalTime.of(23, 59, 59, 999_999_000)).atZone(GUBKINSKY_ZONE).toInstant());

        at(2026, 11, 5, 20, 0);
        assertThat(TenantContext.callAs(GUBKINSKY, () -> campaigns.campaign(campaign)).orElseThrow()
                .reportOverdue()).isFalse();
        at(2026, 11, 6, 9, 0);
        assertThat(as(GUBKINSKY, operator, () -> campaigns.overdue())).filteredOn(c -> c.id().equals(campaign))
                .singleElement().satisfies(c -> assertThat(c.reportOverdue()).isTrue());
        as(GUBKINSKY, moderator, () -> campaigns.publishReport(campaign,
                "Велодорожка построена и открыта 24 октября.", moderator));

        CampaignPage done = TenantContext.callAs(GUBKINSKY, () -> campaigns.page(campaign)).orElseThrow();
        assertThat(done.report()).isEqualTo("Велодорожка построена и открыта 24 октября.");
        assertThat(done.plan()).extracting(PlanItem::title)
                .containsExactly("Проект велодорожки", "Строительство велодорожки");
        assertThat(done.winners()).extracting(IdeaView::id).containsExactly(annasIdea);

        String csv = as(GUBKINSKY, moderator, () -> campaigns.exportIdeasCsv(campaign));
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).contains("\"Велодорожка вдоль реки\"").contains("\"Опубликовано\"")
                .contains("\"Явная или скрытая реклама товаров, услуг или сторонних ресурсов\"");
    }

    @Test
    void aCitizenCannotModerateOrRunACampaign() {
        Actor operator = account(GUBKINSKY, "cm-operator", Role.OPERATOR);
        Actor moderator = account(GUBKINSKY, "cm-moderator", Role.MODERATOR);
        Actor citizen = account(GUBKINSKY, "cm-citizen", Role.CITIZEN);
        UUID campaign = openCampaign(2041, operator, moderator);
        UUID idea = as(GUBKINSKY, citizen, () -> campaigns.submitIdea(campaign,
                new IdeaDraft("Своя идея", "Опубликуйте меня"), citizen));

        assertThatThrownBy(() -> as(GUBKINSKY, citizen, () -> campaigns.publishIdea(idea, citizen)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> as(GUBKINSKY, citizen, () -> campaigns.refuseIdea(idea, "duplicate", "Повтор",
                false, citizen))).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> as(GUBKINSKY, citizen, () -> campaigns.moderationQueue()))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> as(GUBKINSKY, citizen, () -> campaigns.publishWinners(campaign, List.of(idea),
                citizen))).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> as(GUBKINSKY, citizen, () -> plans.approve(2041, citizen)))
                .isInstanceOf(AuthorizationDeniedException.class);
        // Nor may the operator, who admits topics, moderate content (the moderator/analyst's job).
        assertThatThrownBy(() -> as(GUBKINSKY, operator, () -> campaigns.publishIdea(idea, operator)))
                .isInstanceOf(AuthorizationDeniedException.class);

        assertThat(as(GUBKINSKY, moderator, () -> campaigns.allIdeas(campaign)))
                .singleElement().satisfies(i -> assertThat(i.status()).isEqualTo(ContentStatus.MODERATION));
    }

    @Test
    void aRefusalMayBlockTheAuthorWhoThenSubmitsNothingMore() {
        Actor operator = account(GUBKINSKY, "cb-operator", Role.OPERATOR);
        Actor moderator = account(GUBKINSKY, "cb-moderator", Role.MODERATOR);
        Actor citizen = account(GUBKINSKY, "cb-citizen", Role.CITIZEN);
        UUID campaign = openCampaign(2042, operator, moderator);
        UUID idea = as(GUBKINSKY, citizen, () -> campaigns.submitIdea(campaign,
                new IdeaDraft("Экстремизм", "Недопустимый текст"), citizen));

        as(GUBKINSKY, moderator, () -> campaigns.refuseIdea(idea, "obscenity-extremism", "Материал экстремистского толка.",
                true, moderator));

        assertThat(TenantContext.callAs(GUBKINSKY, () -> accounts.find(citizen.accountId())).orElseThrow()
                .isBlocked()).isTrue();
        assertThatThrownBy(() -> as(GUBKINSKY, citizen, () -> campaigns.submitIdea(campaign,
                new IdeaDraft("Ещё одна", "Текст"), citizen)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code()).containsExactly("campaign:campaign.author.blocked"));
    }

    @Test
    void anotherTenantNeitherSeesNorModeratesACampaign() {
        Actor operator = account(GUBKINSKY, "ci-operator", Role.OPERATOR);
        Actor moderator = account(GUBKINSKY, "ci-moderator", Role.MODERATOR);
        Actor citizen = account(GUBKINSKY, "ci-citizen", Role.CITIZEN);
        Actor tomskModerator = account(TOMSK, "ci-tomsk-moderator", Role.MODERATOR);
        UUID campaign = openCampaign(2043, operator, moderator);
        UUID idea = as(GUBKINSKY, citizen, () -> campaigns.submitIdea(campaign,
                new IdeaDraft("Идея Губкинского", "Только для своих"), citizen));

        assertThat(TenantContext.callAs(TOMSK, () -> campaigns.campaigns())).extracting(CampaignSummary::id)
                .doesNotContain(campaign);
        assertThat(TenantContext.callAs(TOMSK, () -> campaigns.page(campaign))).isEmpty();
        assertThat(as(TOMSK, tomskModerator, () -> campaigns.moderationQueue())).extracting(ModerationItem::id)
                .doesNotContain(idea);
        assertThatThrownBy(() -> as(TOMSK, tomskModerator, () -> campaigns.publishIdea(idea, tomskModerator)))
                .isInstanceOf(IllegalArgumentException.class);
        // Row-level security alone, without the tenant named in the statement, hides the rows as well.
        assertThat(TenantContext.callAs(TOMSK, () -> jdbc.sql("select count(*) from campaign_idea where id = ?")
                .param(idea).query(Long.class).single())).isZero();
        assertThat(as(GUBKINSKY, moderator, () -> campaigns.allIdeas(campaign)))
                .extracting(IdeaView::status).containsExactly(ContentStatus.MODERATION);
    }
}
