package ru.civic.platform.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.poll.PollDraft.QuestionDraft;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.testsupport.TestClock;

/** Polls by the tenants' own rules (Tomsk 2.5, Volgograd 9, Gubkinsky 3.10–3.13), on the real database. */
@SpringBootTest
@RecordApplicationEvents
class PollsTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");
    private static final TenantId VOLGOGRAD = TenantId.of("volgograd");
    private static final TenantId ZARECHNY = TenantId.of("zarechny");
    /** A Wednesday of an ordinary working week, no holidays near. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2027, 4, 14);

    @Autowired
    Polls polls;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(LocalDate day, TenantId tenant) {
        clock.set(LocalDateTime.of(day, java.time.LocalTime.NOON).atZone(zoneOf(tenant)));
    }

    private static ZoneId zoneOf(TenantId tenant) {
        return switch (tenant.value()) {
            case "tomsk" -> ZoneId.of("Asia/Tomsk");
            case "gubkinsky" -> ZoneId.of("Asia/Yekaterinburg");
            case "volgograd" -> ZoneId.of("Europe/Volgograd");
            default -> ZoneId.of("Europe/Moscow");
        };
    }

    private static PollDraft draft(LocalDate start, LocalDate end, QuestionDraft... questions) {
        return new PollDraft(PollKind.ORDINARY, "Благоустройство парка", "Что сделать в парке", List.of(questions),
                start, end, List.of());
    }

    private static QuestionDraft colour() {
        return QuestionDraft.single("Цвет скамеек?", "Зелёный", "Синий");
    }

    private static List<String> codes(Throwable e) {
        return ((InvalidInputException) e).problems().stream().map(p -> p.field() + " " + p.code()).toList();
    }

    /** Creates, submits and approves a poll as staff, then stands the clock on its first day. */
    private Poll openPoll(TenantId tenant, LocalDate start, LocalDate end, QuestionDraft... questions) {
        at(start.minusDays(1), tenant);
        UUID id = TenantContext.callAs(tenant, () -> {
            UUID created = polls.create(draft(start, end, questions));
            polls.submit(created);
            polls.approve(created);
            return created;
        });
        assertThat(TenantContext.callAs(tenant, () -> polls.find(id)).status()).isEqualTo(PollStatus.ANNOUNCED);
        at(start, tenant);
        Poll poll = TenantContext.callAs(tenant, () -> polls.published(id));
        assertThat(poll.status()).isEqualTo(PollStatus.OPEN);
        return poll;
    }

    private static Map<UUID, Set<UUID>> first(Poll poll) {
        Poll.Question q = poll.questions().getFirst();
        return Map.of(q.id(), Set.of(q.options().getFirst().id()));
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void gubkinskyPollsLastFourteenToFortyFiveDaysAndThreeWeeksUnlessSaid() {
        at(WEDNESDAY, GUBKINSKY);
        LocalDate start = WEDNESDAY.plusDays(5);
        assertThatThrownBy(() -> TenantContext.runAs(GUBKINSKY,
                () -> polls.create(draft(start, start.plusDays(12), colour()))))
                .satisfies(e -> assertThat(codes(e)).containsExactly("endsOn poll.duration.tooShort"))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().getFirst().args())
                        .containsExactly(14, 13L));
        assertThatThrownBy(() -> TenantContext.runAs(GUBKINSKY,
                () -> polls.create(draft(start, start.plusDays(45), colour()))))
                .satisfies(e -> assertThat(codes(e)).containsExactly("endsOn poll.duration.tooLong"));

        UUID byDefault = TenantContext.callAs(GUBKINSKY, () -> polls.create(draft(start, null, colour())));
        Poll poll = TenantContext.callAs(GUBKINSKY, () -> polls.find(byDefault));
        assertThat(poll.endsOn()).isEqualTo(start.plusDays(20)); // 21 days, both ends included
        assertThat(poll.status()).isEqualTo(PollStatus.DRAFT);
        assertThat(poll.quorum()).isEqualTo(300);
        assertThat(TenantContext.callAs(GUBKINSKY, () -> polls.recommendedEnd(start))).contains(start.plusDays(20));
        UUID shortest = TenantContext.callAs(GUBKINSKY, () -> polls.create(draft(start, start.plusDays(13), colour())));
        assertThat(TenantContext.callAs(GUBKINSKY, () -> polls.find(shortest)).endsOn()).isEqualTo(start.plusDays(13));
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void gubkinskyResultCountsOnlyFromThreeHundredVoters() {
        LocalDate start = WEDNESDAY.plusDays(10);
        Poll missed = openPoll(GUBKINSKY, start, null, colour());
        Poll reached = openPoll(GUBKINSKY, start, null, QuestionDraft.single("Где поставить?", "У входа", "У пруда"));
        TenantContext.runAs(GUBKINSKY, () -> {
            for (int i = 0; i < 299; i++) {
                polls.vote(missed.id(), Voter.account(UUID.randomUUID()), first(missed), null);
                polls.vote(reached.id(), Voter.account(UUID.randomUUID()), first(reached), null);
            }
            polls.vote(reached.id(), Voter.account(UUID.randomUUID()), first(reached), null);
        });

        at(start.plusDays(21), GUBKINSKY); // the day after the 21st and last day
        assertThat(TenantContext.callAs(GUBKINSKY, () -> polls.closeEnded())).isGreaterThanOrEqualTo(2);
        assertThat(TenantContext.callAs(GUBKINSKY, () -> polls.closeEnded())).isZero();
        assertThat(events.stream(PollClosed.class).filter(c -> c.pollId().equals(missed.id())))
                .singleElement().satisfies(c -> {
                    assertThat(c.votes()).isEqualTo(299);
                    assertThat(c.quorumReached()).isFalse();
                    assertThat(c.tenantId()).isEqualTo("gubkinsky");
                });
        assertThat(events.stream(PollClosed.class).filter(c -> c.pollId().equals(reached.id())))
                .singleElement().satisfies(c -> assertThat(c.quorumReached()).isTrue());

        PollResults result = TenantContext.callAs(GUBKINSKY, () -> polls.results(missed.id()));
        assertThat(result.quorumReached()).isFalse();
        assertThat(result.questions().getFirst().options().getFirst().signedIn()).isEqualTo(299);
        assertThat(TenantContext.callAs(GUBKINSKY, () -> polls.results(reached.id())).quorumReached()).isTrue();

        // Gubkinsky 3.13: results are due within 5 working days and public only once staff publish them.
        Poll closed = TenantContext.callAs(GUBKINSKY, () -> polls.find(reached.id()));
        assertThat(closed.status()).isEqualTo(PollStatus.CLOSED);
        assertThat(closed.resultsDueAt()).isNotNull();
        assertThat(closed.resultsPublic()).isFalse();
        assertThatThrownBy(() -> TenantContext.callAs(GUBKINSKY, () -> polls.publicResults(reached.id())))
                .isInstanceOf(PollNotFoundException.class);
        TenantContext.runAs(GUBKINSKY, () -> polls.publishResults(reached.id()));
        assertThat(TenantContext.callAs(GUBKINSKY, () -> polls.publicResults(reached.id())).votes()).isEqualTo(300);
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void choicesOutsideAQuestionsLimitsAreRefusedAtThatQuestion() {
        LocalDate start = WEDNESDAY.plusDays(3);
        Poll poll = openPoll(TOMSK, start, start.plusDays(7),
                new QuestionDraft("Какие площадки нужны?", List.of("Детская", "Спортивная", "Для собак", "Сцена"), 2, 3),
                colour());
        Poll.Question many = poll.questions().get(0);
        Poll.Question one = poll.questions().get(1);
        List<UUID> ids = many.options().stream().map(Poll.Option::id).toList();
        Voter voter = Voter.account(UUID.randomUUID());

        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> polls.vote(poll.id(), voter,
                Map.of(many.id(), Set.of(ids.get(0)), one.id(), Set.copyOf(one.options().stream()
                        .map(Poll.Option::id).toList())), null)))
                .satisfies(e -> assertThat(codes(e)).containsExactly(
                        "questions[0] poll.vote.tooFew", "questions[1] poll.vote.tooMany"));
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> polls.vote(poll.id(), voter,
                Map.of(many.id(), Set.copyOf(ids), one.id(), Set.of(one.options().getFirst().id())), null)))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsExactly(FieldProblem.of("questions[0]", "poll.vote.tooMany", 3)));
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> polls.vote(poll.id(), voter,
                Map.of(many.id(), Set.of(ids.get(0), one.options().getFirst().id()),
                        one.id(), Set.of(one.options().getFirst().id())), null)))
                .satisfies(e -> assertThat(codes(e)).containsExactly("questions[0] poll.vote.unknownOption"));
        assertThat(TenantContext.callAs(TOMSK, () -> polls.hasVoted(poll.id(), voter))).isFalse();

        TenantContext.runAs(TOMSK, () -> polls.vote(poll.id(), voter,
                Map.of(many.id(), Set.of(ids.get(0), ids.get(2)), one.id(), Set.of(one.options().get(1).id())), null));
        PollResults results = TenantContext.callAs(TOMSK, () -> polls.results(poll.id()));
        assertThat(results.questions().get(0).options()).extracting(PollResults.OptionResult::total)
                .containsExactly(1, 0, 1, 0);
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void aTenantWithSingleAnswersRefusesAMultipleChoiceQuestion() {
        at(WEDNESDAY, ZARECHNY);
        assertThatThrownBy(() -> TenantContext.runAs(ZARECHNY, () -> polls.create(draft(WEDNESDAY.plusDays(1),
                WEDNESDAY.plusDays(8), new QuestionDraft("Что важнее?", List.of("А", "Б", "В"), 1, 2)))))
                .satisfies(e -> assertThat(codes(e)).containsExactly("questions[0].choices poll.question.multipleNotAllowed"));
        assertThatThrownBy(() -> TenantContext.runAs(ZARECHNY, () -> polls.create(new PollDraft(PollKind.RATING, " ",
                null, List.of(new QuestionDraft("", List.of("А"), 1, 1)), WEDNESDAY.minusDays(1), null, List.of("nowhere")))))
                .satisfies(e -> assertThat(codes(e)).containsExactlyInAnyOrder("title poll.title.required",
                        "questions[0].text poll.question.textRequired", "questions[0].options poll.question.tooFewOptions",
                        "districts poll.district.unknown", "startsOn poll.start.past", "endsOn poll.end.required"));
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void fiftyParallelVotesOfOnePersonMakeOneVote() throws Exception {
        LocalDate start = WEDNESDAY.plusDays(2);
        Poll poll = openPoll(TOMSK, start, start.plusDays(5), colour());
        Voter voter = Voter.account(UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    TenantContext.runAs(TOMSK, () -> polls.vote(poll.id(), voter, first(poll), null));
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
        assertThat(results).filteredOn("poll.vote.already"::equals).hasSize(49);
        assertThat(TenantContext.callAs(TOMSK, () -> jdbc.sql("select count(*) from poll_vote where poll_id = ?")
                .param(poll.id()).query(Integer.class).single())).isEqualTo(1);
        assertThat(TenantContext.callAs(TOMSK, () -> jdbc.sql("select count(*) from poll_answer where poll_id = ?")
                .param(poll.id()).query(Integer.class).single())).isEqualTo(1);
        assertThat(TenantContext.callAs(TOMSK, () -> polls.published(poll.id())).votes()).isEqualTo(1);
        assertThat(events.stream(PollVoted.class).filter(v -> v.pollId().equals(poll.id()))).singleElement()
                .satisfies(v -> assertThat(v.tenantId()).isEqualTo("tomsk"));
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void guestsVoteInTomskApartFromSignedInVotesAndAreThrottled() {
        LocalDate start = WEDNESDAY.plusDays(4);
        Poll poll = openPoll(TOMSK, start, start.plusDays(5), colour());
        String address = "203.0.113." + (int) (Math.random() * 250);
        TenantContext.runAs(TOMSK, () -> {
            polls.vote(poll.id(), Voter.account(UUID.randomUUID()), first(poll), address);
            polls.vote(poll.id(), Voter.guest(UUID.randomUUID()), first(poll), address);
        });
        PollResults results = TenantContext.callAs(TOMSK, () -> polls.results(poll.id()));
        assertThat(results.votes()).isEqualTo(2);
        assertThat(results.guestVotes()).isEqualTo(1);
        assertThat(results.questions().getFirst().options().getFirst())
                .satisfies(o -> {
                    assertThat(o.signedIn()).isEqualTo(1);
                    assertThat(o.guests()).isEqualTo(1);
                });
        // One address casting guest votes under ever new cookies is slowed down (30 an hour by default).
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            try {
                TenantContext.runAs(TOMSK, () -> polls.vote(poll.id(), Voter.guest(UUID.randomUUID()), first(poll),
                        address));
                outcomes.add("voted");
            } catch (InvalidInputException e) {
                outcomes.add(e.problems().getFirst().code());
            }
        }
        assertThat(outcomes).filteredOn("voted"::equals).hasSize(29);
        assertThat(outcomes).filteredOn("poll.vote.throttled"::equals).hasSize(6);
    }

    @Autowired
    ru.civic.platform.account.AccountService accounts;
    @Autowired
    ru.civic.platform.tenancy.TenantRegistry tenants;

    @Test
    @WithMockUser(roles = "OPERATOR")
    void aPollForADistrictIsVotedOnByItsResidentsOnly() {
        List<String> districts = tenants.getRequired(TOMSK).configuration().districts().stream()
                .map(ru.civic.platform.tenancy.TenantConfiguration.District::id).toList();
        String target = districts.getFirst();
        String elsewhere = districts.get(1);
        LocalDate start = WEDNESDAY.plusDays(8);
        at(start.minusDays(1), TOMSK);
        UUID id = TenantContext.callAs(TOMSK, () -> {
            UUID created = polls.create(new PollDraft(PollKind.ORDINARY, "Сквер у школы", "Какой сквер нужен",
                    List.of(colour()), start, start.plusDays(10), List.of(target)));
            polls.submit(created);
            polls.approve(created);
            return created;
        });
        at(start, TOMSK);
        Poll poll = TenantContext.callAs(TOMSK, () -> polls.published(id));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        java.util.function.Function<String, UUID> resident = district -> TenantContext.callAs(TOMSK, () -> {
            var account = accounts.create("resident-" + district + "-" + marker, "x", "Житель", null,
                    Set.of(ru.civic.platform.shared.Role.CITIZEN), null);
            if (district != null) {
                assertThat(accounts.updateDistrict(account.getId(), district)).isEmpty();
            }
            return account.getId();
        });
        UUID local = resident.apply(target);
        UUID neighbour = resident.apply(elsewhere);
        UUID unsaid = TenantContext.callAs(TOMSK, () -> accounts.create("resident-none-" + marker, "x", "Житель",
                null, Set.of(ru.civic.platform.shared.Role.CITIZEN), null).getId());

        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> polls.vote(id, Voter.guest(UUID.randomUUID()),
                first(poll), null))).satisfies(e -> assertThat(codes(e)).containsExactly("voter poll.vote.targetGroup.signIn"));
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> polls.vote(id, Voter.account(unsaid), first(poll),
                null))).satisfies(e -> assertThat(codes(e)).containsExactly("voter poll.vote.targetGroup.noDistrict"));
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> polls.vote(id, Voter.account(neighbour),
                first(poll), null))).satisfies(e -> assertThat(codes(e)).containsExactly("voter poll.vote.targetGroup.other"));
        TenantContext.runAs(TOMSK, () -> polls.vote(id, Voter.account(local), first(poll), null));
        assertThat(TenantContext.callAs(TOMSK, () -> polls.results(id)).votes()).isEqualTo(1);
        // A district the tenant does not have is refused at the profile's field.
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.updateDistrict(unsaid, "atlantis")))
                .extracting(ru.civic.platform.account.AccountService.ProfileProblem::field).containsExactly("district");
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void guestsCannotVoteInGubkinskyOrVolgograd() {
        LocalDate start = WEDNESDAY.plusDays(6);
        for (TenantId tenant : List.of(GUBKINSKY, VOLGOGRAD)) {
            Poll poll = openPoll(tenant, start, start.plusDays(20), colour());
            assertThatThrownBy(() -> TenantContext.runAs(tenant, () -> polls.vote(poll.id(),
                    Voter.guest(UUID.randomUUID()), first(poll), null)))
                    .satisfies(e -> assertThat(codes(e)).containsExactly("voter poll.vote.guestsNotAllowed"));
            assertThat(TenantContext.callAs(tenant, () -> polls.published(poll.id())).votes()).isZero();
        }
    }

    @Test
    void volgogradModeratesACitizensPollWithinTwoWorkingDaysAndShowsItOverdue() {
        at(WEDNESDAY, VOLGOGRAD);
        LocalDate start = WEDNESDAY.plusDays(14);
        UUID citizens = asRole("CITIZEN", () -> TenantContext.callAs(VOLGOGRAD,
                () -> polls.propose(draft(start, start.plusDays(10), colour()), false)));
        UUID business = asRole("CITIZEN", () -> TenantContext.callAs(VOLGOGRAD,
                () -> polls.propose(draft(start, start.plusDays(10), colour()), true)));
        Poll poll = asRole("MODERATOR", () -> TenantContext.callAs(VOLGOGRAD, () -> polls.find(citizens)));
        assertThat(poll.status()).isEqualTo(PollStatus.ON_MODERATION);
        assertThat(poll.initiator()).isEqualTo(PollInitiator.CITIZEN);
        assertThat(poll.moderationDueAt().atZone(zoneOf(VOLGOGRAD)).toLocalDate()).isEqualTo(WEDNESDAY.plusDays(2));
        assertThat(poll.moderationOverdue()).isFalse();
        assertThat(asRole("MODERATOR", () -> TenantContext.callAs(VOLGOGRAD, () -> polls.find(business))).initiator())
                .isEqualTo(PollInitiator.BUSINESS);

        at(WEDNESDAY.plusDays(5), VOLGOGRAD); // Monday: Friday's deadline has passed
        List<Poll> queue = asRole("MODERATOR", () -> TenantContext.callAs(VOLGOGRAD, () -> polls.all()));
        assertThat(queue).filteredOn(p -> p.id().equals(citizens)).singleElement()
                .satisfies(p -> assertThat(p.moderationOverdue()).isTrue());

        assertThatThrownBy(() -> asRole("CITIZEN", () -> TenantContext.callAs(VOLGOGRAD, () -> {
            polls.approve(citizens);
            return null;
        }))).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> asRole("MODERATOR", () -> TenantContext.callAs(VOLGOGRAD, () -> {
            polls.refuse(citizens, " ");
            return null;
        }))).satisfies(e -> assertThat(codes(e)).containsExactly("reason poll.refusal.reasonRequired"));
        Poll refused = asRole("MODERATOR", () -> TenantContext.callAs(VOLGOGRAD, () -> {
            polls.refuse(citizens, "Вопрос не относится к ведению городского округа");
            return polls.find(citizens);
        }));
        assertThat(refused.status()).isEqualTo(PollStatus.REFUSED);
        assertThat(refused.refusalReason()).isEqualTo("Вопрос не относится к ведению городского округа");
        assertThat(refused.moderationOverdue()).isFalse();
        Poll approved = asRole("MODERATOR", () -> TenantContext.callAs(VOLGOGRAD, () -> {
            polls.approve(business);
            return polls.find(business);
        }));
        assertThat(approved.status()).isEqualTo(PollStatus.ANNOUNCED);
        assertThat(TenantContext.callAs(VOLGOGRAD, () -> polls.published())).extracting(Poll::id)
                .contains(business).doesNotContain(citizens);
    }

    @Test
    void onlyTenantsThatAllowItLetCitizensProposeAndStaffRolesActAsStaff() {
        at(WEDNESDAY, TOMSK);
        assertThatThrownBy(() -> asRole("CITIZEN", () -> TenantContext.callAs(TOMSK,
                () -> polls.propose(draft(WEDNESDAY.plusDays(3), WEDNESDAY.plusDays(9), colour()), false))))
                .satisfies(e -> assertThat(codes(e)).containsExactly("initiator poll.initiate.notAllowed"));
        assertThatThrownBy(() -> asRole("EXECUTOR", () -> TenantContext.callAs(TOMSK,
                () -> polls.create(draft(WEDNESDAY.plusDays(3), WEDNESDAY.plusDays(9), colour())))))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> asRole("CITIZEN", () -> TenantContext.callAs(TOMSK, () -> polls.all())))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void aTenantSeesOnlyItsOwnPolls() {
        LocalDate start = WEDNESDAY.plusDays(1);
        Poll tomsks = openPoll(TOMSK, start, start.plusDays(3), colour());
        assertThat(TenantContext.callAs(ZARECHNY, () -> polls.all())).extracting(Poll::id).doesNotContain(tomsks.id());
        assertThat(TenantContext.callAs(ZARECHNY, () -> polls.published())).extracting(Poll::id)
                .doesNotContain(tomsks.id());
        assertThatThrownBy(() -> TenantContext.callAs(ZARECHNY, () -> polls.published(tomsks.id())))
                .isInstanceOf(PollNotFoundException.class);
        assertThatThrownBy(() -> TenantContext.runAs(ZARECHNY, () -> polls.vote(tomsks.id(),
                Voter.account(UUID.randomUUID()), first(tomsks), null))).isInstanceOf(PollNotFoundException.class);
        assertThat(TenantContext.callAs(ZARECHNY, () -> jdbc.sql("select count(*) from poll where id = ?")
                .param(tomsks.id()).query(Integer.class).single())).isZero();
    }

    private static <T> T asRole(String role, java.util.concurrent.Callable<T> action) {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken(
                "polls-test-" + role.toLowerCase(), "x", "ROLE_" + role));
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }
}
