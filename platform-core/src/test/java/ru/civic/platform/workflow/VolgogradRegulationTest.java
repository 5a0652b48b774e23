package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.MessageNotFoundException;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.Supporter;
import ru.civic.platform.message.Supports;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Volgograd (4.5–4.8, 8.2–8.5): date, time and place required and publicity confirmed by the author; the moderator
 * decides whether the message is public and routes it to the project office, which answers; the moderator publishes
 * the answer or sends it to the user; the user rates it. Guests only read.
 */
@SpringBootTest
class VolgogradRegulationTest extends LifecycleTestSupport {

    private static final TenantId VOLGOGRAD = TenantId.of("volgograd");

    @Autowired
    Supports supports;

    @Test
    void moderatorKeepsMessagePrivateAndSendsTheAnswerToTheUserOnly() {
        Actor citizen = account(VOLGOGRAD, "vlg-citizen", null);
        Actor moderator = account(VOLGOGRAD, "vlg-moderator", null, Role.MODERATOR);
        Actor office = account(VOLGOGRAD, "vlg-office", "kom-transport", Role.EXECUTOR);
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);

        // 8.4: the author must confirm publicity.
        assertThatThrownBy(() -> submit(VOLGOGRAD, citizen, "Не работает светофор", "traffic-lights",
                place(48.7, 44.5, "Волгоград, пр. Ленина, 10"), yesterday, false, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).containsExactly("message.publicity.confirmationRequired"));

        Receipt receipt = submit(VOLGOGRAD, citizen, "Не работает светофор у дома 10", "traffic-lights",
                place(48.7, 44.5, "Волгоград, пр. Ленина, 10"), yesterday, true, List.of());
        String number = receipt.number();

        // 4.6: routing needs the organisation and the publicity decision.
        assertThatThrownBy(() -> act(VOLGOGRAD, number, "route",
                ActionInput.builder().organisation("kom-transport").build(), moderator))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("publicity"));
        TransitionOutcome routed = act(VOLGOGRAD, number, "route",
                ActionInput.builder().organisation("kom-transport").publicity(false).build(), moderator);
        assertThat(routed.toStage()).isEqualTo("execution");
        assertThat(routed.dueAt()).isNotNull();
        assertThatThrownBy(() -> view(VOLGOGRAD, number, null)).isInstanceOf(MessageNotFoundException.class);

        act(VOLGOGRAD, number, "answer", ActionInput.builder().answer("Светофор отремонтирован").build(), office);
        TransitionOutcome sent = act(VOLGOGRAD, number, "send-answer", ActionInput.none(), moderator);
        assertThat(sent.status()).isEqualTo(StageStatus.ANSWERED);
        assertThat(sent.dueAt()).isNull();
        assertThat(view(VOLGOGRAD, number, citizen).answer().text()).isEqualTo("Светофор отремонтирован");
        assertThat(queuedEmailSubjects(VOLGOGRAD, email(citizen))).contains("Дан ответ на сообщение " + number);

        assertThat(act(VOLGOGRAD, number, "rate", ActionInput.builder().rating("partly-satisfied").build(), citizen)
                .status()).isEqualTo(StageStatus.CLOSED);
    }

    @Test
    void publicMessageWithPublishedAnswerIsReadOnlyForGuests() {
        Actor citizen = account(VOLGOGRAD, "vlg-public", null);
        Actor moderator = account(VOLGOGRAD, "vlg-mod2", null, Role.MODERATOR);
        Receipt receipt = submit(VOLGOGRAD, citizen, "Разбит тротуар на ул. Мира", "potholes",
                place(48.71, 44.51, null), Instant.now().minus(2, ChronoUnit.HOURS), true, List.of());
        act(VOLGOGRAD, receipt.number(), "route",
                ActionInput.builder().organisation("kom-transport").publicity(true).build(), moderator);

        MessageView forGuest = view(VOLGOGRAD, receipt.number(), null);
        assertThat(forGuest.published()).isTrue();
        // 4.8: Volgograd's guests read only: supporting needs an account.
        assertThatThrownBy(() -> TenantContext.callAs(VOLGOGRAD,
                () -> supports.support(receipt.number(), Supporter.guest(java.util.UUID.randomUUID()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).containsExactly("support.guestsNotAllowed"));
        Actor neighbour = account(VOLGOGRAD, "vlg-neighbour", null);
        assertThat(TenantContext.callAs(VOLGOGRAD,
                () -> supports.support(receipt.number(), Supporter.account(neighbour.accountId()))).count())
                .isEqualTo(1);
    }
}
