package ru.civic.platform.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.poll.PollDraft.QuestionDraft;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.testsupport.TestClock;

/**
 * Ranked rating votes (Tomsk 1.1 "rank or choose among projects", Tynda 2.1): a ballot gives places 1..k to distinct
 * projects of the question, each mistake refused at the question with its own code; results by the Borda count summed
 * in the database; still one vote per person per poll.
 */
@SpringBootTest
@WithMockUser(roles = "OPERATOR")
class RankedVotesTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId ZARECHNY = TenantId.of("zarechny");
    private static final ZoneId TOMSK_ZONE = ZoneId.of("Asia/Tomsk");
    /** A Wednesday of an ordinary working week, no holidays near. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2027, 9, 15);

    @Autowired
    Polls polls;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(LocalDate day) {
        clock.set(LocalDateTime.of(day, LocalTime.NOON).atZone(TOMSK_ZONE));
    }

    private static QuestionDraft projects(int min, int max) {
        return new QuestionDraft("Какие проекты реализовать первыми?",
                List.of("Сквер у школы", "Спортплощадка", "Освещение набережной", "Детский городок"), min, max);
    }

    /** A ranked vote of Tomsk, approved and open from today. */
    private Poll openRanked(LocalDate start, int min, int max) {
        at(start.minusDays(1));
        UUID id = TenantContext.callAs(TOMSK, () -> {
            UUID created = polls.create(new PollDraft(PollKind.RANKED, "Проекты двора", "Расставьте проекты по местам",
                    List.of(projects(min, max)), start, start.plusDays(9), List.of()));
            polls.submit(created);
            polls.approve(created);
            return created;
        });
        at(start);
        Poll poll = TenantContext.callAs(TOMSK, () -> polls.published(id));
        assertThat(poll.kind()).isEqualTo(PollKind.RANKED);
        assertThat(poll.status()).isEqualTo(PollStatus.OPEN);
        return poll;
    }

    private static Map<UUID, List<RankedChoice>> ballot(Poll poll, int... placesOfOptions) {
        Poll.Question q = poll.questions().getFirst();
        List<RankedChoice> places = new ArrayList<>();
        for (int i = 0; i < placesOfOptions.length; i++) {
            if (placesOfOptions[i] > 0) {
                places.add(new RankedChoice(q.options().get(i).id(), placesOfOptions[i]));
            }
        }
        return Map.of(q.id(), places);
    }

    private static List<String> codes(Throwable e) {
        return ((InvalidInputException) e).problems().stream().map(p -> p.field() + " " + p.code()).toList();
    }

    private void refused(Poll poll, Map<UUID, List<RankedChoice>> ballot, FieldProblem expected) {
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> polls.rank(poll.id(),
                Voter.account(UUID.randomUUID()), ballot, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsExactly(expected));
    }

    @Test
    void aBallotWithASkippedPlaceARepeatedProjectOrTwoProjectsAtOnePlaceIsRefusedAtTheQuestion() {
        Poll poll = openRanked(WEDNESDAY.plusDays(1), 2, 4);
        Poll.Question q = poll.questions().getFirst();
        UUID school = q.options().get(0).id();
        UUID sport = q.options().get(1).id();

        refused(poll, ballot(poll, 1, 3), FieldProblem.of("questions[0]", "poll.vote.rank.gap", 2));
        refused(poll, ballot(poll, 2, 3, 4), FieldProblem.of("questions[0]", "poll.vote.rank.gap", 1));
        refused(poll, Map.of(q.id(), List.of(new RankedChoice(school, 1), new RankedChoice(school, 2))),
                FieldProblem.of("questions[0]", "poll.vote.rank.repeatedOption"));
        refused(poll, ballot(poll, 1, 1), FieldProblem.of("questions[0]", "poll.vote.rank.repeatedPlace", 1));
        refused(poll, Map.of(q.id(), List.of(new RankedChoice(sport, 1), new RankedChoice(school, 0))),
                FieldProblem.of("questions[0]", "poll.vote.rank.invalid"));
        refused(poll, Map.of(q.id(), List.of(new RankedChoice(school, 1), new RankedChoice(UUID.randomUUID(), 2))),
                FieldProblem.of("questions[0]", "poll.vote.unknownOption"));
        refused(poll, ballot(poll, 1), FieldProblem.of("questions[0]", "poll.vote.rank.tooFew", 2));
        refused(poll, Map.of(), FieldProblem.of("questions[0]", "poll.vote.rank.tooFew", 2));
        // A ranked vote takes places, not a set of choices.
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> polls.vote(poll.id(),
                Voter.account(UUID.randomUUID()), Map.of(q.id(), Set.of(school, sport)), null)))
                .satisfies(e -> assertThat(codes(e)).containsExactly("poll poll.vote.rankingRequired"));
        assertThat(TenantContext.callAs(TOMSK, () -> polls.published(poll.id())).votes()).isZero();
        assertThat(TenantContext.callAs(TOMSK, () -> jdbc.sql("select count(*) from poll_answer where poll_id = ?")
                .param(poll.id()).query(Integer.class).single())).isZero();
    }

    @Test
    void anOrdinaryPollTakesNoPlacesAndARankedOneHasOneQuestionWithinTheTenantsRules() {
        at(WEDNESDAY);
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> polls.create(new PollDraft(PollKind.RANKED,
                "Два списка", "", List.of(projects(1, 4), projects(1, 4)), WEDNESDAY.plusDays(1),
                WEDNESDAY.plusDays(5), List.of()))))
                .satisfies(e -> assertThat(codes(e)).containsExactly("questions poll.ranked.oneQuestion"));
        // Zarechny takes a single answer per question: ordering several projects is choosing several.
        at(WEDNESDAY);
        assertThatThrownBy(() -> TenantContext.runAs(ZARECHNY, () -> polls.create(new PollDraft(PollKind.RANKED,
                "Проекты", "", List.of(projects(1, 4)), WEDNESDAY.plusDays(1), WEDNESDAY.plusDays(5), List.of()))))
                .satisfies(e -> assertThat(codes(e)).containsExactly("questions[0].choices poll.question.multipleNotAllowed"));

        LocalDate start = WEDNESDAY.plusDays(2);
        at(start.minusDays(1));
        UUID ordinary = TenantContext.callAs(TOMSK, () -> {
            UUID created = polls.create(new PollDraft(PollKind.ORDINARY, "Цвет", "",
                    List.of(QuestionDraft.single("Цвет скамеек?", "Зелёный", "Синий")), start, start.plusDays(5),
                    List.of()));
            polls.submit(created);
            polls.approve(created);
            return created;
        });
        at(start);
        Poll poll = TenantContext.callAs(TOMSK, () -> polls.published(ordinary));
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> polls.rank(ordinary,
                Voter.account(UUID.randomUUID()), ballot(poll, 1, 2), null)))
                .satisfies(e -> assertThat(codes(e)).containsExactly("poll poll.vote.notRanked"));
    }

    @Test
    void projectsAreCountedByTheBordaCountBestFirst() {
        Poll poll = openRanked(WEDNESDAY.plusDays(3), 2, 4);
        String address = "198.51.100." + (int) (Math.random() * 250);
        TenantContext.runAs(TOMSK, () -> {
            // Of 4 projects: 1st place scores 4, 2nd 3, 3rd 2, 4th 1, no place 0.
            polls.rank(poll.id(), Voter.account(UUID.randomUUID()), ballot(poll, 1, 2, 3, 4), null); // 4 3 2 1
            polls.rank(poll.id(), Voter.account(UUID.randomUUID()), ballot(poll, 2, 1, 3, 0), null); // 3 4 2 0
            polls.rank(poll.id(), Voter.account(UUID.randomUUID()), ballot(poll, 0, 2, 1, 0), null); // 0 3 4 0
            polls.rank(poll.id(), Voter.guest(UUID.randomUUID()), ballot(poll, 0, 1, 0, 2), address); // 0 4 0 3
        });

        PollResults results = TenantContext.callAs(TOMSK, () -> polls.results(poll.id()));
        assertThat(results.kind()).isEqualTo(PollKind.RANKED);
        assertThat(results.votes()).isEqualTo(4);
        assertThat(results.guestVotes()).isEqualTo(1);
        List<PollResults.OptionResult> options = results.questions().getFirst().options();
        assertThat(options).extracting(PollResults.OptionResult::text)
                .containsExactly("Спортплощадка", "Освещение набережной", "Сквер у школы", "Детский городок");
        assertThat(options).extracting(PollResults.OptionResult::score).containsExactly(14, 8, 7, 4);
        assertThat(options).extracting(PollResults.OptionResult::firsts).containsExactly(2, 1, 1, 0);
        assertThat(options).extracting(PollResults.OptionResult::total).containsExactly(4, 3, 2, 2);
        assertThat(options.getFirst().signedIn()).isEqualTo(3);
        assertThat(options.getFirst().guests()).isEqualTo(1);
    }

    @Test
    void onePersonRanksOnceHoweverParallelAndTheDatabaseKeepsOneProjectPerPlace() throws Exception {
        Poll poll = openRanked(WEDNESDAY.plusDays(4), 1, 4);
        Voter voter = Voter.account(UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    TenantContext.runAs(TOMSK, () -> polls.rank(poll.id(), voter, ballot(poll, 3, 1, 2, 0), null));
                    return "voted";
                } catch (InvalidInputException e) {
                    return e.problems().getFirst().code();
                }
            }));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).filteredOn("voted"::equals).hasSize(1);
        assertThat(results).filteredOn("poll.vote.already"::equals).hasSize(19);
        assertThat(TenantContext.callAs(TOMSK, () -> jdbc.sql(
                "select rank from poll_answer where poll_id = ? and voter = ? order by rank")
                .params(poll.id(), voter.key()).query(Integer.class).list())).containsExactly(1, 2, 3);
        assertThat(TenantContext.callAs(TOMSK, () -> polls.published(poll.id())).votes()).isEqualTo(1);

        // Even a statement that skips the service cannot put a second project at a voter's place.
        UUID fourth = poll.questions().getFirst().options().get(3).id();
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> jdbc.sql(
                "insert into poll_answer (poll_id, voter, option_id, guest, rank) values (?, ?, ?, false, 1)")
                .params(poll.id(), voter.key(), fourth).update()))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
