package ru.civic.admin.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authorization.AuthorizationDeniedException;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.poll.Poll;
import ru.civic.platform.poll.PollDraft;
import ru.civic.platform.poll.PollDraft.QuestionDraft;
import ru.civic.platform.poll.PollKind;
import ru.civic.platform.poll.PollStatus;
import ru.civic.platform.poll.Polls;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/** The back office's polls desk: a resident's poll is moderated (a refusal needs a reason), a draft is checked. */
@SpringBootTest
class PollsViewTest extends SpringBrowserlessTest {

    private static final TenantId VOLGOGRAD = TenantId.of("volgograd");

    @Autowired
    Polls polls;
    @Autowired
    AccountService accounts;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private PollsView openDesk() {
        Account me = TenantContext.callAs(VOLGOGRAD, () -> accounts.findByUsername("p-moderator-" + marker)
                .orElseGet(() -> accounts.create("p-moderator-" + marker, "x", "Модератор " + marker, null,
                        Set.of(Role.MODERATOR), null)));
        TestSignIn.asUser("volgograd", me.getUsername(), me.getDisplayName(), Role.MODERATOR.name());
        cleanVaadinEnvironment();
        return TenantContext.callAs(VOLGOGRAD, () -> {
            initVaadinEnvironment();
            return navigate("admin/polls", PollsView.class);
        });
    }

    private Button button(PollsView desk, String className) {
        return desk.selected().getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> b.hasClassName(className)).findFirst().orElseThrow();
    }

    @Test
    void aModeratorRefusesAResidentsPollOnlyWithAReason() {
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Volgograd")).plusDays(10);
        TestSignIn.as("volgograd", "CITIZEN");
        UUID id = TenantContext.callAs(VOLGOGRAD, () -> polls.propose(new PollDraft(PollKind.ORDINARY,
                "Двор " + marker, "", List.of(QuestionDraft.single("Нужна ли парковка?", "Да", "Нет")), start,
                start.plusDays(10), List.of()), false));
        assertThatThrownBy(() -> TenantContext.runAs(VOLGOGRAD, () -> polls.approve(id)))
                .isInstanceOf(AuthorizationDeniedException.class); // a resident cannot approve their own poll

        PollsView desk = openDesk();
        Poll row = desk.grid().getGenericDataView().getItems().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow();
        assertThat(row.status()).isEqualTo(PollStatus.ON_MODERATION);
        assertThat(row.moderationDueAt()).isNotNull(); // Volgograd 9: within 2 working days
        TenantContext.runAs(VOLGOGRAD, () -> desk.grid().asSingleSelect().setValue(row));

        TenantContext.runAs(VOLGOGRAD, () -> test(button(desk, "civic-polls-refuse")).click());
        assertThat(desk.refusalReason().isInvalid()).isTrue();
        assertThat(desk.refusalReason().getErrorMessage()).contains("причину отказа");
        assertThat(TenantContext.callAs(VOLGOGRAD, () -> polls.find(id)).status()).isEqualTo(PollStatus.ON_MODERATION);

        TenantContext.runAs(VOLGOGRAD, () -> {
            test(desk.refusalReason()).setValue("Вопрос решает управляющая компания");
            test(button(desk, "civic-polls-refuse")).click();
        });
        Poll refused = TenantContext.callAs(VOLGOGRAD, () -> polls.find(id));
        assertThat(refused.status()).isEqualTo(PollStatus.REFUSED);
        assertThat(refused.refusalReason()).isEqualTo("Вопрос решает управляющая компания");
        assertThat(desk.done().getText()).contains("отклонён");
    }

    @Test
    void aDraftWithTooFewAnswersIsRefusedAtTheQuestionAndKept() {
        PollsView desk = openDesk();
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Volgograd")).plusDays(3);
        TenantContext.runAs(VOLGOGRAD, () -> {
            test(desk.titleField()).setValue("Парк " + marker);
            desk.startsOn().setValue(start);
            desk.endsOn().setValue(start.plusDays(9));
            PollsView.QuestionEditor q = desk.questionEditors().getFirst();
            test(q.text).setValue("Что нужно?");
            test(q.options).setValue("Только одно");
            test(desk.saveButton()).click();
        });
        PollsView.QuestionEditor q = desk.questionEditors().getFirst();
        assertThat(q.options.isInvalid()).isTrue();
        assertThat(q.options.getErrorMessage()).contains("не меньше двух");
        assertThat(desk.titleField().getValue()).isEqualTo("Парк " + marker);

        TenantContext.runAs(VOLGOGRAD, () -> {
            test(q.options).setValue("Скамейки\nФонари");
            test(desk.saveButton()).click();
        });
        assertThat(desk.grid().getGenericDataView().getItems().filter(p -> p.title().equals("Парк " + marker)))
                .singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(PollStatus.DRAFT));
    }
}
