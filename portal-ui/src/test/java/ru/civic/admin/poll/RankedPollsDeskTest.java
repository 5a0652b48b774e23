package ru.civic.admin.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.poll.Poll;
import ru.civic.platform.poll.PollKind;
import ru.civic.platform.poll.PollResults;
import ru.civic.platform.poll.PollStatus;
import ru.civic.platform.poll.Polls;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/** The back office creates a ranked vote by choosing its kind; its results export carries the Borda scores. */
@SpringBootTest
class RankedPollsDeskTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");

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
    void anOperatorChoosesARankedVoteWhenCreatingAPoll() {
        Account me = TenantContext.callAs(TOMSK, () -> accounts.create("r-operator-" + marker, "x",
                "Оператор " + marker, null, Set.of(Role.OPERATOR), null));
        TestSignIn.asUser("tomsk", me.getUsername(), me.getDisplayName(), Role.OPERATOR.name());
        cleanVaadinEnvironment();
        PollsView desk = TenantContext.callAs(TOMSK, () -> {
            initVaadinEnvironment();
            return navigate("admin/polls", PollsView.class);
        });
        LocalDate start = LocalDate.now(ZoneId.of("Asia/Tomsk")).plusDays(2);
        TenantContext.runAs(TOMSK, () -> {
            test(desk.kind()).selectItem("Голосование с расстановкой мест");
            test(desk.titleField()).setValue("Проекты " + marker);
            desk.startsOn().setValue(start);
            desk.endsOn().setValue(start.plusDays(9));
            PollsView.QuestionEditor q = desk.questionEditors().getFirst();
            test(q.text).setValue("Расставьте проекты");
            test(q.options).setValue("Сквер\nКаток\nФонари");
            test(q.min).setValue(2);
            test(q.max).setValue(3);
            test(desk.saveButton()).click();
        });
        Poll saved = desk.grid().getGenericDataView().getItems().filter(p -> p.title().equals("Проекты " + marker))
                .findFirst().orElseThrow();
        Poll poll = TenantContext.callAs(TOMSK, () -> polls.find(saved.id()));
        assertThat(poll.kind()).isEqualTo(PollKind.RANKED);
        assertThat(poll.status()).isEqualTo(PollStatus.DRAFT);
        assertThat(poll.questions().getFirst().maxChoices()).isEqualTo(3);
    }

    @Test
    void theResultsExportOfARankedVoteCarriesTheScores() {
        PollResults results = new PollResults(UUID.randomUUID(), "Проекты", PollKind.RANKED, 3, 1, null, true,
                List.of(new PollResults.QuestionResult(UUID.randomUUID(), "Что первым?", List.of(
                        new PollResults.OptionResult(UUID.randomUUID(), "Каток", 2, 1, 8, 2),
                        new PollResults.OptionResult(UUID.randomUUID(), "Сквер", 2, 0, 4, 1)))));
        String csv = new String(PollsView.csv(results), StandardCharsets.UTF_8);
        assertThat(csv.lines()).containsExactly(
                "\uFEFFquestion;answer;signed_in;guests;total;borda_score;first_places",
                "\"Что первым?\";\"Каток\";2;1;3;8;2",
                "\"Что первым?\";\"Сквер\";2;0;2;4;1",
                "\"votes\";;2;1;3");
    }
}
