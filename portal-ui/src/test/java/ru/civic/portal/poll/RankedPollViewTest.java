package ru.civic.portal.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.poll.Poll;
import ru.civic.platform.poll.PollDraft;
import ru.civic.platform.poll.PollDraft.QuestionDraft;
import ru.civic.platform.poll.PollKind;
import ru.civic.platform.poll.Polls;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/**
 * A ranked vote on the portal (Tynda 2.1, local project selection): a resident gives each project a place, two
 * projects at one place are refused at the question with every place kept, the ballot is recorded with its places,
 * and after the close everyone sees the Borda scores best first.
 */
@SpringBootTest
class RankedPollViewTest extends SpringBrowserlessTest {

    private static final TenantId TYNDA = TenantId.of("tynda");

    @Autowired
    Polls polls;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private UUID openRankedPoll() {
        TestSignIn.as(TYNDA.value(), "OPERATOR");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Yakutsk"));
        UUID id = TenantContext.callAs(TYNDA, () -> {
            UUID created = polls.create(new PollDraft(PollKind.RANKED, "Проекты " + marker, "Местные инициативы",
                    List.of(new QuestionDraft("Что сделать в первую очередь?",
                            List.of("Сквер у школы", "Каток", "Освещение улицы"), 2, 3)),
                    today, today.plusDays(6), List.of()));
            polls.submit(created);
            polls.approve(created);
            return created;
        });
        TestSignIn.out();
        return id;
    }

    private Component open(String location) {
        cleanVaadinEnvironment();
        return TenantContext.callAs(TYNDA, () -> {
            initVaadinEnvironment();
            return navigate(location, Component.class);
        });
    }

    @Test
    void aResidentRanksThreeProjectsAndEveryoneSeesTheScoresAfterTheClose() {
        UUID id = openRankedPoll();
        Poll poll = TenantContext.callAs(TYNDA, () -> polls.published(id));
        Account resident = TenantContext.callAs(TYNDA, () -> accounts.create("ranker-" + marker, "x",
                "Житель " + marker, null, Set.of(Role.CITIZEN), null));
        TestSignIn.asUser(TYNDA.value(), resident.getUsername(), resident.getDisplayName(), Role.CITIZEN.name());

        PollView view = (PollView) open("polls/" + id);
        RankingField ranking = view.rankings().get(poll.questions().getFirst().id());
        Map<Poll.Option, Select<Integer>> places = ranking.places();
        assertThat(places.values()).extracting(Select::getLabel)
                .containsExactly("Сквер у школы", "Каток", "Освещение улицы"); // read out with each place
        List<Poll.Option> options = poll.questions().getFirst().options();
        TenantContext.runAs(TYNDA, () -> {
            test(places.get(options.get(0))).selectItem("1-е место");
            test(places.get(options.get(1))).selectItem("1-е место");
            test(places.get(options.get(2))).selectItem("2-е место");
            test(view.voteButton()).click();
        });
        assertThat(ranking.isInvalid()).isTrue();
        assertThat(ranking.getErrorMessage()).isEqualTo("На 1-м месте может быть только один проект.");
        assertThat(places.get(options.get(1)).getValue()).isEqualTo(1); // nothing chosen is lost
        assertThat(TenantContext.callAs(TYNDA, () -> polls.published(id)).votes()).isZero();

        TenantContext.runAs(TYNDA, () -> {
            test(places.get(options.get(0))).selectItem("2-е место");
            test(places.get(options.get(2))).selectItem("3-е место");
            test(view.voteButton()).click();
        });
        assertThat(ranking.isInvalid()).isFalse();
        assertThat(view.outcome().getText()).isEqualTo("Спасибо, ваш голос учтён.");
        assertThat(view.voteButton().isEnabled()).isFalse();
        assertThat(TenantContext.callAs(TYNDA, () -> jdbc.sql("""
                select o.text from poll_answer a join poll_option o on o.id = a.option_id
                where a.poll_id = ? and a.voter = ? order by a.rank""")
                .params(id, "account:" + resident.getId()).query(String.class).list()))
                .containsExactly("Каток", "Сквер у школы", "Освещение улицы");

        // The voting period ends (moved into the past rather than waiting a week); Tynda sets no results deadline,
        // so the results are public at the close.
        Instant now = Instant.now();
        TenantContext.runAs(TYNDA, () -> jdbc.sql("update poll set starts_at = ?, ends_at = ? where id = ?")
                .params(now.minus(Duration.ofDays(7)).atOffset(ZoneOffset.UTC),
                        now.minus(Duration.ofMinutes(1)).atOffset(ZoneOffset.UTC), id)
                .update());
        TestSignIn.out();
        Component closed = open("polls/" + id);
        String page = closed.getElement().getOuterHTML();
        assertThat(page).contains("методу Борда");
        assertThat(page).containsSubsequence(
                "1. Каток — баллов: 3 (на 1-м месте — 1, всего поставили на место — 1)",
                "2. Сквер у школы — баллов: 2",
                "3. Освещение улицы — баллов: 1");
    }
}
