package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/** The staff queue: what waits for whom, by role, organisation and stage, overdue work first. */
@SpringBootTest
class StaffQueueTest extends LifecycleTestSupport {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId ZARECHNY = TenantId.of("zarechny");

    private List<String> queue(TenantId tenant, Actor actor) {
        return TenantContext.callAs(tenant, () -> workflow.queue(actor)).stream().map(QueueItem::number).toList();
    }

    @Test
    void moderatorsSeeNewMessagesOverdueFirstAndCitizensSeeNone() {
        Actor author = account(TOMSK, "queue-author", null);
        Actor moderator = account(TOMSK, "queue-moderator", null, Role.MODERATOR);
        at("Asia/Tomsk", 2030, 9, 2, 10, 0); // Monday: moderation due within 2 working days
        Receipt early = submit(TOMSK, author, "Ранний " + marker, "potholes", place(56.5, 84.9, "ул. 1"), null,
                false, List.of());
        at("Asia/Tomsk", 2030, 9, 5, 10, 0); // Thursday
        Receipt late = submit(TOMSK, author, "Поздний " + marker, "potholes", place(56.5, 84.9, "ул. 2"), null,
                false, List.of());

        at("Asia/Tomsk", 2030, 9, 5, 12, 0); // the early one's deadline (Wednesday) has passed, the late one's not
        List<QueueItem> items = TenantContext.callAs(TOMSK, () -> workflow.queue(moderator));
        List<String> numbers = items.stream().map(QueueItem::number).toList();
        assertThat(numbers).containsSubsequence(early.number(), late.number());
        QueueItem first = items.stream().filter(i -> i.number().equals(early.number())).findFirst().orElseThrow();
        assertThat(first.overdue()).isTrue();
        assertThat(first.stageName()).isEqualTo("Модерация");
        assertThat(items.stream().filter(i -> i.number().equals(late.number())).findFirst().orElseThrow().overdue())
                .isFalse();
        assertThat(queue(TOMSK, author)).isEmpty();

        // published: no longer waiting for the moderator
        act(TOMSK, early.number(), "publish", ActionInput.none(), moderator);
        assertThat(queue(TOMSK, moderator)).doesNotContain(early.number()).contains(late.number());
    }

    @Test
    void executorsSeeOnlyTheirOrganisationsMessages() {
        Actor author = account(ZARECHNY, "queue-z-author", null);
        Actor moderator = account(ZARECHNY, "queue-z-mod", null, Role.MODERATOR);
        Actor roads = account(ZARECHNY, "queue-z-roads", "adm-infra", Role.EXECUTOR);
        Actor electricity = account(ZARECHNY, "queue-z-light", "gorelektroset", Role.EXECUTOR);
        Receipt pothole = submit(ZARECHNY, author, "Яма " + marker, "potholes", place(53.2, 45.17, "ул. 3"),
                java.time.Instant.now().minusSeconds(3600), false, List.of());
        assertThat(queue(ZARECHNY, roads)).doesNotContain(pothole.number()); // still with the moderator
        assertThat(queue(ZARECHNY, moderator)).contains(pothole.number());

        act(ZARECHNY, pothole.number(), "register", ActionInput.none(), moderator);

        assertThat(queue(ZARECHNY, roads)).contains(pothole.number());
        assertThat(queue(ZARECHNY, electricity)).doesNotContain(pothole.number());
        // another tenant's staff never see it
        Actor tomskModerator = account(TOMSK, "queue-t-mod", null, Role.MODERATOR);
        assertThat(queue(TOMSK, tomskModerator)).doesNotContain(pothole.number());
    }
}
