package ru.civic.admin.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authorization.AuthorizationDeniedException;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.campaign.Amendment;
import ru.civic.platform.campaign.Topic;
import ru.civic.platform.campaign.TopicPlans;
import ru.civic.platform.message.Actors;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration.Organisation;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/**
 * Gubkinsky's annual topic plan in the back office (3.1–3.6): a unit's proposal is listed, the administrator approves
 * the plan (a moderator may not), and a later change needs a reason, refused at its field without one and recorded
 * with who and why.
 */
@SpringBootTest
class TopicPlanViewTest extends SpringBrowserlessTest {

    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");

    @Autowired
    AccountService accounts;
    @Autowired
    TopicPlans plans;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    // A year of its own (one plan per tenant and year), far enough ahead for proposals to be open whatever today is;
    // apart from the years CampaignFixture draws (2300–2999).
    private final int year = ThreadLocalRandom.current().nextInt(2100, 2300);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private Account account(String name, Role role) {
        return TenantContext.callAs(GUBKINSKY, () -> accounts.create(name + "-" + marker, "x", name + " " + marker,
                name + "-" + marker + "@example.ru", Set.of(role), null));
    }

    private TopicPlanView openAs(Account account, Role role) {
        TestSignIn.asUser("gubkinsky", account.getUsername(), account.getDisplayName(), role.name());
        cleanVaadinEnvironment();
        TopicPlanView view = TenantContext.callAs(GUBKINSKY, () -> {
            initVaadinEnvironment();
            return navigate("admin/topic-plan", TopicPlanView.class);
        });
        TenantContext.runAs(GUBKINSKY, () -> view.year().setValue(year));
        return view;
    }

    private static Organisation unit(TopicPlanView view, String id) {
        return view.unit().getListDataView().getItems().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aProposalIsListedTheOperatorApprovesAndAnAmendmentNeedsAReason() {
        // A moderator proposes a topic on behalf of a unit; approving is not theirs to do.
        Account moderator = account("tp-moderator", Role.MODERATOR);
        TopicPlanView asModerator = openAs(moderator, Role.MODERATOR);
        assertThat(asModerator.approveButton().isVisible()).isFalse();
        // A year no plan may be kept for is refused at the year field, with the proposal kept.
        TenantContext.runAs(GUBKINSKY, () -> {
            asModerator.year().setValue(3000);
            test(asModerator.titleField()).setValue("Благоустройство набережной " + marker);
            asModerator.unit().setValue(unit(asModerator, "upr-general-policy"));
            test(asModerator.proposeButton()).click();
        });
        assertThat(asModerator.year().isInvalid()).isTrue();
        assertThat(asModerator.year().getErrorMessage()).isEqualTo("Перечень тематик ведётся на годы с 2000 по 2999.");
        assertThat(asModerator.titleField().getValue()).isEqualTo("Благоустройство набережной " + marker);

        TenantContext.runAs(GUBKINSKY, () -> {
            asModerator.year().setValue(year);
            test(asModerator.proposeButton()).click();
        });
        assertThat(asModerator.year().isInvalid()).isFalse();
        assertThat(asModerator.done().getText()).isEqualTo("Тема предложена.");
        assertThatThrownBy(() -> TenantContext.runAs(GUBKINSKY,
                () -> plans.approve(year, Actors.of(moderator))))
                .isInstanceOf(AuthorizationDeniedException.class);

        // The administrator sees the proposal with its unit and author, and approves the plan.
        Account operator = account("tp-operator", Role.OPERATOR);
        TopicPlanView view = openAs(operator, Role.OPERATOR);
        assertThat(view.topics().getGenericDataView().getItems()).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Благоустройство набережной " + marker);
            assertThat(t.proposingUnit()).isEqualTo("upr-general-policy");
            assertThat(t.proposedBy()).isEqualTo(moderator.getDisplayName());
        });
        assertThat(test(view.topics()).getCellText(0, 2))
                .isEqualTo("Управление общей политики Администрации города Губкинского");
        assertThat(view.state().getText()).contains("01.12." + (year - 1)).contains("25.12." + (year - 1))
                .contains("Перечень не утверждён.");
        assertThat(view.reason().isVisible()).as("no reason asked before approval").isFalse();

        TenantContext.runAs(GUBKINSKY, () -> test(view.approveButton()).click());
        assertThat(view.done().getText()).isEqualTo("Перечень утверждён.");
        assertThat(view.state().getText()).contains("Утверждён").contains(operator.getDisplayName());
        assertThat(view.approveButton().isEnabled()).isFalse();
        assertThat(TenantContext.callAs(GUBKINSKY, () -> plans.plan(year)).approved()).isTrue();

        // After approval a topic is added only with a reason: without one it is refused at the reason field.
        assertThat(view.reason().isVisible()).isTrue();
        assertThat(view.proposeButton().getText()).isEqualTo("Добавить тему (изменение перечня)");
        TenantContext.runAs(GUBKINSKY, () -> {
            test(view.titleField()).setValue("Парк у школы " + marker);
            view.unit().setValue(unit(view, "upr-general-policy"));
            test(view.proposeButton()).click();
        });
        assertThat(view.reason().isInvalid()).isTrue();
        assertThat(view.reason().getErrorMessage()).isEqualTo("Укажите причину изменения утверждённого перечня.");
        assertThat(view.titleField().getValue()).isEqualTo("Парк у школы " + marker);
        assertThat(TenantContext.callAs(GUBKINSKY, () -> plans.plan(year)).topics()).hasSize(1);

        TenantContext.runAs(GUBKINSKY, () -> {
            test(view.reason()).setValue("Обращение жителей микрорайона " + marker);
            test(view.proposeButton()).click();
        });
        assertThat(view.reason().isInvalid()).isFalse();
        assertThat(view.done().getText()).isEqualTo("Тема добавлена, изменение записано.");
        assertThat(view.topics().getGenericDataView().getItems()).extracting(Topic::title)
                .containsExactly("Благоустройство набережной " + marker, "Парк у школы " + marker);
        assertThat(test(view.topics()).getCellText(1, 4)).isEqualTo("добавлена изменением");
        assertThat(view.amendments().getGenericDataView().getItems()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Amendment.Kind.ADD);
            assertThat(a.topicTitle()).isEqualTo("Парк у школы " + marker);
            assertThat(a.reason()).isEqualTo("Обращение жителей микрорайона " + marker);
            assertThat(a.amendedBy()).isEqualTo(operator.getDisplayName());
        });
        assertThat(test(view.amendments()).getCellText(0, 1)).isEqualTo("Добавлена: Парк у школы " + marker);
    }
}
