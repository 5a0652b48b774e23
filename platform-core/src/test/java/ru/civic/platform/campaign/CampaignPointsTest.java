package ru.civic.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;

import ru.civic.platform.message.Actor;
import ru.civic.platform.points.PointsAction;
import ru.civic.platform.points.PointsEntry;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;

/** Gubkinsky pays for published ideas and comments (10 and 1 point), once each, and nothing for refused ones. */
@SpringBootTest
class CampaignPointsTest extends CampaignTestSupport {

    @Autowired
    PointsLedger ledger;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aPublishedIdeaAndCommentEarnTheirAuthorsGubkinskysPriceOnce() {
        Actor operator = account(GUBKINSKY, "cp-operator", Role.OPERATOR);
        Actor moderator = account(GUBKINSKY, "cp-moderator", Role.MODERATOR);
        Actor author = account(GUBKINSKY, "cp-author", Role.CITIZEN);
        Actor commenter = account(GUBKINSKY, "cp-commenter", Role.CITIZEN);
        UUID campaign = openCampaign(2047, operator, moderator);
        at(2047, 3, 10, 12, 0);

        UUID idea = as(GUBKINSKY, author, () -> campaigns.submitIdea(campaign,
                new IdeaDraft("Каток во дворе", "Залить каток во дворе школы"), author));
        UUID refused = as(GUBKINSKY, author, () -> campaigns.submitIdea(campaign,
                new IdeaDraft("Реклама", "Покупайте у нас"), author));
        assertThat(TenantContext.callAs(GUBKINSKY, () -> ledger.history(author.accountId()))).isEmpty();
        as(GUBKINSKY, moderator, () -> campaigns.publishIdea(idea, moderator));
        as(GUBKINSKY, moderator, () -> campaigns.refuseIdea(refused, "advertising", "Реклама не допускается.", false,
                moderator));
        UUID comment = as(GUBKINSKY, commenter, () -> campaigns.comment(idea, "Поддерживаю!", commenter));
        as(GUBKINSKY, moderator, () -> campaigns.publishComment(comment, moderator));
        // The same event delivered again adds nothing.
        TenantContext.runAs(GUBKINSKY, () -> events.publishEvent(new IdeaPublished("gubkinsky", campaign, idea,
                author.accountId(), clock.instant())));

        assertThat(TenantContext.callAs(GUBKINSKY, () -> ledger.history(author.accountId())))
                .singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo(PointsAction.IDEA_PUBLISHED);
                    assertThat(e.amount()).isEqualTo(10);
                    assertThat(e.source()).isEqualTo("idea:" + idea);
                });
        assertThat(TenantContext.callAs(GUBKINSKY, () -> ledger.history(commenter.accountId())))
                .extracting(PointsEntry::action, PointsEntry::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PointsAction.COMMENT, 1));
    }
}
