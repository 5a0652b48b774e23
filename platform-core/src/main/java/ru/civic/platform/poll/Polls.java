package ru.civic.platform.poll;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.deadline.DeadlineCalculator;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.poll.PollDraft.QuestionDraft;
import ru.civic.platform.poll.internal.GuestVoteThrottle;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.DeadlineRule;
import ru.civic.platform.tenancy.TenantConfiguration.PollDuration;
import ru.civic.platform.tenancy.TenantConfiguration.PollRules;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Polls of the current tenant, every rule from its {@code polls:} section: staff draft polls and send them to
 * moderation; citizens (Volgograd 9, {@code usersMayInitiate}) and socially oriented businesses
 * ({@code businessesMayRun}) propose them, and staff approve or refuse with a reason within the tenant's moderation
 * deadline. Plain SQL, like supports: a vote is a hot write and its uniqueness is the table's primary key.
 */
@Service
public class Polls {

    /** Who drafts, moderates and publishes results: the operator, the moderator, the curator (Gubkinsky 2). */
    public static final String HAS_POLL_STAFF_ROLE = "hasAnyRole('OPERATOR','MODERATOR','CURATOR')";

    private static final String COLUMNS = """
            id, kind, title, description, status, initiator, author_id, author_name, districts, starts_at, ends_at,
            quorum, vote_count, guest_vote_count, submitted_at, moderation_due_at, refusal_reason,
            results_published_at""";

    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final DeadlineCalculator deadlines;
    private final Actors actors;
    private final GuestVoteThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final ru.civic.platform.account.AccountService accounts;

    public Polls(JdbcClient jdbc, TenantRegistry tenants, DeadlineCalculator deadlines, Actors actors,
            GuestVoteThrottle throttle, ApplicationEventPublisher events, Clock clock,
            ru.civic.platform.account.AccountService accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.deadlines = deadlines;
        this.actors = actors;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- drafting and moderation

    /** The end a form proposes for a start: the tenant's recommended duration, empty when it sets none. */
    public Optional<LocalDate> recommendedEnd(LocalDate startsOn) {
        PollDuration duration = tenants.currentConfiguration().polls().duration();
        return duration == null || startsOn == null ? Optional.empty()
                : Optional.of(startsOn.plusDays(duration.recommendedDays() - 1L));
    }

    /** A staff poll, saved as a draft to be sent to moderation. */
    @Transactional
    @PreAuthorize(HAS_POLL_STAFF_ROLE)
    public UUID create(PollDraft draft) {
        return insert(draft, PollInitiator.STAFF, false);
    }

    /**
     * A citizen's poll in their group, or a socially oriented business's (Volgograd 9), where the tenant allows it;
     * it goes to moderation at once, since only staff may publish it.
     */
    @Transactional
    @PreAuthorize("hasRole('CITIZEN')")
    public UUID propose(PollDraft draft, boolean business) {
        PollRules rules = rules();
        if (business ? !rules.businessesMayRun() : !rules.usersMayInitiate()) {
            throw new InvalidInputException(List.of(FieldProblem.of("initiator",
                    business ? "poll.initiate.businessNotAllowed" : "poll.initiate.notAllowed")));
        }
        return insert(draft, business ? PollInitiator.BUSINESS : PollInitiator.CITIZEN, true);
    }

    /** Changes a poll not yet approved; a refused one becomes a draft again. */
    @Transactional
    @PreAuthorize(HAS_POLL_STAFF_ROLE)
    public void update(UUID id, PollDraft draft) {
        Poll poll = lock(id);
        if (!poll.status().isEditable()) {
            throw new InvalidInputException(List.of(FieldProblem.of("status", "poll.notEditable")));
        }
        TenantConfiguration tenant = tenants.currentConfiguration();
        Dates dates = validate(tenant, draft);
        jdbc.sql("""
                update poll set kind = ?, title = ?, description = ?, districts = ?, starts_at = ?, ends_at = ?,
                  quorum = ?, status = case when status = 'REFUSED' then 'DRAFT' else status end,
                  refusal_reason = case when status = 'REFUSED' then null else refusal_reason end
                where id = ?""")
                .params(draft.kind().name(), draft.title(), draft.description(), draft.districts().toArray(String[]::new),
                        utc(dates.startsAt()), utc(dates.endsAt()), tenant.polls().quorum(), id)
                .update();
        jdbc.sql("delete from poll_question where poll_id = ?").param(id).update();
        insertQuestions(id, draft.questions());
    }

    /** Sends a draft (or a refused poll, corrected) to moderation; the tenant's deadline runs from now. */
    @Transactional
    @PreAuthorize(HAS_POLL_STAFF_ROLE)
    public void submit(UUID id) {
        Poll poll = lock(id);
        if (poll.status() != PollStatus.DRAFT && poll.status() != PollStatus.REFUSED) {
            throw new InvalidInputException(List.of(FieldProblem.of("status", "poll.notDraft")));
        }
        toModeration(id);
    }

    @Transactional
    @PreAuthorize(HAS_POLL_STAFF_ROLE)
    public void approve(UUID id) {
        Poll poll = lock(id);
        if (poll.status() != PollStatus.ON_MODERATION) {
            throw new InvalidInputException(List.of(FieldProblem.of("status", "poll.notOnModeration")));
        }
        if (!poll.endsOn().isAfter(today(tenants.currentConfiguration()).minusDays(1))) {
            throw new InvalidInputException(List.of(FieldProblem.of("endsOn", "poll.end.past")));
        }
        jdbc.sql("update poll set status = 'APPROVED', moderated_at = ?, moderated_by = ? where id = ?")
                .params(utc(clock.instant()), actorName(), id).update();
    }

    /** Volgograd 9: a refusal must be reasoned; the reason is shown to the author, who may correct and resubmit. */
    @Transactional
    @PreAuthorize(HAS_POLL_STAFF_ROLE)
    public void refuse(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(List.of(FieldProblem.of("reason", "poll.refusal.reasonRequired")));
        }
        Poll poll = lock(id);
        if (poll.status() != PollStatus.ON_MODERATION) {
            throw new InvalidInputException(List.of(FieldProblem.of("status", "poll.notOnModeration")));
        }
        jdbc.sql("update poll set status = 'REFUSED', refusal_reason = ?, moderated_at = ?, moderated_by = ? where id = ?")
                .params(reason.strip(), utc(clock.instant()), actorName(), id).update();
    }

    /** Publishes the results of a closed poll where the tenant sets a due date for them (Gubkinsky 3.13). */
    @Transactional
    @PreAuthorize(HAS_POLL_STAFF_ROLE)
    public void publishResults(UUID id) {
        Poll poll = lock(id);
        if (poll.status() != PollStatus.CLOSED) {
            throw new InvalidInputException(List.of(FieldProblem.of("status", "poll.notClosed")));
        }
        jdbc.sql("update poll set results_published_at = coalesce(results_published_at, ?) where id = ?")
                .params(utc(clock.instant()), id).update();
    }

    // ---------------------------------------------------------------- reading

    /** Every poll of the tenant for the back office: on moderation first (soonest due), then the latest. */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_POLL_STAFF_ROLE + " or hasRole('ANALYST')")
    public List<Poll> all() {
        TenantConfiguration tenant = tenants.currentConfiguration();
        List<Poll> polls = jdbc.sql("select " + COLUMNS + " from poll order by created_at desc limit 1000")
                .query((rs, i) -> row(rs, tenant, List.of())).list();
        return polls.stream().sorted(Comparator
                        .comparing((Poll p) -> p.status() != PollStatus.ON_MODERATION)
                        .thenComparing(p -> p.moderationDueAt() == null ? Instant.MAX : p.moderationDueAt()))
                .toList();
    }

    /** One poll with its questions, whatever its status (back office). */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_POLL_STAFF_ROLE + " or hasRole('ANALYST')")
    public Poll find(UUID id) {
        return load(id, false).orElseThrow(() -> new PollNotFoundException(id));
    }

    /** The public's polls: announced, open and closed, each with its questions. */
    @Transactional(readOnly = true)
    public List<Poll> published() {
        TenantConfiguration tenant = tenants.currentConfiguration();
        List<Poll> polls = jdbc.sql("select " + COLUMNS + " from poll where status = 'APPROVED' order by starts_at desc"
                        + " limit 500")
                .query((rs, i) -> row(rs, tenant, List.of())).list();
        return polls;
    }

    /** An approved poll for the public; a draft or refused one is "not found". */
    @Transactional(readOnly = true)
    public Poll published(UUID id) {
        return load(id, true).orElseThrow(() -> new PollNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public boolean hasVoted(UUID id, Voter voter) {
        return jdbc.sql("select exists (select 1 from poll_vote where poll_id = ? and voter = ?)")
                .params(id, voter.key()).query(Boolean.class).single();
    }

    /** Results as the public sees them: closed and, where the tenant sets a due date, published by staff. */
    @Transactional(readOnly = true)
    public PollResults publicResults(UUID id) {
        Poll poll = published(id);
        if (!poll.resultsPublic()) {
            throw new PollNotFoundException(id);
        }
        return results(poll);
    }

    /** Results at any moment, also while open (back office, CSV export). */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_POLL_STAFF_ROLE + " or hasRole('ANALYST')")
    public PollResults results(UUID id) {
        return results(find(id));
    }

    // ---------------------------------------------------------------- voting

    /**
     * A poll aimed at districts (its target group, Volgograd 9) is voted on by their residents only: a guest is asked
     * to sign in, a resident who has not said where they live to say so in the cabinet, others are told whose poll
     * it is.
     */
    private void targetGroup(Poll poll, Voter voter, TenantConfiguration tenant) {
        String names = poll.districts().stream()
                .map(d -> tenant.district(d).map(TenantConfiguration.District::name).orElse(d))
                .collect(java.util.stream.Collectors.joining(", "));
        if (voter.guest() || voter.accountId() == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("voter", "poll.vote.targetGroup.signIn", names)));
        }
        String home = accounts.find(voter.accountId()).map(ru.civic.platform.account.Account::getDistrictId)
                .orElse(null);
        if (home == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("voter", "poll.vote.targetGroup.noDistrict", names)));
        }
        if (!poll.districts().contains(home)) {
            throw new InvalidInputException(List.of(FieldProblem.of("voter", "poll.vote.targetGroup.other", names)));
        }
    }

    /**
     * Casts a vote: one answer set per question, within each question's min/max choices. One vote per person per
     * poll: a repeat, however parallel, is refused by the table's key with {@code poll.vote.already}. A ranked poll
     * takes its ballot through {@link #rank}.
     *
     * @param ballot  chosen option ids per question id
     * @param address the client's address, for throttling guests; may be null
     */
    @Transactional
    public void vote(UUID id, Voter voter, Map<UUID, Set<UUID>> ballot, String address) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        Poll poll = votable(id, voter, tenant);
        if (poll.kind() == PollKind.RANKED) {
            throw new InvalidInputException(List.of(FieldProblem.of("poll", "poll.vote.rankingRequired")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Answer> chosen = new ArrayList<>();
        for (int i = 0; i < poll.questions().size(); i++) {
            Poll.Question q = poll.questions().get(i);
            Set<UUID> picked = ballot == null ? Set.of() : ballot.getOrDefault(q.id(), Set.of());
            String field = "questions[" + i + "]";
            if (!q.options().stream().map(Poll.Option::id).toList().containsAll(picked)) {
                problems.add(FieldProblem.of(field, "poll.vote.unknownOption"));
            } else if (picked.size() < q.minChoices()) {
                problems.add(FieldProblem.of(field, "poll.vote.tooFew", q.minChoices()));
            } else if (picked.size() > q.maxChoices()) {
                problems.add(FieldProblem.of(field, "poll.vote.tooMany", q.maxChoices()));
            } else {
                picked.forEach(option -> chosen.add(new Answer(option, null)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        record(poll, voter, tenant, address, chosen);
    }

    /**
     * Casts a ranked ballot (Tomsk 1.1, Tynda 2.1): the voter gives places 1, 2, ... k to k projects of the question,
     * k within its min/max choices. Refused at the question, each with its own code: a project not of this question
     * ({@code poll.vote.unknownOption}), a project twice ({@code poll.vote.rank.repeatedOption}), two projects at one
     * place ({@code poll.vote.rank.repeatedPlace}), a place below 1 ({@code poll.vote.rank.invalid}), a skipped place
     * ({@code poll.vote.rank.gap}, with the first missing place), too few or too many places
     * ({@code poll.vote.rank.tooFew}/{@code tooMany}). One vote per person per poll as for {@link #vote}.
     *
     * @param ballot the places per question id
     */
    @Transactional
    public void rank(UUID id, Voter voter, Map<UUID, List<RankedChoice>> ballot, String address) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        Poll poll = votable(id, voter, tenant);
        if (poll.kind() != PollKind.RANKED) {
            throw new InvalidInputException(List.of(FieldProblem.of("poll", "poll.vote.notRanked")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Answer> placed = new ArrayList<>();
        for (int i = 0; i < poll.questions().size(); i++) {
            Poll.Question q = poll.questions().get(i);
            List<RankedChoice> places = ballot == null ? List.of() : ballot.getOrDefault(q.id(), List.of());
            FieldProblem problem = rankingProblem(q, places, "questions[" + i + "]");
            if (problem != null) {
                problems.add(problem);
            } else {
                places.forEach(p -> placed.add(new Answer(p.optionId(), p.rank())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        record(poll, voter, tenant, address, placed);
    }

    /** The first thing wrong with one question's places, or null when they are 1..k over k distinct projects. */
    private static FieldProblem rankingProblem(Poll.Question q, List<RankedChoice> places, String field) {
        Set<UUID> options = new java.util.HashSet<>(q.options().stream().map(Poll.Option::id).toList());
        Set<UUID> seenOptions = new java.util.HashSet<>();
        Set<Integer> seenPlaces = new java.util.TreeSet<>();
        for (RankedChoice place : places) {
            if (place == null || !options.contains(place.optionId())) {
                return FieldProblem.of(field, "poll.vote.unknownOption");
            }
            if (!seenOptions.add(place.optionId())) {
                return FieldProblem.of(field, "poll.vote.rank.repeatedOption");
            }
            if (place.rank() < 1) {
                return FieldProblem.of(field, "poll.vote.rank.invalid");
            }
            if (!seenPlaces.add(place.rank())) {
                return FieldProblem.of(field, "poll.vote.rank.repeatedPlace", place.rank());
            }
        }
        int expected = 1;
        for (int place : seenPlaces) {
            if (place != expected) {
                return FieldProblem.of(field, "poll.vote.rank.gap", expected);
            }
            expected++;
        }
        if (places.size() < q.minChoices()) {
            return FieldProblem.of(field, "poll.vote.rank.tooFew", q.minChoices());
        }
        if (places.size() > q.maxChoices()) {
            return FieldProblem.of(field, "poll.vote.rank.tooMany", q.maxChoices());
        }
        return null;
    }

    /** One answer row: an option, and its place on a ranked ballot (null otherwise). */
    private record Answer(UUID option, Integer rank) {
    }

    /** The poll, if this voter may vote in it now: open, guests where allowed, the target group. */
    private Poll votable(UUID id, Voter voter, TenantConfiguration tenant) {
        rules(); // a tenant that has switched polls off takes no more votes
        Poll poll = published(id);
        if (poll.status() != PollStatus.OPEN) {
            throw new InvalidInputException(List.of(FieldProblem.of("poll", "poll.vote.notOpen")));
        }
        if (voter.guest() && !(tenant.polls().guestsVote() && tenant.guests().vote())) {
            throw new InvalidInputException(List.of(FieldProblem.of("voter", "poll.vote.guestsNotAllowed")));
        }
        if (!poll.districts().isEmpty()) {
            targetGroup(poll, voter, tenant);
        }
        return poll;
    }

    private void record(Poll poll, Voter voter, TenantConfiguration tenant, String address, List<Answer> answers) {
        UUID id = poll.id();
        if (voter.guest() && hasVoted(id, voter)) {
            // Before the throttle, so a guest who clicks twice hears "already voted", not "too many votes".
            throw new InvalidInputException(List.of(FieldProblem.of("voter", "poll.vote.already")));
        }
        if (voter.guest() && !throttle.tryAcquire(tenant.id(), voter.key(), address)) {
            throw new InvalidInputException(List.of(FieldProblem.of("voter", "poll.vote.throttled")));
        }
        int inserted = jdbc.sql("insert into poll_vote (poll_id, voter, guest, voted_at) values (?, ?, ?, ?)"
                        + " on conflict (poll_id, voter) do nothing")
                .params(id, voter.key(), voter.guest(), utc(clock.instant())).update();
        if (inserted == 0) {
            throw new InvalidInputException(List.of(FieldProblem.of("voter", "poll.vote.already")));
        }
        for (Answer answer : answers) {
            jdbc.sql("insert into poll_answer (poll_id, voter, option_id, guest, rank) values (?, ?, ?, ?, ?)")
                    .params(id, voter.key(), answer.option(), voter.guest(), answer.rank()).update();
        }
        jdbc.sql("update poll set vote_count = vote_count + 1, guest_vote_count = guest_vote_count + ? where id = ?")
                .params(voter.guest() ? 1 : 0, id).update();
        events.publishEvent(new PollVoted(tenant.id(), id, voter.key(), voter.guest(), voter.accountId()));
    }

    /**
     * Marks the current tenant's polls that have ended and announces each once ({@link PollClosed}); the update
     * hands each poll to one caller, so instances running this at the same time never announce a poll twice.
     */
    @Transactional
    public int closeEnded() {
        String tenantId = tenants.currentConfiguration().id();
        record Closed(UUID id, int votes, Integer quorum) {
        }
        List<Closed> closed = jdbc.sql("""
                update poll set closed_at = ? where status = 'APPROVED' and closed_at is null and ends_at <= ?
                returning id, vote_count, quorum""")
                .params(utc(clock.instant()), utc(clock.instant()))
                .query((rs, i) -> new Closed(rs.getObject(1, UUID.class), rs.getInt(2),
                        (Integer) rs.getObject(3)))
                .list();
        closed.forEach(c -> events.publishEvent(new PollClosed(tenantId, c.id(), c.votes(),
                c.quorum() == null || c.votes() >= c.quorum())));
        return closed.size();
    }

    // ---------------------------------------------------------------- internals

    private record Dates(Instant startsAt, Instant endsAt) {
    }

    private PollRules rules() {
        PollRules rules = tenants.currentConfiguration().polls();
        if (rules == null || !rules.enabled()) {
            throw new InvalidInputException(List.of(FieldProblem.of("poll", "poll.disabled")));
        }
        return rules;
    }

    private UUID insert(PollDraft draft, PollInitiator initiator, boolean toModeration) {
        rules();
        TenantConfiguration tenant = tenants.currentConfiguration();
        Dates dates = validate(tenant, draft);
        Optional<Actor> actor = actors.current();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into poll (id, kind, title, description, status, initiator, author_id, author_name, districts,
                  starts_at, ends_at, quorum, created_at) values (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, draft.kind().name(), draft.title(), draft.description(), initiator.name(),
                        actor.map(Actor::accountId).orElse(null), actor.map(Actor::name).orElse(null),
                        draft.districts().toArray(String[]::new), utc(dates.startsAt()), utc(dates.endsAt()),
                        tenant.polls().quorum(), utc(clock.instant()))
                .update();
        insertQuestions(id, draft.questions());
        if (toModeration) {
            toModeration(id);
        }
        return id;
    }

    private void toModeration(UUID id) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        Instant now = clock.instant();
        DeadlineRule rule = tenant.polls().moderation();
        Instant due = rule == null ? null : deadlines.deadline(tenant, now, rule.days(), rule.dayType(), false).dueAt();
        jdbc.sql("""
                update poll set status = 'ON_MODERATION', submitted_at = ?, moderation_due_at = ?, refusal_reason = null
                where id = ?""")
                .params(utc(now), utc(due), id).update();
    }

    private void insertQuestions(UUID pollId, List<QuestionDraft> questions) {
        for (int i = 0; i < questions.size(); i++) {
            QuestionDraft q = questions.get(i);
            UUID questionId = UUID.randomUUID();
            jdbc.sql("insert into poll_question (id, poll_id, position, text, min_choices, max_choices)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(questionId, pollId, i, q.text(), q.minChoices(), q.maxChoices()).update();
            for (int j = 0; j < q.options().size(); j++) {
                jdbc.sql("insert into poll_option (id, question_id, position, text) values (?, ?, ?, ?)")
                        .params(UUID.randomUUID(), questionId, j, q.options().get(j)).update();
            }
        }
    }

    /** Every problem at once, at its field; the dates as instants in the tenant's zone, the end day included. */
    private Dates validate(TenantConfiguration tenant, PollDraft draft) {
        PollRules rules = tenant.polls();
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.title().isEmpty()) {
            problems.add(FieldProblem.of("title", "poll.title.required"));
        } else if (draft.title().length() > 300) {
            problems.add(FieldProblem.of("title", "poll.title.tooLong", 300));
        }
        if (draft.questions().isEmpty()) {
            problems.add(FieldProblem.of("questions", "poll.questions.required"));
        } else if (draft.kind() == PollKind.RANKED && draft.questions().size() > 1) {
            // One list of projects to order: the places of a voter are unique per poll (changeset 017).
            problems.add(FieldProblem.of("questions", "poll.ranked.oneQuestion"));
        }
        for (int i = 0; i < draft.questions().size(); i++) {
            QuestionDraft q = draft.questions().get(i);
            String field = "questions[" + i + "]";
            if (q.text().isEmpty()) {
                problems.add(FieldProblem.of(field + ".text", "poll.question.textRequired"));
            }
            if (q.options().size() < 2) {
                problems.add(FieldProblem.of(field + ".options", "poll.question.tooFewOptions"));
            }
            for (int j = 0; j < q.options().size(); j++) {
                if (q.options().get(j).isEmpty()) {
                    problems.add(FieldProblem.of(field + ".options[" + j + "]", "poll.option.textRequired"));
                }
            }
            if (q.minChoices() < 0 || q.maxChoices() < 1 || q.minChoices() > q.maxChoices()) {
                problems.add(FieldProblem.of(field + ".choices", "poll.question.choicesInvalid"));
            } else if (q.maxChoices() > 1 && !rules.multipleAnswers()) {
                problems.add(FieldProblem.of(field + ".choices", "poll.question.multipleNotAllowed"));
            } else if (q.maxChoices() > q.options().size() && q.options().size() >= 2) {
                problems.add(FieldProblem.of(field + ".choices", "poll.question.moreChoicesThanOptions",
                        q.options().size()));
            }
        }
        for (String district : draft.districts()) {
            if (tenant.district(district).isEmpty()) {
                problems.add(FieldProblem.of("districts", "poll.district.unknown", district));
            }
        }
        LocalDate startsOn = draft.startsOn();
        LocalDate endsOn = draft.endsOn();
        PollDuration duration = rules.duration();
        if (startsOn == null) {
            problems.add(FieldProblem.of("startsOn", "poll.start.required"));
        } else if (startsOn.isBefore(today(tenant))) {
            problems.add(FieldProblem.of("startsOn", "poll.start.past"));
        }
        if (endsOn == null && startsOn != null && duration != null) {
            endsOn = startsOn.plusDays(duration.recommendedDays() - 1L);
        }
        if (endsOn == null) {
            problems.add(FieldProblem.of("endsOn", "poll.end.required"));
        } else if (startsOn != null) {
            long days = ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
            if (days < 1) {
                problems.add(FieldProblem.of("endsOn", "poll.end.beforeStart"));
            } else if (duration != null && days < duration.minDays()) {
                problems.add(FieldProblem.of("endsOn", "poll.duration.tooShort", duration.minDays(), days));
            } else if (duration != null && days > duration.maxDays()) {
                problems.add(FieldProblem.of("endsOn", "poll.duration.tooLong", duration.maxDays(), days));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ZoneId zone = tenant.zoneId();
        return new Dates(startsOn.atStartOfDay(zone).toInstant(), endsOn.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private LocalDate today(TenantConfiguration tenant) {
        return clock.instant().atZone(tenant.zoneId()).toLocalDate();
    }

    private String actorName() {
        return actors.current().map(Actor::name).orElse(null);
    }

    private Poll lock(UUID id) {
        jdbc.sql("select id from poll where id = ? for update").param(id).query(UUID.class).optional()
                .orElseThrow(() -> new PollNotFoundException(id));
        return load(id, false).orElseThrow(() -> new PollNotFoundException(id));
    }

    private Optional<Poll> load(UUID id, boolean publicOnly) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        Map<UUID, List<Poll.Option>> options = new HashMap<>();
        jdbc.sql("""
                select o.question_id, o.id, o.text from poll_option o join poll_question q on q.id = o.question_id
                where q.poll_id = ? order by o.position""")
                .param(id)
                .query((rs, i) -> {
                    options.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Poll.Option(rs.getObject(2, UUID.class), rs.getString(3)));
                    return null;
                }).list();
        List<Poll.Question> questions = jdbc.sql("""
                select id, text, min_choices, max_choices from poll_question where poll_id = ? order by position""")
                .param(id)
                .query((rs, i) -> {
                    UUID qid = rs.getObject(1, UUID.class);
                    return new Poll.Question(qid, rs.getString(2), rs.getInt(3), rs.getInt(4),
                            options.getOrDefault(qid, List.of()));
                }).list();
        return jdbc.sql("select " + COLUMNS + " from poll where id = ?" + (publicOnly ? " and status = 'APPROVED'" : ""))
                .param(id).query((rs, i) -> row(rs, tenant, questions)).optional();
    }

    private Poll row(ResultSet rs, TenantConfiguration tenant, List<Poll.Question> questions) throws SQLException {
        Instant now = clock.instant();
        ZoneId zone = tenant.zoneId();
        String stored = rs.getString(5);
        Instant startsAt = instant(rs, 10);
        Instant endsAt = instant(rs, 11);
        PollStatus status = switch (stored) {
            case "APPROVED" -> now.isBefore(startsAt) ? PollStatus.ANNOUNCED
                    : now.isBefore(endsAt) ? PollStatus.OPEN : PollStatus.CLOSED;
            default -> PollStatus.valueOf(stored);
        };
        Instant moderationDue = instant(rs, 16);
        DeadlineRule resultsRule = tenant.polls() == null ? null : tenant.polls().resultsDue();
        // The period starts the day after the last day of voting (ends_at is the first moment after it).
        Instant resultsDue = resultsRule == null ? null : deadlines.deadline(tenant, endsAt.minusNanos(1000),
                resultsRule.days(), resultsRule.dayType(), false).dueAt();
        Instant resultsPublished = instant(rs, 18);
        boolean resultsPublic = status == PollStatus.CLOSED && (resultsRule == null || resultsPublished != null);
        Array districts = rs.getArray(9);
        return new Poll(rs.getObject(1, UUID.class), PollKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), status, PollInitiator.valueOf(rs.getString(6)), rs.getObject(7, UUID.class),
                rs.getString(8), districts == null ? List.of() : List.of((String[]) districts.getArray()),
                startsAt.atZone(zone).toLocalDate(), endsAt.atZone(zone).toLocalDate().minusDays(1),
                (Integer) rs.getObject(12), rs.getInt(13), rs.getInt(14), instant(rs, 15), moderationDue,
                status == PollStatus.ON_MODERATION && moderationDue != null && moderationDue.isBefore(now),
                rs.getString(17), resultsDue, resultsPublished, resultsPublic, questions);
    }

    /**
     * Counts per option in one statement; for a ranked vote also the Borda count (placed r-th of the question's n
     * options scores n - r + 1) and how many placed it first, summed by the database.
     */
    private PollResults results(Poll poll) {
        record Count(int signedIn, int guests, int score, int firsts) {
        }
        Map<UUID, Count> counts = new HashMap<>();
        jdbc.sql("""
                select o.id,
                  count(a.voter) filter (where not a.guest),
                  count(a.voter) filter (where a.guest),
                  coalesce(sum(n.options - a.rank + 1) filter (where a.rank is not null), 0),
                  count(a.voter) filter (where a.rank = 1)
                from poll_option o
                join poll_question q on q.id = o.question_id
                cross join lateral (select count(*) as options from poll_option x where x.question_id = o.question_id) n
                left join poll_answer a on a.option_id = o.id and a.poll_id = q.poll_id
                where q.poll_id = ?
                group by o.id""")
                .param(poll.id())
                .query((rs, i) -> counts.put(rs.getObject(1, UUID.class),
                        new Count(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))))
                .list();
        Count none = new Count(0, 0, 0, 0);
        List<PollResults.QuestionResult> questions = poll.questions().stream().map(q -> {
            List<PollResults.OptionResult> options = q.options().stream().map(o -> {
                Count n = counts.getOrDefault(o.id(), none);
                return new PollResults.OptionResult(o.id(), o.text(), n.signedIn(), n.guests(), n.score(), n.firsts());
            }).toList();
            if (poll.kind() == PollKind.RATING) {
                // A rating vote ranks the projects: the most chosen first (the order entered breaks ties).
                options = options.stream().sorted(Comparator.comparingInt(PollResults.OptionResult::total).reversed())
                        .toList();
            } else if (poll.kind() == PollKind.RANKED) {
                // Highest Borda count first; more first places, then the order entered, break ties.
                options = options.stream().sorted(Comparator.comparingInt(PollResults.OptionResult::score)
                        .thenComparingInt(PollResults.OptionResult::firsts).reversed()).toList();
            }
            return new PollResults.QuestionResult(q.id(), q.text(), options);
        }).toList();
        return new PollResults(poll.id(), poll.title(), poll.kind(), poll.votes(), poll.guestVotes(), poll.quorum(),
                poll.status() == PollStatus.CLOSED, questions);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
