package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.MessageNotFoundException;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;
import ru.civic.platform.tenancy.TenantId;

/**
 * Tomsk, section V: the operator publishes a proposal or refuses it with a reason and an invitation to correct,
 * within 2 working days; a proposal sent on a non-working day counts from the next working day (5.9).
 */
@SpringBootTest
class TomskRegulationTest extends LifecycleTestSupport {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final ZoneId ZONE = ZoneId.of("Asia/Tomsk");

    @Test
    void proposalSentOnNewYearsEveIsDueTwoWorkingDaysAfterTheHolidays() {
        Actor citizen = account(TOMSK, "tomsk-citizen", null);
        at("Asia/Tomsk", 2025, 12, 31, 15, 0);

        Receipt receipt = submit(TOMSK, citizen, "Предлагаю установить лавочки в сквере на ул. Ленина", "potholes",
                place(56.48, 84.95, "Томск, ул. Ленина, 1"), null, false, List.of());

        // 31.12.2025 is a day off (decree 1466), 1–11 January are holidays and weekends: the proposal counts as
        // received on Monday 12 January 2026; two working days later ends on 14 January, 23:59:59 in Tomsk.
        assertThat(receipt.number()).matches("TOM-2025-\\d{6}");
        assertThat(receipt.status()).isEqualTo(StageStatus.MODERATION);
        assertThat(receipt.stageDueAt().atZone(ZONE).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 1, 14, 23, 59, 59, 999_999_000));
    }

    @Test
    void proposalSentOnFridayEveningIsDueOnTuesday() {
        Actor citizen = account(TOMSK, "tomsk-friday", null);
        at("Asia/Tomsk", 2026, 3, 13, 21, 0); // Friday

        Receipt receipt = submit(TOMSK, citizen, "Не работает светофор на перекрёстке", "traffic-lights",
                place(56.47, 84.96, null), null, false, List.of());

        assertThat(receipt.stageDueAt().atZone(ZONE).toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 17));
    }

    @Test
    void operatorRefusesWithReasonThenPublishesTheCorrectedProposal() {
        Actor citizen = account(TOMSK, "tomsk-author", null);
        Actor operator = account(TOMSK, "tomsk-operator", "operator", Role.OPERATOR);
        Actor executor = account(TOMSK, "tomsk-executor", "dep-transport", Role.EXECUTOR);
        Actor guest = null;
        Receipt receipt = submit(TOMSK, citizen, "Яма на дороге и мусор во дворе и нет света", "potholes",
                place(56.48, 84.95, "Томск, пр. Ленина, 30"), null, false, List.of());
        String number = receipt.number();

        // Refusal needs a reason from Tomsk's list (4.3): none given, the operator is told exactly that.
        assertThatThrownBy(() -> act(TOMSK, number, "refuse", ActionInput.none(), operator))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo("reason");
                            assertThat(p.code()).isEqualTo("workflow.field.required");
                        }));
        // A citizen cannot moderate, whatever a client shows.
        assertThatThrownBy(() -> act(TOMSK, number, "publish", ActionInput.none(), citizen))
                .isInstanceOfSatisfying(ActionDeniedException.class,
                        e -> assertThat(e.why()).isIn(ActionDeniedException.Why.ROLE, ActionDeniedException.Why.NOT_AUTHOR));

        TransitionOutcome refused = act(TOMSK, number, "refuse",
                ActionInput.builder().reason("several-objects").comment("Опишите одну проблему").build(), operator);
        assertThat(refused.status()).isEqualTo(StageStatus.REFUSED);
        // 5.6: the author hears of it in the cabinet and by e-mail, with the reason and the invitation to correct.
        assertThat(inbox(TOMSK, citizen)).anySatisfy(n -> {
            assertThat(n.messageNumber()).isEqualTo(number);
            assertThat(n.body()).contains("исправить").contains("Опишите одну проблему");
        });
        assertThat(queuedEmailSubjects(TOMSK, email(citizen))).contains("Сообщение " + number + " не опубликовано");
        assertThatThrownBy(() -> view(TOMSK, number, guest)).isInstanceOf(MessageNotFoundException.class);

        at("Asia/Tomsk", 2026, 3, 20, 10, 0); // Friday
        TransitionOutcome resubmitted = act(TOMSK, number, "resubmit",
                ActionInput.builder().text("Яма на дороге у дома 30 по пр. Ленина").build(), citizen);
        // The corrected proposal gets its own two working days: Monday and Tuesday.
        assertThat(resubmitted.stageDueAt().atZone(ZONE).toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 24));
        TransitionOutcome published = act(TOMSK, number, "publish", ActionInput.none(), operator);
        assertThat(published.status()).isEqualTo(StageStatus.PUBLISHED);

        MessageView forGuest = view(TOMSK, number, guest);
        assertThat(forGuest.text()).isEqualTo("Яма на дороге у дома 30 по пр. Ленина");
        assertThat(forGuest.authorName()).isNull();
        assertThat(forGuest.timeline()).extracting(MessageView.TimelineEntry::status)
                .containsExactly(StageStatus.MODERATION, StageStatus.REFUSED, StageStatus.MODERATION,
                        StageStatus.PUBLISHED);
        assertThat(forGuest.timeline().get(1).reason()).contains("несколько объектов");

        act(TOMSK, number, "answer", ActionInput.builder().answer("Ремонт запланирован на май").build(), executor);
        assertThat(view(TOMSK, number, guest).answer().text()).isEqualTo("Ремонт запланирован на май");
    }
}
