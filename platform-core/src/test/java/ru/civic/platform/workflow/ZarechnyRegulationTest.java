package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;
import ru.civic.platform.tenancy.TenantId;

/**
 * Zarechny: a number on receipt (5.2); check within 3 working days → registered and published (5.4–5.6); answer
 * within 10 working days of registration (6.2); the author rates the answer, a negative rating needs remarks and
 * sends the message back for rework (7). Penza region's Radonitsa (21 April 2026) is not a working day.
 */
@SpringBootTest
class ZarechnyRegulationTest extends LifecycleTestSupport {

    private static final TenantId ZARECHNY = TenantId.of("zarechny");
    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    @Test
    void walksTheRegulationAroundRadonitsaAndMayHolidays() {
        Actor citizen = account(ZARECHNY, "zar-citizen", null);
        Actor moderator = account(ZARECHNY, "zar-moderator", "adm-infra", Role.MODERATOR);
        Actor executor = account(ZARECHNY, "zar-executor", "adm-infra", Role.EXECUTOR);
        at("Europe/Moscow", 2026, 4, 17, 10, 0); // Friday

        Receipt receipt = submit(ZARECHNY, citizen, "Глубокая яма на проезжей части у дома 12 по ул. Ленина",
                "potholes", place(53.196, 45.17, "г. Заречный, ул. Ленина, 12"),
                LocalDateTime.of(2026, 4, 16, 18, 30).atZone(ZONE).toInstant(), false, List.of());

        assertThat(receipt.number()).matches("ZAR-2026-\\d{6}");
        // 3 working days after Friday 17 April: Mon 20, (Tue 21 Radonitsa is off in Penza region), Wed 22, Thu 23.
        assertThat(receipt.stageDueAt().atZone(ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 23));

        at("Europe/Moscow", 2026, 4, 20, 11, 0);
        TransitionOutcome registered = act(ZARECHNY, receipt.number(), "register", ActionInput.none(), moderator);
        // 10 working days after 20 April: 22, 23, 24, 27, 28, 29, 30 April, (1 May holiday, weekend) 4, 5, 6 May.
        assertThat(registered.status()).isEqualTo(StageStatus.IN_PROGRESS);
        assertThat(registered.dueAt().atZone(ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(view(ZARECHNY, receipt.number(), null).published()).isTrue();
        // Zarechny's own template (notificationTemplates.REGISTER), with the deadline filled in.
        assertThat(inbox(ZARECHNY, citizen)).anySatisfy(n -> assertThat(n.body())
                .contains("не позднее 06.05.2026 (10 рабочих дней, п. 6.2 Регламента)"));

        at("Europe/Moscow", 2026, 4, 29, 9, 0);
        act(ZARECHNY, receipt.number(), "answer",
                ActionInput.builder().answer("Ремонт ямы выполнен 28 апреля").build(), executor);
        assertThat(queuedEmailSubjects(ZARECHNY, email(citizen)))
                .contains("Дан ответ на сообщение " + receipt.number());

        // 7.3: a negative rating without remarks is refused, with the field named.
        assertThatThrownBy(() -> act(ZARECHNY, receipt.number(), "rate",
                ActionInput.builder().rating("dissatisfied").build(), citizen))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("remarks");
                            assertThat(p.code()).isEqualTo("workflow.rating.remarksRequired");
                        }));
        // Only the author rates.
        assertThatThrownBy(() -> act(ZARECHNY, receipt.number(), "rate",
                ActionInput.builder().rating("satisfied").build(), executor))
                .isInstanceOf(ActionDeniedException.class);

        at("Europe/Moscow", 2026, 5, 7, 12, 0); // Thursday
        TransitionOutcome rework = act(ZARECHNY, receipt.number(), "rate",
                ActionInput.builder().rating("dissatisfied").remarks("Яма засыпана песком, асфальта нет").build(),
                citizen);
        // 7.4: back for rework, the 10 working days restart from the rating: 8, 12–15, 18–22 May (9–11 May off).
        assertThat(rework.toStage()).isEqualTo("execution");
        assertThat(rework.dueAt().atZone(ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 5, 22));
        MessageView forAuthor = view(ZARECHNY, receipt.number(), citizen);
        assertThat(forAuthor.ratingRemarks()).isEqualTo("Яма засыпана песком, асфальта нет");
        assertThat(forAuthor.timeline()).extracting(MessageView.TimelineEntry::stage)
                .containsExactly("moderation", "execution", "answered", "execution");

        act(ZARECHNY, receipt.number(), "answer",
                ActionInput.builder().answer("Яма заасфальтирована 12 мая").build(), executor);
        TransitionOutcome closed = act(ZARECHNY, receipt.number(), "rate",
                ActionInput.builder().rating("satisfied").build(), citizen);
        assertThat(closed.status()).isEqualTo(StageStatus.CLOSED);
    }

    @Test
    void officialOfAnotherOrganisationCannotAnswer() {
        Actor citizen = account(ZARECHNY, "zar-lamp", null);
        Actor moderator = account(ZARECHNY, "zar-mod-lamp", null, Role.MODERATOR);
        Actor utility = account(ZARECHNY, "zar-vodokanal", "mup-zhskh", Role.EXECUTOR);
        Actor electrician = account(ZARECHNY, "zar-electric", "gorelektroset", Role.EXECUTOR);
        Receipt receipt = submit(ZARECHNY, citizen, "Не горит фонарь у подъезда дома 3", "lighting",
                place(53.19, 45.17, null), java.time.Instant.now().minusSeconds(7200), false, List.of());
        act(ZARECHNY, receipt.number(), "register", ActionInput.none(), moderator);

        assertThatThrownBy(() -> act(ZARECHNY, receipt.number(), "answer",
                ActionInput.builder().answer("Не наш вопрос").build(), utility))
                .isInstanceOfSatisfying(ActionDeniedException.class,
                        e -> assertThat(e.why()).isEqualTo(ActionDeniedException.Why.OTHER_ORGANISATION));
        assertThat(act(ZARECHNY, receipt.number(), "answer",
                ActionInput.builder().answer("Лампа заменена").build(), electrician).status())
                .isEqualTo(StageStatus.ANSWERED);
    }

    @Test
    void messageWithoutDateTimeOrPlaceIsRefusedWithEveryProblemNamed() {
        Actor citizen = account(ZARECHNY, "zar-incomplete", null);

        assertThatThrownBy(() -> submit(ZARECHNY, citizen, "Не убран снег", null, null, null, false, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code())
                        .containsExactlyInAnyOrder("categoryId:message.category.required",
                                "place:message.place.required", "occurredAt:message.occurredAt.required"));
    }
}
