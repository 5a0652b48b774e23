package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.MessageLinks;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.Supporter;
import ru.civic.platform.message.Supports;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Tomsk 4.4: a repeat of an earlier message still in work is removed with a notice to its author; its supporters and
 * its author count for the earlier message, each once. Related messages can instead be linked while both stay.
 */
@SpringBootTest
class DuplicateMergeTest extends LifecycleTestSupport {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId VOLGOGRAD = TenantId.of("volgograd");

    @Autowired
    Supports supports;
    @Autowired
    MessageLinks links;

    private Receipt pothole(Actor author, String words) {
        return submit(TOMSK, author, "Яма на перекрёстке " + words + " " + marker, "potholes",
                place(56.47, 84.95, "пр. Ленина, 1"), null, false, List.of());
    }

    private int supportCount(String number) {
        return TenantContext.callAs(TOMSK, () -> jdbc.sql("select support_count from message where number = ?")
                .param(number).query(Integer.class).single());
    }

    @Test
    void mergingARepeatRemovesItNotifiesItsAuthorAndCountsItsSupportersOnceForTheEarlierMessage() {
        Actor first = account(TOMSK, "merge-first", null);
        Actor second = account(TOMSK, "merge-second", null);
        Actor moderator = account(TOMSK, "merge-mod", null, Role.MODERATOR);
        Receipt original = pothole(first, "Ленина и Гагарина");
        Receipt repeat = pothole(second, "Ленина и Гагарина, опять");
        act(TOMSK, original.number(), "publish", ActionInput.none(), moderator);
        UUID bothSupport = UUID.randomUUID();
        UUID onlyRepeat = UUID.randomUUID();
        TenantContext.runAs(TOMSK, () -> {
            supports.support(original.number(), Supporter.guest(bothSupport));
            jdbc.sql("insert into message_support (message_id, supporter, guest) values (?, ?, true), (?, ?, true)")
                    .params(repeat.id(), "guest:" + bothSupport, repeat.id(), "guest:" + onlyRepeat).update();
        });

        TransitionOutcome outcome = act(TOMSK, repeat.number(), "merge-duplicate",
                ActionInput.builder().duplicateOf(original.number()).build(), moderator);

        assertThat(outcome.status()).isEqualTo(StageStatus.REFUSED);
        assertThat(view(TOMSK, repeat.number(), moderator).published()).isFalse();
        // The earlier message: its own guest, the repeat's other guest and the repeat's author; the shared guest once.
        assertThat(supportCount(original.number())).isEqualTo(3);
        assertThat(inbox(TOMSK, second)).anySatisfy(n -> assertThat(n.subject())
                .contains(repeat.number()).contains(original.number()));
        assertThat(view(TOMSK, repeat.number(), moderator).timeline()).last()
                .satisfies(t -> assertThat(t.title()).isEqualTo("Объединить с более ранним сообщением"));
    }

    @Test
    void refusesToMergeIntoALaterAnUnknownOrTheSameMessage() {
        Actor author = account(TOMSK, "merge-author", null);
        Actor moderator = account(TOMSK, "merge-mod2", null, Role.MODERATOR);
        Receipt earlier = pothole(author, "Кирова");
        Receipt later = pothole(author, "Кирова, снова");

        assertThatThrownBy(() -> act(TOMSK, earlier.number(), "merge-duplicate",
                ActionInput.builder().duplicateOf(later.number()).build(), moderator))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("duplicateOf");
                            assertThat(p.code()).isEqualTo("workflow.duplicate.later");
                        }));
        assertThatThrownBy(() -> act(TOMSK, later.number(), "merge-duplicate",
                ActionInput.builder().duplicateOf("T-0000-NONE").build(), moderator))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).containsExactly("workflow.duplicate.unknown"));
        assertThatThrownBy(() -> act(TOMSK, later.number(), "merge-duplicate",
                ActionInput.builder().duplicateOf(later.number()).build(), moderator))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).containsExactly("workflow.duplicate.self"));
        assertThatThrownBy(() -> act(TOMSK, later.number(), "merge-duplicate", ActionInput.none(), moderator))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("duplicateOf"));
        assertThat(view(TOMSK, later.number(), moderator).status()).isEqualTo(StageStatus.MODERATION);
    }

    @Test
    @WithMockUser(roles = "MODERATOR")
    void linkedMessagesShowOnBothCardsAndOnlyWithinTheTenant() {
        Actor author = account(TOMSK, "link-author", null);
        Actor moderator = account(TOMSK, "link-mod", null, Role.MODERATOR);
        Actor volgogradAuthor = account(VOLGOGRAD, "link-volgograd", null);
        Receipt one = pothole(author, "Советская");
        Receipt two = pothole(author, "Советская, с другой стороны");
        String foreign = submit(VOLGOGRAD, volgogradAuthor, "Яма " + marker, "potholes",
                place(48.7, 44.5, "ул. Мира, 1"), java.time.Instant.now().minusSeconds(3600), true, List.of()).number();

        TenantContext.runAs(TOMSK, () -> links.link(one.number(), two.number(), moderator));
        TenantContext.runAs(TOMSK, () -> links.link(two.number(), one.number(), moderator)); // the same link

        assertThat(TenantContext.callAs(TOMSK, () -> links.linked(one.number())))
                .extracting(MessageLinks.LinkedMessage::number).containsExactly(two.number());
        assertThat(TenantContext.callAs(TOMSK, () -> links.linked(two.number())))
                .extracting(MessageLinks.LinkedMessage::number).containsExactly(one.number());
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> links.link(one.number(), foreign, moderator)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).containsExactly("message.link.unknown"));

        TenantContext.runAs(TOMSK, () -> links.unlink(two.number(), one.number()));
        assertThat(TenantContext.callAs(TOMSK, () -> links.linked(one.number()))).isEmpty();
    }
}
