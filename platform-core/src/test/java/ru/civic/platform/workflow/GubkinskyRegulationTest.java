package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Gubkinsky «Предлагай» (3.8–3.9): an idea is published or refused for one of the eight reasons with a reasoned
 * reply; the author may be blocked, which announces {@link AuthorBlocked} for the points ledger.
 */
@SpringBootTest
@org.springframework.test.context.event.RecordApplicationEvents
class GubkinskyRegulationTest extends LifecycleTestSupport {

    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");

    /** Records events as the points ledger will receive them. */
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    @Test
    void refusalNeedsOneOfTheEightReasonsAndAReasonedReply() {
        Actor author = account(GUBKINSKY, "gub-author", null);
        Actor moderator = account(GUBKINSKY, "gub-moderator", null, Role.MODERATOR);
        Receipt receipt = submit(GUBKINSKY, author, "Предлагаю сделать каток во дворе дома 5", "yards",
                place(64.43, 76.5, "мкр. 5, д. 5"), null, false, List.of());

        assertThatThrownBy(() -> act(GUBKINSKY, receipt.number(), "refuse",
                ActionInput.builder().reason("no-such-reason").build(), moderator))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code())
                        .containsExactlyInAnyOrder("comment:workflow.field.required", "reason:workflow.reason.unknown"));

        act(GUBKINSKY, receipt.number(), "refuse", ActionInput.builder().reason("already-implemented")
                .comment("Каток во дворе дома 5 заливается с 2024 года").build(), moderator);
        MessageView forAuthor = view(GUBKINSKY, receipt.number(), author);
        assertThat(forAuthor.status()).isEqualTo(StageStatus.REFUSED);
        assertThat(forAuthor.timeline().getLast().comment()).isEqualTo("Каток во дворе дома 5 заливается с 2024 года");
        assertThat(inbox(GUBKINSKY, author)).anySatisfy(n -> assertThat(n.body()).contains("с 2024 года"));
    }

    @Test
    void blockedAuthorCannotSendAnotherIdeaAndTheLedgerIsTold() {
        Actor author = account(GUBKINSKY, "gub-troll", null);
        Actor moderator = account(GUBKINSKY, "gub-mod2", null, Role.MODERATOR);
        Receipt receipt = submit(GUBKINSKY, author, "Реклама: лучшие окна в городе, звоните", "yards", null, null,
                false, List.of());

        act(GUBKINSKY, receipt.number(), "block-author", ActionInput.builder().reason("advertising")
                .comment("Повторная реклама").build(), moderator);

        assertThat(TenantContext.callAs(GUBKINSKY, () -> accounts.find(author.accountId()).orElseThrow().isBlocked()))
                .isTrue();
        assertThat(events.stream(AuthorBlocked.class)).singleElement().satisfies(e -> {
            assertThat(e.accountId()).isEqualTo(author.accountId());
            assertThat(e.tenantId()).isEqualTo("gubkinsky");
            assertThat(e.reason()).isEqualTo("advertising");
        });
        assertThatThrownBy(() -> submit(GUBKINSKY, author, "Ещё одна идея", "yards", null, null, false, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).containsExactly("message.author.blocked"));
    }
}
