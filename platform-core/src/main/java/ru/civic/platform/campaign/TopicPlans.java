package ru.civic.platform.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The annual plan of campaign and poll topics (Gubkinsky 3.1–3.6): units propose topics for next year until the
 * tenant's {@code topicPlan.proposalsDue}; the administrator (the management group, role {@code OPERATOR}: it admits
 * poll and campaign topics, section 2) approves the plan by {@code topicPlan.approvalDue}; after approval the plan
 * changes only by an amendment with a reason, kept with who and when. Every statement names the tenant besides the
 * row-level security that also confines it.
 */
@Service
public class TopicPlans {

    static final int MAX_TITLE = 300;
    static final int MAX_REASON = 2000;
    /** The years a plan may be kept for (the table's check): a year typed outside them is refused at the field. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2999;
    /** Problems name years and days as text: a bundle would print the number 2027 as "2 027" in Russian. */
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final Clock clock;

    TopicPlans(JdbcClient jdbc, TenantRegistry tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The plan for the year as it stands (empty, without an id, while nobody has proposed anything). */
    @Transactional(readOnly = true)
    public TopicPlan plan(int year) {
        TenantConfiguration tenant = rules();
        LocalDate proposalsDue = proposalsDue(tenant, year);
        LocalDate approvalDue = approvalDue(tenant, year);
        var row = jdbc.sql("select id, approved_at, approved_by from topic_plan where tenant_id = ? and year = ?")
                .params(tenant.id(), year)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), instant(rs.getObject(2,
                        OffsetDateTime.class)), rs.getString(3)})
                .optional();
        if (row.isEmpty()) {
            return new TopicPlan(null, year, proposalsDue, approvalDue, null, null, false, List.of(), List.of());
        }
        UUID id = (UUID) row.get()[0];
        Instant approvedAt = (Instant) row.get()[1];
        List<Topic> topics = jdbc.sql("select id, kind, title, description, proposing_unit, proposed_by, proposed_at,"
                        + " added_by is not null, withdrawn_by is not null"
                        + " from topic_plan_topic where tenant_id = ? and plan_id = ? order by proposed_at, title")
                .params(tenant.id(), id)
                .query((rs, i) -> new Topic(rs.getObject(1, UUID.class), TopicKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        instant(rs.getObject(7, OffsetDateTime.class)), rs.getBoolean(8), rs.getBoolean(9)))
                .list();
        List<Amendment> amendments = jdbc.sql("select a.topic_id, t.title, a.kind, a.reason, a.amended_by,"
                        + " a.amended_at from topic_plan_amendment a join topic_plan_topic t on t.id = a.topic_id"
                        + " where a.tenant_id = ? and a.plan_id = ? order by a.amended_at")
                .params(tenant.id(), id)
                .query((rs, i) -> new Amendment(rs.getObject(1, UUID.class), rs.getString(2),
                        Amendment.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        instant(rs.getObject(6, OffsetDateTime.class))))
                .list();
        boolean late = approvedAt != null && endOfDay(tenant, approvalDue).isBefore(approvedAt);
        return new TopicPlan(id, year, proposalsDue, approvalDue, approvedAt, (String) row.get()[2], late, topics,
                amendments);
    }

    /**
     * Proposes a topic for the year's plan, on behalf of the unit named in it.
     *
     * @throws InvalidInputException at {@code year} when proposals for that year closed (after the tenant's
     *                               {@code proposalsDue} of the year before) or the plan is already approved; at
     *                               the proposal's fields when they are missing or wrong
     */
    @Transactional
    @PreAuthorize(Permissions.HAS_STAFF_ROLE)
    public UUID propose(int year, TopicProposal proposal, Actor actor) {
        TenantConfiguration tenant = rules();
        List<FieldProblem> problems = new ArrayList<>(check(tenant, proposal));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            problems.add(FieldProblem.of("year", "campaign.plan.yearOutOfRange", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR)));
            throw new InvalidInputException(problems);
        }
        LocalDate due = proposalsDue(tenant, year);
        if (clock.instant().isAfter(endOfDay(tenant, due))) {
            problems.add(FieldProblem.of("year", "campaign.plan.proposalsClosed", String.valueOf(year),
                    DAY.format(due)));
        }
        UUID planId = planIdCreating(tenant, year);
        if (isApproved(planId)) {
            problems.add(FieldProblem.of("year", "campaign.plan.alreadyApproved", String.valueOf(year)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return insertTopic(tenant, planId, proposal, actor, null);
    }

    /**
     * Withdraws a proposed topic before the plan is approved (after approval: {@link #amendWithdraw}).
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public void withdrawProposal(UUID topicId, Actor actor) {
        UUID planId = planOf(topicId);
        if (isApproved(planId)) {
            throw new InvalidInputException(List.of(FieldProblem.of("reason", "campaign.plan.amendmentNeeded")));
        }
        jdbc.sql("delete from topic_plan_topic where tenant_id = ? and id = ?").params(tenantId(), topicId).update();
    }

    /**
     * Approves the year's plan with the topics proposed. Approval after the tenant's {@code approvalDue} is allowed
     * and shown as late: a city without a plan for the year would have no campaigns at all.
     *
     * @throws InvalidInputException at {@code year} when there is nothing to approve or it is approved already
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public void approve(int year, Actor actor) {
        TenantConfiguration tenant = rules();
        UUID planId = jdbc.sql("select id from topic_plan where tenant_id = ? and year = ? for update")
                .params(tenant.id(), year).query(UUID.class).optional()
                .orElseThrow(() -> new InvalidInputException(
                        List.of(FieldProblem.of("year", "campaign.plan.empty", String.valueOf(year)))));
        int topics = jdbc.sql("select count(*) from topic_plan_topic where tenant_id = ? and plan_id = ?")
                .params(tenant.id(), planId).query(Integer.class).single();
        if (topics == 0) {
            throw new InvalidInputException(List.of(FieldProblem.of("year", "campaign.plan.empty",
                    String.valueOf(year))));
        }
        int changed = jdbc.sql("update topic_plan set approved_at = ?, approved_by = ?"
                        + " where tenant_id = ? and id = ? and approved_at is null")
                .params(utc(clock.instant()), actor.name(), tenant.id(), planId).update();
        if (changed == 0) {
            throw new InvalidInputException(List.of(FieldProblem.of("year", "campaign.plan.alreadyApproved",
                    String.valueOf(year))));
        }
    }

    /**
     * Adds a topic to an approved plan (3.6), with the reason recorded.
     *
     * @throws InvalidInputException at {@code reason} when it is missing, at {@code year} when the plan is not
     *                               approved yet (then the topic is simply proposed)
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public UUID amendAdd(int year, TopicProposal proposal, String reason, Actor actor) {
        TenantConfiguration tenant = rules();
        List<FieldProblem> problems = new ArrayList<>(check(tenant, proposal));
        String why = reason(reason, problems);
        UUID planId = jdbc.sql("select id from topic_plan where tenant_id = ? and year = ? for update")
                .params(tenant.id(), year).query(UUID.class).optional().orElse(null);
        if (planId == null || !isApproved(planId)) {
            problems.add(FieldProblem.of("year", "campaign.plan.notApproved", String.valueOf(year)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID amendment = UUID.randomUUID();
        UUID topicId = insertTopic(tenant, planId, proposal, actor, amendment);
        recordAmendment(amendment, planId, topicId, Amendment.Kind.ADD, why, actor);
        return topicId;
    }

    /**
     * Takes a topic out of an approved plan (3.6), with the reason recorded. Campaigns already run on it stay.
     *
     * @throws InvalidInputException at {@code reason} when it is missing
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public void amendWithdraw(UUID topicId, String reason, Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        String why = reason(reason, problems);
        UUID planId = planOf(topicId);
        if (!isApproved(planId)) {
            problems.add(FieldProblem.of("year", "campaign.plan.notApproved", ""));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID amendment = UUID.randomUUID();
        int changed = jdbc.sql("update topic_plan_topic set withdrawn_by = ? where tenant_id = ? and id = ?"
                        + " and withdrawn_by is null")
                .params(amendment, tenantId(), topicId).update();
        if (changed == 1) {
            recordAmendment(amendment, planId, topicId, Amendment.Kind.WITHDRAW, why, actor);
        }
    }

    /** The topic, if it is of this tenant. */
    @Transactional(readOnly = true)
    public java.util.Optional<Topic> topic(UUID topicId) {
        return jdbc.sql("select id, kind, title, description, proposing_unit, proposed_by, proposed_at,"
                        + " added_by is not null, withdrawn_by is not null from topic_plan_topic"
                        + " where tenant_id = ? and id = ?")
                .params(tenantId(), topicId)
                .query((rs, i) -> new Topic(rs.getObject(1, UUID.class), TopicKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        instant(rs.getObject(7, OffsetDateTime.class)), rs.getBoolean(8), rs.getBoolean(9)))
                .optional();
    }

    /** Whether the topic's plan is approved (campaigns run only on topics of an approved plan). */
    boolean inApprovedPlan(UUID topicId) {
        return isApproved(planOf(topicId));
    }

    private void recordAmendment(UUID id, UUID planId, UUID topicId, Amendment.Kind kind, String reason,
            Actor actor) {
        jdbc.sql("insert into topic_plan_amendment (id, plan_id, topic_id, kind, reason, amended_by, amended_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, planId, topicId, kind.name(), reason, actor.name(), utc(clock.instant())).update();
    }

    private UUID insertTopic(TenantConfiguration tenant, UUID planId, TopicProposal proposal, Actor actor,
            UUID amendment) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into topic_plan_topic (id, plan_id, kind, title, description, proposing_unit, proposed_by,"
                        + " proposed_at, added_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, planId, proposal.kind().name(), proposal.title().strip(),
                        proposal.description() == null ? "" : proposal.description().strip(),
                        proposal.proposingUnit(), actor.name(), utc(clock.instant()), amendment)
                .update();
        return id;
    }

    private static List<FieldProblem> check(TenantConfiguration tenant, TopicProposal proposal) {
        List<FieldProblem> problems = new ArrayList<>();
        if (proposal.kind() == null) {
            problems.add(FieldProblem.of("kind", "campaign.topic.kindRequired"));
        }
        String title = proposal.title() == null ? "" : proposal.title().strip();
        if (title.isEmpty()) {
            problems.add(FieldProblem.of("title", "campaign.field.required"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(FieldProblem.of("title", "message.field.tooLong", MAX_TITLE));
        }
        if (proposal.proposingUnit() == null || tenant.organisation(proposal.proposingUnit()).isEmpty()) {
            problems.add(FieldProblem.of("proposingUnit", "campaign.unit.unknown"));
        }
        return problems;
    }

    private static String reason(String reason, List<FieldProblem> problems) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(FieldProblem.of("reason", "campaign.plan.reasonRequired"));
        } else if (why.length() > MAX_REASON) {
            problems.add(FieldProblem.of("reason", "message.field.tooLong", MAX_REASON));
        }
        return why;
    }

    private UUID planIdCreating(TenantConfiguration tenant, int year) {
        jdbc.sql("insert into topic_plan (id, year) values (?, ?) on conflict (tenant_id, year) do nothing")
                .params(UUID.randomUUID(), year).update();
        return jdbc.sql("select id from topic_plan where tenant_id = ? and year = ? for update")
                .params(tenant.id(), year).query(UUID.class).single();
    }

    private UUID planOf(UUID topicId) {
        return jdbc.sql("select plan_id from topic_plan_topic where tenant_id = ? and id = ?")
                .params(tenantId(), topicId).query(UUID.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("No topic " + topicId + " in this tenant"));
    }

    private boolean isApproved(UUID planId) {
        return jdbc.sql("select approved_at is not null from topic_plan where tenant_id = ? and id = ?")
                .params(tenantId(), planId).query(Boolean.class).optional().orElse(false);
    }

    private TenantConfiguration rules() {
        TenantConfiguration tenant = tenants.currentConfiguration();
        if (tenant.topicPlan() == null) {
            throw new IllegalStateException("Tenant " + tenant.id() + " keeps no topic plan (no 'topicPlan' rules)");
        }
        return tenant;
    }

    /** Proposals for {@code year} close at the end of the tenant's proposalsDue in the year before (3.3). */
    static LocalDate proposalsDue(TenantConfiguration tenant, int year) {
        return MonthDay.parse("--" + tenant.topicPlan().proposalsDue()).atYear(year - 1);
    }

    static LocalDate approvalDue(TenantConfiguration tenant, int year) {
        return MonthDay.parse("--" + tenant.topicPlan().approvalDue()).atYear(year - 1);
    }

    private static Instant endOfDay(TenantConfiguration tenant, LocalDate day) {
        return day.plusDays(1).atStartOfDay(tenant.zoneId()).toInstant().minusNanos(1000);
    }

    private static String tenantId() {
        return TenantContext.getRequiredTenantId().value();
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
