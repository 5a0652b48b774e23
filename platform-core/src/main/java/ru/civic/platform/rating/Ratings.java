package ru.civic.platform.rating;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.points.PointsStandings;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.AnswerRatingOption;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The current tenant's internal ratings over a period of days in its time zone (Tomsk 1.1). Executors and
 * organisations are ranked by two shares, each of its own sample: messages answered in the period that were answered
 * by their deadline (the platform console's compliance, per executor and organisation), and answers rated in the
 * period that residents rated positively. A share of a sample smaller than the tenant's {@code ratings.minSample}
 * is shown but not ranked: three answers out of three in time say little next to ninety out of a hundred.
 */
@Service
public class Ratings {

    public static final String HAS_RATINGS_ROLE = "hasAnyRole('OPERATOR','CURATOR','ANALYST')";
    /** The users' table shows at most this many residents. */
    public static final int MAX_USERS = 100;
    /** The longest period asked for at once. */
    public static final int MAX_DAYS = 3 * 366;

    /** A resident's place by the points they earned in the period. */
    public record UserStanding(int place, UUID accountId, String name, long points) {
    }

    /**
     * One share: {@code hits} of {@code sample}; {@code place} is null when the sample is below the minimum
     * ("not enough data") or empty.
     */
    public record Score(long sample, long hits, Integer place) {
        public boolean ranked() {
            return place != null;
        }

        /** 0–1; 0 for an empty sample. */
        public double share() {
            return sample == 0 ? 0 : (double) hits / sample;
        }
    }

    /** An executor (by account) or an organisation (by its id in the tenant's configuration). */
    public record Standing(String id, String name, Score compliance, Score rating) {
    }

    public record Board(LocalDate from, LocalDate to, int minSample, boolean pointsEnabled, boolean answersRated,
            List<UserStanding> users, List<Standing> executors, List<Standing> organisations) {
    }

    private record Answered(UUID executor, String organisation, boolean inPeriod, boolean hasDeadline,
            boolean inTime, String rating, boolean ratedInPeriod) {
    }

    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final PointsStandings points;
    private final AccountService accounts;

    Ratings(JdbcClient jdbc, TenantRegistry tenants, PointsStandings points, AccountService accounts) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.points = points;
        this.accounts = accounts;
    }

    /**
     * The three tables for the days {@code from}–{@code to}, both included.
     *
     * @throws IllegalArgumentException when the period is reversed or longer than {@link #MAX_DAYS}
     */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_RATINGS_ROLE)
    public Board board(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("Bad period " + from + " – " + to);
        }
        TenantConfiguration tenant = tenants.currentConfiguration();
        ZoneId zone = tenant.zoneId();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        int minSample = tenant.ratings().minSample();
        boolean pointsOn = tenant.points() != null && tenant.points().enabled();

        List<UserStanding> users = pointsOn ? users(points.earned(start, end, MAX_USERS)) : List.of();
        List<Answered> answered = answered(start, end);
        Set<String> negative = tenant.answerRatings().stream().filter(AnswerRatingOption::negative)
                .map(AnswerRatingOption::code).collect(Collectors.toSet());
        Set<String> known = tenant.answerRatings().stream().map(AnswerRatingOption::code).collect(Collectors.toSet());

        List<Standing> executors = standings(answered.stream().filter(a -> a.executor() != null).toList(),
                a -> a.executor().toString(), id -> accounts.find(UUID.fromString(id))
                        .map(a -> a.getDisplayName()).orElse(id), negative, known, minSample);
        List<Standing> organisations = standings(answered.stream().filter(a -> a.organisation() != null).toList(),
                Answered::organisation, id -> tenant.organisation(id).map(TenantConfiguration.Organisation::name)
                        .orElse(id), negative, known, minSample);
        return new Board(from, to, minSample, pointsOn, !tenant.answerRatings().isEmpty(), users, executors,
                organisations);
    }

    private static List<UserStanding> users(List<PointsStandings.Earned> earned) {
        List<UserStanding> users = new ArrayList<>(earned.size());
        for (int i = 0; i < earned.size(); i++) {
            PointsStandings.Earned e = earned.get(i);
            // Equal points share a place: 1, 1, 3.
            int place = i > 0 && earned.get(i - 1).points() == e.points() ? users.get(i - 1).place() : i + 1;
            users.add(new UserStanding(place, e.accountId(), e.name(), e.points()));
        }
        return users;
    }

    // Messages answered or rated in the period. Who answered: the last ANSWER step's actor (the official who wrote
    // it), else the assignee. The organisation: the one responsible for the message.
    private List<Answered> answered(Instant start, Instant end) {
        return jdbc.sql("""
                        select coalesce((select t.actor_id from message_transition t
                                         where t.message_id = m.id and t.action_type = 'ANSWER'
                                         order by t.at desc, t.id desc limit 1), m.assignee_id) as executor,
                               m.organisation_id,
                               m.answered_at >= :start and m.answered_at < :end as answered_in_period,
                               m.due_at is not null as has_deadline,
                               m.due_at is not null and m.answered_at <= m.due_at as in_time,
                               m.rating,
                               coalesce(m.rated_at >= :start and m.rated_at < :end, false) as rated_in_period
                        from message m
                        where m.tenant_id = :tenant and m.answered_at is not null
                          and ((m.answered_at >= :start and m.answered_at < :end)
                               or (m.rated_at >= :start and m.rated_at < :end))""")
                .param("tenant", TenantContext.getRequiredTenantId().value())
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query(Ratings::answered).list();
    }

    private static Answered answered(ResultSet rs, int row) throws SQLException {
        return new Answered(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                rs.getBoolean(5), rs.getString(6), rs.getBoolean(7));
    }

    private static List<Standing> standings(List<Answered> answered, Function<Answered, String> key,
            Function<String, String> name, Set<String> negative, Set<String> known, int minSample) {
        Map<String, long[]> counts = new HashMap<>(); // compliance sample, in time, rated, positive
        for (Answered a : answered) {
            long[] c = counts.computeIfAbsent(key.apply(a), k -> new long[4]);
            if (a.inPeriod() && a.hasDeadline()) {
                c[0]++;
                c[1] += a.inTime() ? 1 : 0;
            }
            if (a.ratedInPeriod() && a.rating() != null && known.contains(a.rating())) {
                c[2]++;
                c[3] += negative.contains(a.rating()) ? 0 : 1;
            }
        }
        Map<String, Integer> compliancePlaces = places(counts, 0, 1, minSample);
        Map<String, Integer> ratingPlaces = places(counts, 2, 3, minSample);
        return counts.entrySet().stream()
                .map(e -> new Standing(e.getKey(), name.apply(e.getKey()),
                        new Score(e.getValue()[0], e.getValue()[1], compliancePlaces.get(e.getKey())),
                        new Score(e.getValue()[2], e.getValue()[3], ratingPlaces.get(e.getKey()))))
                .filter(s -> s.compliance().sample() > 0 || s.rating().sample() > 0)
                .sorted(Comparator.comparing((Standing s) -> rankOrLast(s.compliance()))
                        .thenComparing(s -> rankOrLast(s.rating()))
                        .thenComparing(s -> -s.compliance().sample())
                        .thenComparing(Standing::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static int rankOrLast(Score score) {
        return score.ranked() ? score.place() : Integer.MAX_VALUE;
    }

    // Places by share among those with at least minSample; equal shares share a place (1, 1, 3). Compared as
    // cross products, so 2/3 and 4/6 are equal exactly.
    private static Map<String, Integer> places(Map<String, long[]> counts, int sample, int hits, int minSample) {
        List<Map.Entry<String, long[]>> ranked = counts.entrySet().stream()
                .filter(e -> e.getValue()[sample] >= minSample)
                .sorted((a, b) -> Long.compare(b.getValue()[hits] * a.getValue()[sample],
                        a.getValue()[hits] * b.getValue()[sample]))
                .toList();
        Map<String, Integer> places = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            long[] current = ranked.get(i).getValue();
            Integer place = i + 1;
            if (i > 0) {
                long[] previous = ranked.get(i - 1).getValue();
                if (previous[hits] * current[sample] == current[hits] * previous[sample]) {
                    place = places.get(ranked.get(i - 1).getKey());
                }
            }
            places.put(ranked.get(i).getKey(), place);
        }
        return places;
    }
}
