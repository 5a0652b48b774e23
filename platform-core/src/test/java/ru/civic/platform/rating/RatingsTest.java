package ru.civic.platform.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.points.PointsAction;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.rating.Ratings.Board;
import ru.civic.platform.rating.Ratings.Standing;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.testsupport.TestClock;

/**
 * Tomsk 1.1's internal ratings on the real database: residents by points earned in the period; executors and
 * organisations by answers in time and positive ratings, ranked only from the minimum sample (10 by default).
 * The period is one nobody else's test uses, so other data of the same tenants stays out of it.
 */
@SpringBootTest
@WithMockUser(roles = "ANALYST")
class RatingsTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId ZARECHNY = TenantId.of("zarechny");
    private static final LocalDate FROM = LocalDate.of(2031, 6, 1);
    private static final LocalDate TO = LocalDate.of(2031, 6, 30);

    @Autowired
    Ratings ratings;
    @Autowired
    PointsLedger ledger;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UUID person(TenantId tenant, String name, Role role, String organisation) {
        return TenantContext.callAs(tenant, () -> accounts.create(name + "-" + marker, "x", name + " " + marker,
                null, EnumSet.of(role), organisation).getId());
    }

    private static Instant june(int day) {
        return LocalDateTime.of(2031, 6, day, 12, 0).toInstant(ZoneOffset.UTC);
    }

    /**
     * Answered messages of one executor in one organisation: {@code total} answered on 10 June, the first
     * {@code inTime} by their deadline; the first {@code positive} of {@code rated} rated positively on 20 June.
     */
    private void answered(UUID executor, String organisation, int total, int inTime, int rated, int positive) {
        TenantContext.runAs(ZARECHNY, () -> {
            for (int i = 0; i < total; i++) {
                UUID id = UUID.randomUUID();
                Instant due = i < inTime ? june(11) : june(9);
                String rating = i >= rated ? null : i < positive ? (i % 2 == 0 ? "satisfied" : "planned")
                        : "dissatisfied";
                jdbc.sql("""
                        insert into message (id, number, kind, channel, text, stage, status, received_at,
                                             stage_entered_at, organisation_id, due_at, answered_at, rating, rated_at)
                        values (:id, :number, 'PROBLEM', 'PORTAL', 'Тест рейтинга', 'answered', 'ANSWERED',
                                :received, :received, :org, :due, :answered, :rating, :rated)""")
                        .param("id", id).param("number", "RAT-" + marker + "-" + executor.toString().substring(0, 4)
                                + "-" + i)
                        .param("received", Timestamp.from(june(1))).param("org", organisation)
                        .param("due", Timestamp.from(due)).param("answered", Timestamp.from(june(10)))
                        .param("rating", rating).param("rated", rating == null ? null : Timestamp.from(june(20)))
                        .update();
                jdbc.sql("""
                        insert into message_transition (message_id, at, actor_id, actor_role, action, action_type,
                                                        from_stage, to_stage, to_status)
                        values (:id, :at, :actor, 'EXECUTOR', 'answer', 'ANSWER', 'work', 'answered', 'ANSWERED')""")
                        .param("id", id).param("at", Timestamp.from(june(10))).param("actor", executor).update();
            }
        });
    }

    private static Standing named(List<Standing> standings, String name) {
        return standings.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void executorsAndOrganisationsRankByShareFromTheMinimumSampleOnly() {
        UUID steady = person(ZARECHNY, "rat-steady", Role.EXECUTOR, "adm-infra");
        UUID perfect = person(ZARECHNY, "rat-perfect", Role.EXECUTOR, "adm-arch");
        UUID newcomer = person(ZARECHNY, "rat-newcomer", Role.EXECUTOR, "adm-infra");
        answered(steady, "adm-infra", 10, 9, 10, 5);
        answered(perfect, "adm-arch", 12, 12, 10, 8);
        answered(newcomer, "adm-infra", 3, 3, 3, 3); // 100 %, but three answers say little

        Board board = TenantContext.callAs(ZARECHNY, () -> ratings.board(FROM, TO));

        assertThat(board.minSample()).isEqualTo(10);
        List<Standing> mine = board.executors().stream().filter(s -> s.name().endsWith(marker)).toList();
        assertThat(mine).extracting(Standing::name).containsExactly("rat-perfect " + marker,
                "rat-steady " + marker, "rat-newcomer " + marker);
        Standing p = named(mine, "rat-perfect " + marker);
        Standing s = named(mine, "rat-steady " + marker);
        Standing n = named(mine, "rat-newcomer " + marker);
        assertThat(p.compliance().place()).isLessThan(s.compliance().place());
        assertThat(p.compliance().share()).isEqualTo(1.0);
        assertThat(s.compliance().hits()).isEqualTo(9);
        assertThat(s.compliance().sample()).isEqualTo(10);
        assertThat(p.rating().place()).isLessThan(s.rating().place());
        assertThat(s.rating().share()).isEqualTo(0.5);
        assertThat(n.compliance().ranked()).isFalse();
        assertThat(n.rating().ranked()).isFalse();
        assertThat(n.compliance().sample()).isEqualTo(3);

        // adm-infra: 12 of 13 in time; adm-arch: 12 of 12.
        Standing infra = named(board.organisations(),
                "Отдел городской инфраструктуры и жилищной политики Администрации г. Заречного");
        Standing arch = named(board.organisations(), "Отдел архитектуры и градостроительства Администрации г. Заречного");
        assertThat(infra.compliance().sample()).isGreaterThanOrEqualTo(13);
        assertThat(arch.compliance().place()).isLessThan(infra.compliance().place());
    }

    @Test
    void residentsRankByPointsEarnedInThePeriodLessAnnulments() {
        UUID first = person(TOMSK, "rat-first", Role.CITIZEN, null);
        UUID second = person(TOMSK, "rat-second", Role.CITIZEN, null);
        UUID annulled = person(TOMSK, "rat-annulled", Role.CITIZEN, null);
        UUID outside = person(TOMSK, "rat-outside", Role.CITIZEN, null);
        clock.set(june(5).atZone(ZoneOffset.UTC));
        TenantContext.runAs(TOMSK, () -> {
            ledger.award(first, PointsAction.MESSAGE_PUBLISHED, "message:" + marker);
            ledger.award(first, PointsAction.VOTE, "poll:" + marker);
            ledger.award(second, PointsAction.MESSAGE_PUBLISHED, "message:" + marker);
            ledger.award(annulled, PointsAction.MESSAGE_PUBLISHED, "message:" + marker);
            ledger.award(annulled, PointsAction.MESSAGE_PUBLISHED, "message:2-" + marker);
        });
        clock.set(june(15).atZone(ZoneOffset.UTC));
        TenantContext.runAs(TOMSK, () -> ledger.annulAwards(annulled, "Блокировка", "test"));
        clock.set(LocalDateTime.of(2031, 7, 2, 12, 0).atZone(ZoneOffset.UTC));
        TenantContext.runAs(TOMSK, () -> ledger.award(outside, PointsAction.MESSAGE_PUBLISHED, "message:" + marker));

        Board board = TenantContext.callAs(TOMSK, () -> ratings.board(FROM, TO));

        assertThat(board.pointsEnabled()).isTrue();
        assertThat(board.users()).filteredOn(u -> u.name().endsWith(marker))
                .extracting(Ratings.UserStanding::name, Ratings.UserStanding::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rat-first " + marker, 12L),
                        org.assertj.core.groups.Tuple.tuple("rat-second " + marker, 10L));
        // Another tenant's board has none of them.
        assertThat(TenantContext.callAs(ZARECHNY, () -> ratings.board(FROM, TO)).users()).isEmpty();
    }

    @Test
    @WithMockUser(roles = "CITIZEN")
    void aCitizenCannotReadTheRatings() {
        assertThatThrownBy(() -> TenantContext.callAs(TOMSK, () -> ratings.board(FROM, TO)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void aReversedPeriodIsRefused() {
        assertThatThrownBy(() -> TenantContext.callAs(TOMSK, () -> ratings.board(TO, FROM)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
