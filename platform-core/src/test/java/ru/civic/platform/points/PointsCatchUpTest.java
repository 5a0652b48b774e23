package ru.civic.platform.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.points.internal.PointsCatchUp;
import ru.civic.platform.points.internal.PointsCatchUp.CaughtUp;
import ru.civic.platform.poll.Poll;
import ru.civic.platform.poll.PollDraft;
import ru.civic.platform.poll.PollDraft.QuestionDraft;
import ru.civic.platform.poll.PollKind;
import ru.civic.platform.poll.Polls;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.testsupport.TestClock;

/**
 * Awards the event listener lost are written by the catch-up, once, from the rows that earned them. The rows are made
 * the way the services make them but without their events (SQL, or the account service's block), which is what a
 * listener that failed after the commit leaves behind. Runs on its own clock (the year 2035), so other tests' rows are
 * outside the window.
 */
@SpringBootTest
@WithMockUser(roles = {"OPERATOR", "MODERATOR"})
class PointsCatchUpTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");
    private static final TenantId TYNDA = TenantId.of("tynda");

    @Autowired
    PointsCatchUp catchUp;
    @Autowired
    PointsLedger ledger;
    @Autowired
    AccountService accounts;
    @Autowired
    MessageIntake intake;
    @Autowired
    Polls polls;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TestClock clock;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Actor person(TenantId tenant, String name) {
        return TenantContext.callAs(tenant, () -> {
            Account a = accounts.create(name + "-" + marker, "secret", name + " " + marker,
                    name + "-" + marker + "@example.ru", EnumSet.of(Role.CITIZEN), null);
            return Actors.of(a);
        });
    }

    private List<PointsEntry> history(TenantId tenant, Actor who) {
        return TenantContext.callAs(tenant, () -> ledger.history(who.accountId()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A message submitted for real, then published as the workflow does, minus its event. */
    private String publishedWithoutEvent(TenantId tenant, Actor author, String category, Place place) {
        return TenantContext.callAs(tenant, () -> {
            String number = intake.submit(new SubmitMessage(null, "Яма во дворе дома " + marker, category, place,
                    null, false, List.of(), null, null),
                    new Author(author.accountId(), author.name(), null, null), Message.Channel.PORTAL).number();
            jdbc.sql("update message set published = true where number = ?").param(number).update();
            jdbc.sql("insert into message_transition (message_id, at, action, action_type, from_stage, to_stage,"
                            + " to_status) select id, ?, 'publish', 'PUBLISH', stage, stage, 'PUBLISHED' from message"
                            + " where number = ?")
                    .params(utc(clock.instant()), number).update();
            return number;
        });
    }

    private void voteWithoutEvent(UUID pollId, String voter, boolean guest, List<UUID> options) {
        TenantContext.runAs(GUBKINSKY, () -> {
            jdbc.sql("insert into poll_vote (poll_id, voter, guest, voted_at) values (?, ?, ?, ?)")
                    .params(pollId, voter, guest, utc(clock.instant())).update();
            for (UUID option : options) {
                jdbc.sql("insert into poll_answer (poll_id, voter, option_id, guest) values (?, ?, ?, ?)")
                        .params(pollId, voter, option, guest).update();
            }
        });
    }

    private double caughtUp(String tenant, String kind) {
        var counter = meters.find("civic.points.caught_up").tags("tenant", tenant, "kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    /** After the listeners' grace: the catch-up leaves sources younger than that to their listener. */
    private CaughtUp runLater() {
        clock.advance(Duration.ofHours(1));
        return catchUp.runOnce().orElseThrow();
    }

    @Test
    void awardsLostByTheListenerAreWrittenOnceAndASecondRunWritesNothing() {
        clock.set(Instant.parse("2035-03-02T09:00:00Z"));
        Actor author = person(TOMSK, "cu-author");
        Actor full = person(GUBKINSKY, "cu-full");
        Actor partial = person(GUBKINSKY, "cu-partial");
        Actor blocked = person(GUBKINSKY, "cu-blocked-voter");
        publishedWithoutEvent(TOMSK, author, "potholes", new Place(56.48, 84.95, "ул. Мира, 1"));
        UUID pollId = TenantContext.callAs(GUBKINSKY, () -> {
            UUID created = polls.create(new PollDraft(PollKind.ORDINARY, "Сквер " + marker, "Что сделать в сквере",
                    List.of(QuestionDraft.single("Цвет скамеек?", "Зелёный", "Синий"),
                            new QuestionDraft("Что ещё?", List.of("Фонари", "Урны"), 0, 1)),
                    java.time.LocalDate.of(2035, 3, 3), java.time.LocalDate.of(2035, 3, 20), List.of()));
            polls.submit(created);
            polls.approve(created);
            return created;
        });
        Poll poll = TenantContext.callAs(GUBKINSKY, () -> polls.find(pollId));
        UUID first = poll.questions().get(0).options().get(0).id();
        UUID second = poll.questions().get(1).options().get(1).id();
        voteWithoutEvent(pollId, "account:" + full.accountId(), false, List.of(first, second));
        voteWithoutEvent(pollId, "account:" + partial.accountId(), false, List.of(first));
        voteWithoutEvent(pollId, "guest:" + UUID.randomUUID(), true, List.of(first, second));
        // Voted, then blocked: a blocked resident earns nothing more, whether from the listener or the catch-up.
        voteWithoutEvent(pollId, "account:" + blocked.accountId(), false, List.of(first, second));
        TenantContext.runAs(GUBKINSKY, () -> accounts.block(blocked.accountId(), "Спам", clock.instant()));
        assertThat(history(TOMSK, author)).isEmpty();
        assertThat(history(GUBKINSKY, full)).isEmpty();
        double gubkinskyBefore = caughtUp("gubkinsky", "AWARD");

        CaughtUp run = runLater();

        assertThat(history(TOMSK, author)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(PointsAction.MESSAGE_PUBLISHED);
            assertThat(e.amount()).isEqualTo(10);
            assertThat(e.source()).startsWith("message:");
        });
        assertThat(history(GUBKINSKY, full)).extracting(PointsEntry::action, PointsEntry::amount, PointsEntry::source)
                .containsExactlyInAnyOrder(tuple(PointsAction.VOTE, 2, "poll:" + pollId),
                        tuple(PointsAction.POLL_COMPLETED, 5, "poll:" + pollId));
        assertThat(history(GUBKINSKY, partial)).extracting(PointsEntry::action).containsExactly(PointsAction.VOTE);
        assertThat(history(GUBKINSKY, blocked)).isEmpty();
        // Each tenant's residents in their own ledger only.
        assertThat(history(GUBKINSKY, author)).isEmpty();
        assertThat(history(TOMSK, full)).isEmpty();
        assertThat(run.awards()).isGreaterThanOrEqualTo(4);
        assertThat(caughtUp("gubkinsky", "AWARD")).isEqualTo(gubkinskyBefore + 3);

        assertThat(catchUp.runOnce()).contains(new CaughtUp(0, 0));
        assertThat(history(TOMSK, author)).hasSize(1);
        assertThat(history(GUBKINSKY, full)).hasSize(2);
    }

    @Test
    void aBlockedGubkinskyResidentsOpenAwardsAreAnnulledWithTheReasonAndATomskResidentKeepsTheirs() {
        clock.set(Instant.parse("2035-05-11T09:00:00Z"));
        Actor gubkinsky = person(GUBKINSKY, "cu-blocked");
        Actor tomsk = person(TOMSK, "cu-kept");
        TenantContext.runAs(GUBKINSKY, () -> {
            ledger.award(gubkinsky.accountId(), PointsAction.IDEA_PUBLISHED, "idea:" + marker);
            ledger.award(gubkinsky.accountId(), PointsAction.COMMENT, "comment:" + marker);
            // Blocked without the event that annuls (the account service alone): the listener never ran.
            accounts.block(gubkinsky.accountId(), "Оскорбления в комментариях", clock.instant());
        });
        TenantContext.runAs(TOMSK, () -> {
            ledger.award(tomsk.accountId(), PointsAction.VOTE, "poll:" + marker);
            accounts.block(tomsk.accountId(), "Спам", clock.instant());
        });
        runLater();

        List<PointsEntry> annulments = history(GUBKINSKY, gubkinsky).stream()
                .filter(e -> e.kind() == EntryKind.ANNULMENT).toList();
        assertThat(annulments).extracting(PointsEntry::amount).containsExactlyInAnyOrder(-10, -1);
        assertThat(annulments).allSatisfy(e -> assertThat(e.reason()).isEqualTo("Оскорбления в комментариях"));
        assertThat(TenantContext.callAs(GUBKINSKY, () -> ledger.balance(gubkinsky.accountId()))).isZero();
        assertThat(history(TOMSK, tomsk)).extracting(PointsEntry::kind).containsExactly(EntryKind.AWARD);

        catchUp.runOnce();
        assertThat(history(GUBKINSKY, gubkinsky)).hasSize(4);
    }

    @Test
    void tyndaWithPointsOffGetsNothingFromTheCatchUp() {
        clock.set(Instant.parse("2035-07-20T09:00:00Z"));
        Actor author = person(TYNDA, "cu-tynda");
        Actor supporter = person(TYNDA, "cu-tynda-sup");
        String number = publishedWithoutEvent(TYNDA, author, null, null);
        TenantContext.runAs(TYNDA, () -> jdbc.sql("insert into message_support (message_id, supporter, guest)"
                        + " select id, ?, false from message where number = ?")
                .params("account:" + supporter.accountId(), number).update());

        runLater();

        assertThat(history(TYNDA, author)).isEmpty();
        assertThat(history(TYNDA, supporter)).isEmpty();
    }

    @Test
    void doesNothingWhileAnotherInstanceHoldsTheLock() throws Exception {
        try (Connection other = dataSource.getConnection();
                PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, 0x63697669635F7074L);
            lock.execute();
            assertThat(catchUp.runOnce()).isEmpty();
            try (PreparedStatement unlock = other.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, 0x63697669635F7074L);
                unlock.execute();
            }
        }
        assertThat(catchUp.runOnce()).isPresent();
    }
}
