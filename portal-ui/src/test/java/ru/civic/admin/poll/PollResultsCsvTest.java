package ru.civic.admin.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.poll.Poll;
import ru.civic.platform.poll.PollDraft;
import ru.civic.platform.poll.PollDraft.QuestionDraft;
import ru.civic.platform.poll.PollKind;
import ru.civic.platform.poll.Polls;
import ru.civic.platform.poll.Voter;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/** The results CSV a moderator downloads from the polls desk carries the votes cast, answer by answer. */
@SpringBootTest
class PollResultsCsvTest extends SpringBrowserlessTest {

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

    @Test
    void theResultsCsvDownloadedFromTheDeskCarriesTheVotes() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Volgograd"));
        TestSignIn.as("volgograd", "OPERATOR");
        UUID id = TenantContext.callAs(VOLGOGRAD, () -> {
            UUID created = polls.create(new PollDraft(PollKind.ORDINARY, "Парковка " + marker, "",
                    List.of(QuestionDraft.single("Нужна ли парковка у школы " + marker + "?", "Да", "Нет")),
                    today, today.plusDays(14), List.of()));
            polls.submit(created);
            polls.approve(created);
            return created;
        });
        Poll poll = TenantContext.callAs(VOLGOGRAD, () -> polls.published(id));
        Poll.Question question = poll.questions().getFirst();
        UUID yes = question.options().getFirst().id();
        UUID no = question.options().get(1).id();
        TenantContext.runAs(VOLGOGRAD, () -> {
            polls.vote(id, Voter.account(UUID.randomUUID()), Map.of(question.id(), Set.of(yes)), null);
            polls.vote(id, Voter.account(UUID.randomUUID()), Map.of(question.id(), Set.of(yes)), null);
            polls.vote(id, Voter.account(UUID.randomUUID()), Map.of(question.id(), Set.of(no)), null);
        });

        Account moderator = TenantContext.callAs(VOLGOGRAD, () -> accounts.create("csv-moderator-" + marker, "x",
                "Модератор " + marker, null, Set.of(Role.MODERATOR), null));
        TestSignIn.asUser("volgograd", moderator.getUsername(), moderator.getDisplayName(), "MODERATOR");
        cleanVaadinEnvironment();
        PollsView desk = TenantContext.callAs(VOLGOGRAD, () -> {
            initVaadinEnvironment();
            return navigate("admin/polls", PollsView.class);
        });
        Poll row = desk.grid().getGenericDataView().getItems().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow();
        TenantContext.runAs(VOLGOGRAD, () -> desk.grid().asSingleSelect().setValue(row));

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        TenantContext.runAs(VOLGOGRAD,
                () -> test($(Anchor.class).withClassName("civic-polls-csv").single()).download(csv));

        assertThat(csv.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "\uFEFFquestion;answer;signed_in;guests;total",
                "\"Нужна ли парковка у школы " + marker + "?\";\"Да\";2;0;2",
                "\"Нужна ли парковка у школы " + marker + "?\";\"Нет\";1;0;1",
                "\"votes\";;3;0;3");
    }
}
