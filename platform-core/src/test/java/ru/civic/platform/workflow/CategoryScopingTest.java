package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import ru.civic.platform.account.StaffAccounts;
import ru.civic.platform.account.StaffDraft;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Officials bound to categories (Zarechny appendix 2): a moderator who handles roads sees and works road messages
 * (subcategories included) and nothing else, on the server as in the queue; one with no categories handles all.
 */
@SpringBootTest
@WithMockUser(roles = "OPERATOR") // the operator creates the officials; the workflow itself checks the Actor
class CategoryScopingTest extends LifecycleTestSupport {

    private static final TenantId TOMSK = TenantId.of("tomsk");

    @Autowired
    StaffAccounts staff;

    private Actor official(String name, Role role, Set<String> categories) {
        return TenantContext.callAs(TOMSK, () -> Actors.of(staff.create(new StaffDraft(name + "-" + marker,
                name + " " + marker, null, "long-enough-1", Set.of(role), null, categories))));
    }

    private List<String> queue(Actor actor) {
        return TenantContext.callAs(TOMSK, () -> workflow.queue(actor)).stream().map(QueueItem::number).toList();
    }

    @Test
    void aModeratorOfRoadsSeesAndActsOnRoadMessagesOnly() {
        Actor author = account(TOMSK, "cat-author", null);
        Actor roads = official("cat-roads", Role.MODERATOR, Set.of("roads"));
        Actor everything = official("cat-all", Role.MODERATOR, Set.of());
        Receipt pothole = submit(TOMSK, author, "Яма " + marker, "potholes", place(56.5, 84.9, "ул. 1"), null,
                false, List.of());
        Receipt snow = submit(TOMSK, author, "Снег во дворе " + marker, "snow-yards", place(56.5, 84.9, "ул. 2"),
                null, false, List.of());

        assertThat(queue(roads)).contains(pothole.number()).doesNotContain(snow.number());
        assertThat(queue(everything)).contains(pothole.number(), snow.number());
        assertThat(TenantContext.callAs(TOMSK, () -> workflow.availableActions(snow.number(), roads))).isEmpty();

        assertThatThrownBy(() -> act(TOMSK, snow.number(), "publish", ActionInput.none(), roads))
                .isInstanceOfSatisfying(ActionDeniedException.class,
                        e -> assertThat(e.why()).isEqualTo(ActionDeniedException.Why.OTHER_CATEGORY));
        assertThat(view(TOMSK, snow.number(), everything).published()).isFalse();

        act(TOMSK, pothole.number(), "publish", ActionInput.none(), roads);
        assertThat(view(TOMSK, pothole.number(), author).published()).isTrue();
        act(TOMSK, snow.number(), "publish", ActionInput.none(), everything);
        assertThat(view(TOMSK, snow.number(), author).published()).isTrue();
    }
}
