package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.Message.Result;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;
import ru.civic.platform.tenancy.TenantId;

/**
 * Tynda (3.2–3.9): moderation → coordination → execution → agreement → approval, redirects with the citizen notified,
 * rejections back to the executor or, after a redirect, to the coordinator; 30 calendar days, 10 for the appendix's
 * accelerated categories; a calendar period ending on a day off ends on the next working day.
 */
@SpringBootTest
class TyndaRegulationTest extends LifecycleTestSupport {

    private static final TenantId TYNDA = TenantId.of("tynda");
    private static final ZoneId ZONE = ZoneId.of("Asia/Yakutsk");

    @Test
    void walksAllFiveStagesWithFiveOfficials() {
        Actor citizen = account(TYNDA, "tyn-citizen", null);
        Actor moderator = account(TYNDA, "tyn-moderator", null, Role.MODERATOR);
        Actor coordinator = account(TYNDA, "tyn-coordinator", null, Role.COORDINATOR);
        Actor executor = account(TYNDA, "tyn-executor", null, Role.EXECUTOR);
        Actor otherExecutor = account(TYNDA, "tyn-executor2", null, Role.EXECUTOR);
        Actor agreeing = account(TYNDA, "tyn-deputy", null, Role.HEAD);
        Actor lawyer = account(TYNDA, "tyn-lawyer", null, Role.EXECUTOR);
        Actor head = account(TYNDA, "tyn-head", null, Role.HEAD);
        at("Asia/Yakutsk", 2026, 2, 20, 10, 0);

        // 3.3: the citizen may leave the category empty.
        Receipt receipt = submit(TYNDA, citizen, "На ул. Красная Пресня разбита дорога, ямы глубиной 20 см", null,
                null, null, false, List.of());
        String number = receipt.number();
        // 30 calendar days after 20 February end on Sunday 22 March, so on Monday 23 March.
        assertThat(receipt.dueAt().atZone(ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 23));

        act(TYNDA, number, "set-category", ActionInput.builder().category("road-repair").build(), moderator);
        assertThat(act(TYNDA, number, "accept", ActionInput.none(), moderator).toStage()).isEqualTo("coordination");

        // 3.4: redirected to another competent body; the citizen is told automatically.
        act(TYNDA, number, "redirect",
                ActionInput.builder().organisation("otdel-arch").comment("Дорога на территории застройки").build(),
                coordinator);
        assertThat(inbox(TYNDA, citizen)).anySatisfy(n -> assertThat(n.subject()).contains("перенаправлено"));
        act(TYNDA, number, "assign", ActionInput.builder().executor(executor.accountId()).build(), coordinator);

        // Once assigned, the message is that executor's.
        assertThatThrownBy(() -> act(TYNDA, number, "answer", answer(head, List.of()), otherExecutor))
                .isInstanceOfSatisfying(ActionDeniedException.class,
                        e -> assertThat(e.why()).isEqualTo(ActionDeniedException.Why.NOT_ASSIGNEE));
        // 3.5: "postponed" needs the date.
        assertThatThrownBy(() -> act(TYNDA, number, "answer", ActionInput.builder().result(Result.POSTPONED)
                .answer("Ремонт перенесён").executorPosition("Начальник отдела").head(head.accountId()).build(),
                executor))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("postponeUntil"));

        // With agreeing persons the answer goes to agreement; a rejection after a redirect returns to coordination.
        assertThat(act(TYNDA, number, "answer", answer(head, List.of(agreeing)), executor).toStage())
                .isEqualTo("agreement");
        assertThat(act(TYNDA, number, "reject", ActionInput.builder().comment("Уточните сроки").build(), agreeing)
                .toStage()).isEqualTo("coordination");

        act(TYNDA, number, "assign", ActionInput.builder().executor(executor.accountId()).build(), coordinator);
        // 3.6: every agreeing person agrees before approval; only they may, and only the named head approves.
        act(TYNDA, number, "answer", answer(head, List.of(agreeing, lawyer)), executor);
        assertThatThrownBy(() -> act(TYNDA, number, "agree", ActionInput.none(), head))
                .isInstanceOfSatisfying(ActionDeniedException.class,
                        e -> assertThat(e.why()).isEqualTo(ActionDeniedException.Why.NOT_ASSIGNEE));
        assertThat(act(TYNDA, number, "agree", ActionInput.none(), agreeing).toStage()).isEqualTo("agreement");
        assertThat(act(TYNDA, number, "agree", ActionInput.none(), lawyer).toStage()).isEqualTo("approval");
        assertThat(act(TYNDA, number, "reject", ActionInput.builder().comment("Добавьте сроки").build(), head)
                .toStage()).isEqualTo("coordination");
        act(TYNDA, number, "assign", ActionInput.builder().executor(executor.accountId()).build(), coordinator);
        // Without agreeing persons it goes straight to approval (3.7).
        assertThat(act(TYNDA, number, "answer", answer(head, List.of()), executor).toStage()).isEqualTo("approval");
        assertThatThrownBy(() -> act(TYNDA, number, "approve", ActionInput.none(), agreeing))
                .isInstanceOf(ActionDeniedException.class);
        TransitionOutcome approved = act(TYNDA, number, "approve", ActionInput.none(), head);
        assertThat(approved.status()).isEqualTo(StageStatus.ANSWERED);

        MessageView forAuthor = view(TYNDA, number, citizen);
        assertThat(forAuthor.answer().text()).isEqualTo("Ямочный ремонт будет выполнен до 30 мая");
        assertThat(forAuthor.answer().result()).isEqualTo(Result.RESOLVED);
        assertThat(forAuthor.organisationId()).isEqualTo("otdel-arch");
        assertThat(forAuthor.timeline()).extracting(MessageView.TimelineEntry::stage).containsSubsequence(
                "moderation", "coordination", "execution", "agreement", "coordination", "execution", "agreement",
                "approval", "coordination", "execution", "approval", "answered");
        assertThat(queuedEmailSubjects(TYNDA, email(citizen))).contains("Дан ответ на сообщение " + number);

        assertThat(act(TYNDA, number, "rate", ActionInput.builder().rating("satisfied").build(), citizen).status())
                .isEqualTo(StageStatus.CLOSED);
    }

    @Test
    void acceleratedCategoryIsDueInTenCalendarDaysMovedPastRussiaDay() {
        Actor parent = account(TYNDA, "tyn-parent", null);
        at("Asia/Yakutsk", 2026, 6, 2, 10, 0);

        Receipt receipt = submit(TYNDA, parent, "В школе № 1 детям начальных классов не дают горячий обед",
                "hot-meals-absent", null, null, false, List.of());

        // 10 calendar days end on Friday 12 June, Russia Day: the next working day is Monday 15 June.
        assertThat(receipt.dueAt().atZone(ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 15));
    }

    @Test
    void categorySetByTheModeratorBringsTheAcceleratedDeadline() {
        Actor parent = account(TYNDA, "tyn-parent2", null);
        Actor moderator = account(TYNDA, "tyn-mod3", null, Role.MODERATOR);
        at("Asia/Yakutsk", 2026, 6, 2, 10, 0);
        Receipt receipt = submit(TYNDA, parent, "Дети в школе № 5 остаются без обеда", null, null, null, false,
                List.of());
        assertThat(receipt.dueAt().atZone(ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 7, 2));

        at("Asia/Yakutsk", 2026, 6, 3, 9, 0);
        TransitionOutcome categorised = act(TYNDA, receipt.number(), "set-category",
                ActionInput.builder().category("hot-meals-absent").build(), moderator);

        // Still counted from the receipt, now with the appendix's 10 days.
        assertThat(categorised.dueAt().atZone(ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 15));
    }

    @Test
    void refusedMessageOwesNoDeadline() {
        Actor citizen = account(TYNDA, "tyn-rude", null);
        Actor moderator = account(TYNDA, "tyn-mod4", null, Role.MODERATOR);
        Receipt receipt = submit(TYNDA, citizen, "Неразборчивый текст ывапролд", null, null, null, false, List.of());

        TransitionOutcome refused = act(TYNDA, receipt.number(), "refuse",
                ActionInput.builder().reason("unreadable").build(), moderator);

        assertThat(refused.dueAt()).isNull();
    }

    private static ActionInput answer(Actor head, List<Actor> agreeing) {
        return ActionInput.builder().result(Result.RESOLVED).answer("Ямочный ремонт будет выполнен до 30 мая")
                .executorPosition("Главный специалист").head(head.accountId())
                .agreeing(agreeing.stream().map(Actor::accountId).toList()).build();
    }
}
