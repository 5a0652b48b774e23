package ru.civic.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authorization.AuthorizationDeniedException;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.shared.Role;

/**
 * The annual topic plan (Gubkinsky 3.1–3.6) with the tenant's dates: proposals until 1 December of the year before,
 * approval by 25 December by the administrator (OPERATOR), amendments after approval only with a reason.
 */
@SpringBootTest
class TopicPlanTest extends CampaignTestSupport {

    private static final int YEAR = 2031;

    @Test
    void proposalsCloseAtTheEndOfTheTenantsProposalDayAndAnAmendmentNeedsAReason() {
        Actor moderator = account(GUBKINSKY, "tp-moderator", Role.MODERATOR);
        Actor operator = account(GUBKINSKY, "tp-operator", Role.OPERATOR);
        TopicProposal park = new TopicProposal(TopicKind.CAMPAIGN, "Благоустройство парка", "Идеи для парка",
                "upr-arch");

        at(YEAR - 1, 12, 1, 23, 30);   // the last evening of 1 December, local time
        UUID topic = as(GUBKINSKY, moderator, () -> plans.propose(YEAR, park, moderator));

        at(YEAR - 1, 12, 2, 0, 5);
        assertThatThrownBy(() -> as(GUBKINSKY, moderator, () -> plans.propose(YEAR,
                new TopicProposal(TopicKind.POLL, "Опрос о транспорте", "", "upr-zhkh"), moderator)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code() + ":" + p.args())
                        .containsExactly("year:campaign.plan.proposalsClosed:[" + YEAR + ", 01.12." + (YEAR - 1)
                                + "]"));

        TopicPlan proposed = as(GUBKINSKY, operator, () -> plans.plan(YEAR));
        assertThat(proposed.proposalsDue()).isEqualTo(LocalDate.of(YEAR - 1, 12, 1));
        assertThat(proposed.approvalDue()).isEqualTo(LocalDate.of(YEAR - 1, 12, 25));
        assertThat(proposed.approved()).isFalse();
        assertThat(proposed.topics()).extracting(Topic::title).containsExactly("Благоустройство парка");

        // The moderator/analyst does not admit topics: the management group (OPERATOR) does.
        assertThatThrownBy(() -> as(GUBKINSKY, moderator, () -> plans.approve(YEAR, moderator)))
                .isInstanceOf(AuthorizationDeniedException.class);

        at(YEAR - 1, 12, 24, 15, 0);
        as(GUBKINSKY, operator, () -> plans.approve(YEAR, operator));
        TopicPlan approved = as(GUBKINSKY, operator, () -> plans.plan(YEAR));
        assertThat(approved.approved()).isTrue();
        assertThat(approved.approvedLate()).isFalse();
        assertThat(approved.approvedBy()).isEqualTo(operator.name());

        at(YEAR, 4, 2, 11, 0);
        TopicProposal sport = new TopicProposal(TopicKind.POLL, "Новые спортивные секции", "", "upr-sport");
        assertThatThrownBy(() -> as(GUBKINSKY, operator, () -> plans.amendAdd(YEAR, sport, "  ", operator)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code()).containsExactly("reason:campaign.plan.reasonRequired"));
        assertThatThrownBy(() -> as(GUBKINSKY, operator, () -> plans.withdrawProposal(topic, operator)))
                .isInstanceOf(InvalidInputException.class);

        UUID added = as(GUBKINSKY, operator, () -> plans.amendAdd(YEAR, sport, "Обращение спортивных клубов",
                operator));
        at(YEAR, 4, 3, 9, 0);
        as(GUBKINSKY, operator, () -> plans.amendWithdraw(topic, "Парк передан на реконструкцию", operator));

        TopicPlan amended = as(GUBKINSKY, operator, () -> plans.plan(YEAR));
        assertThat(amended.activeTopics()).extracting(Topic::id).containsExactly(added);
        assertThat(amended.topics()).filteredOn(Topic::id, added).singleElement()
                .satisfies(t -> assertThat(t.addedByAmendment()).isTrue());
        assertThat(amended.amendments()).extracting(a -> a.kind() + ":" + a.topicTitle() + ":" + a.reason() + ":"
                        + a.amendedBy() + ":" + a.amendedAt())
                .containsExactly(
                        "ADD:Новые спортивные секции:Обращение спортивных клубов:" + operator.name() + ":"
                                + local(YEAR, 4, 2, 11, 0),
                        "WITHDRAW:Благоустройство парка:Парк передан на реконструкцию:" + operator.name() + ":"
                                + local(YEAR, 4, 3, 9, 0));
    }

    @Test
    void aPlanApprovedAfterTheTenantsApprovalDayIsShownAsLate() {
        int year = YEAR + 1;
        Actor operator = account(GUBKINSKY, "tp-late-operator", Role.OPERATOR);
        at(year - 1, 11, 30, 12, 0);
        as(GUBKINSKY, operator, () -> plans.propose(year,
                new TopicProposal(TopicKind.CAMPAIGN, "Дворы", "", "upr-zhkh"), operator));
        at(year - 1, 12, 26, 0, 10);
        as(GUBKINSKY, operator, () -> plans.approve(year, operator));

        TopicPlan plan = as(GUBKINSKY, operator, () -> plans.plan(year));
        assertThat(plan.approved()).isTrue();
        assertThat(plan.approvedLate()).isTrue();
    }
}
