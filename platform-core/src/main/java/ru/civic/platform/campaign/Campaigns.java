package ru.civic.platform.campaign;

import static ru.civic.platform.campaign.TopicPlans.instant;
import static ru.civic.platform.campaign.TopicPlans.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.deadline.Deadline;
import ru.civic.platform.deadline.DeadlineCalculator;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.notification.NotificationRequest;
import ru.civic.platform.notification.Notifications;
import ru.civic.platform.notification.Recipient;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.CampaignRules;
import ru.civic.platform.tenancy.TenantConfiguration.RefusalReason;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.workflow.CitizenBlocking;

/**
 * Idea campaigns («Обсуждения», Gubkinsky 3): a campaign on a CAMPAIGN topic of an approved plan runs for its period;
 * signed-in residents submit ideas and comment on published ones while it is open; the moderator (role
 * {@code MODERATOR}: the moderator/analyst of section 2) publishes each idea and comment or refuses it with one of the
 * tenant's refusal reasons and a reasoned reply to the author (3.8), and may block the author (3.9); after the end the
 * winners are published, the results go to the initiating unit within the tenant's {@code campaigns.resultsDue},
 * and the implementation report is due {@code campaigns.reportDue} after the implementation plan's last date
 * (3.13–3.14). Deadlines are counted with the tenant's production calendar. Every statement names the tenant besides
 * the row-level security that also confines it.
 */
@Service
public class Campaigns {

    static final int MAX_IDEA_TITLE = 200;
    static final int MAX_IDEA_TEXT = 5000;
    static final int MAX_COMMENT = 2000;
    static final int MAX_REPLY = 2000;
    static final int MAX_PLAN_ITEM = 500;
    static final String MANAGE = "hasAnyRole('MODERATOR','OPERATOR')";
    static final String MODERATE = "hasRole('MODERATOR')";
    static final String READ_STAFF = "hasAnyRole('MODERATOR','OPERATOR','ANALYST')";

    private static final String CAMPAIGN_COLUMNS = "c.id, c.topic_id, c.title, c.description, c.initiating_unit,"
            + " c.starts_at, c.ends_at, c.winners_published_at, c.results_due_at, c.results_sent_at,"
            + " c.implementation_due_on, c.report_due_at, c.report_published_at,"
            + " (select count(*) from campaign_idea i where i.campaign_id = c.id and i.status = 'PUBLISHED'),"
            + " (select count(*) from campaign_idea i where i.campaign_id = c.id and i.status = 'MODERATION')"
            + " + (select count(*) from campaign_comment m join campaign_idea i on i.id = m.idea_id"
            + " where i.campaign_id = c.id and m.status = 'MODERATION')";

    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final TopicPlans plans;
    private final DeadlineCalculator deadlines;
    private final AccountService accounts;
    private final Notifications notifications;
    private final CitizenBlocking blocking;
    private final MessageSource bundle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, TenantRegistry tenants, TopicPlans plans, DeadlineCalculator deadlines,
            AccountService accounts, Notifications notifications, CitizenBlocking blocking, MessageSource bundle,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.plans = plans;
        this.deadlines = deadlines;
        this.accounts = accounts;
        this.notifications = notifications;
        this.blocking = blocking;
        this.bundle = bundle;
        this.events = events;
        this.clock = clock;
    }

    // --- campaigns -------------------------------------------------------------------------------------------

    /**
     * Opens a campaign on a CAMPAIGN topic of an approved plan; the results deadline is computed from its end.
     *
     * @throws InvalidInputException at the draft's fields ({@code topicId}, {@code title}, {@code initiatingUnit},
     *                               {@code endsAt}) when something is wrong
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public UUID create(CampaignDraft draft, Actor actor) {
        TenantConfiguration tenant = rules();
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Topic> topic = draft.topicId() == null ? Optional.empty() : plans.topic(draft.topicId());
        if (topic.isEmpty()) {
            problems.add(FieldProblem.of("topicId", "campaign.field.required"));
        } else if (topic.get().kind() != TopicKind.CAMPAIGN || topic.get().withdrawn()
                || !plans.inApprovedPlan(topic.get().id())) {
            problems.add(FieldProblem.of("topicId", "campaign.topic.notInApprovedPlan"));
        }
        String title = draft.title() == null || draft.title().isBlank()
                ? topic.map(Topic::title).orElse("") : draft.title().strip();
        if (title.isEmpty()) {
            problems.add(FieldProblem.of("title", "campaign.field.required"));
        } else if (title.length() > TopicPlans.MAX_TITLE) {
            problems.add(FieldProblem.of("title", "message.field.tooLong", TopicPlans.MAX_TITLE));
        }
        String unit = draft.initiatingUnit() == null || draft.initiatingUnit().isBlank()
                ? topic.map(Topic::proposingUnit).orElse(null) : draft.initiatingUnit();
        if (unit == null || tenant.organisation(unit).isEmpty()) {
            problems.add(FieldProblem.of("initiatingUnit", "campaign.unit.unknown"));
        }
        if (draft.startsAt() == null) {
            problems.add(FieldProblem.of("startsAt", "campaign.field.required"));
        }
        if (draft.endsAt() == null) {
            problems.add(FieldProblem.of("endsAt", "campaign.field.required"));
        } else if (draft.startsAt() != null && !draft.endsAt().isAfter(draft.startsAt())) {
            problems.add(FieldProblem.of("endsAt", "campaign.period.endBeforeStart"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CampaignRules rules = tenant.campaigns();
        Deadline results = deadlines.deadline(tenant, draft.endsAt(), rules.resultsDue().days(),
                rules.resultsDue().dayType(), false);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into campaign (id, topic_id, title, description, initiating_unit, starts_at, ends_at,"
                        + " results_due_at, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, draft.topicId(), title, draft.description() == null ? "" : draft.description().strip(),
                        unit, utc(draft.startsAt()), utc(draft.endsAt()), utc(results.dueAt()), actor.name(),
                        utc(clock.instant()))
                .update();
        return id;
    }

    /** Every campaign of the tenant, the latest ending first (the portal splits them into open and finished). */
    @Transactional(readOnly = true)
    public List<CampaignSummary> campaigns() {
        Instant now = clock.instant();
        return jdbc.sql("select " + CAMPAIGN_COLUMNS + " from campaign c where c.tenant_id = ?"
                        + " order by c.ends_at desc limit 500")
                .param(tenantId()).query((rs, i) -> summary(rs, now)).list();
    }

    @Transactional(readOnly = true)
    public Optional<CampaignSummary> campaign(UUID id) {
        Instant now = clock.instant();
        return jdbc.sql("select " + CAMPAIGN_COLUMNS + " from campaign c where c.tenant_id = ? and c.id = ?")
                .params(tenantId(), id).query((rs, i) -> summary(rs, now)).optional();
    }

    /** Campaigns whose results or implementation report are late (pending past the deadline, or done late). */
    @Transactional(readOnly = true)
    @PreAuthorize(READ_STAFF)
    public List<CampaignSummary> overdue() {
        return campaigns().stream().filter(c -> c.resultsOverdue() || c.reportOverdue()).toList();
    }

    /** The campaign as the portal shows it: published ideas and comments; winners, plan and report once public. */
    @Transactional(readOnly = true)
    public Optional<CampaignPage> page(UUID campaignId) {
        return campaign(campaignId).map(c -> {
            List<IdeaView> ideas = ideas(c, true);
            List<PlanItem> plan = c.winnersPublished() ? planItems(campaignId) : List.of();
            String report = c.reportPublished()
                    ? jdbc.sql("select report from campaign where tenant_id = ? and id = ?")
                            .params(tenantId(), campaignId).query(String.class).single()
                    : null;
            return new CampaignPage(c, ideas, plan, report);
        });
    }

    /** Every idea of the campaign whatever its status, with every comment (the back office). */
    @Transactional(readOnly = true)
    @PreAuthorize(READ_STAFF)
    public List<IdeaView> allIdeas(UUID campaignId) {
        return ideas(required(campaignId), false);
    }

    @Transactional(readOnly = true)
    public List<PlanItem> planItems(UUID campaignId) {
        return jdbc.sql("select title, due_on from campaign_plan_item where tenant_id = ? and campaign_id = ?"
                        + " order by position")
                .params(tenantId(), campaignId)
                .query((rs, i) -> new PlanItem(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
    }

    // --- residents ---------------------------------------------------------------------------------------------

    /**
     * A signed-in resident submits an idea to an open campaign; it waits for the moderator.
     *
     * @throws InvalidInputException at {@code title}/{@code text} when empty or too long, at {@code campaign}
     *                               when the campaign is not open or the author is blocked (3.9)
     */
    @Transactional
    @PreAuthorize("hasRole('CITIZEN')")
    public UUID submitIdea(UUID campaignId, IdeaDraft draft, Actor author) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = text(draft.title(), "title", MAX_IDEA_TITLE, problems);
        String text = text(draft.text(), "text", MAX_IDEA_TEXT, problems);
        CampaignSummary campaign = required(campaignId);
        Account account = resident(author, problems);
        if (!campaign.open()) {
            problems.add(FieldProblem.of("campaign", "campaign.closed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("insert into campaign_idea (id, campaign_id, author_id, author_name, title, text, status,"
                        + " submitted_at) values (?, ?, ?, ?, ?, ?, 'MODERATION', ?)")
                .params(id, campaignId, account.getId(), account.getDisplayName(), title, text, utc(now)).update();
        events.publishEvent(new IdeaSubmitted(tenantId(), campaignId, id, account.getId(), now));
        return id;
    }

    /**
     * A signed-in resident comments on a published idea of an open campaign; the comment waits for the moderator.
     *
     * @throws InvalidInputException at {@code text} when empty or too long, at {@code campaign} when the campaign
     *                               is closed, the idea not published or the author blocked
     */
    @Transactional
    @PreAuthorize("hasRole('CITIZEN')")
    public UUID comment(UUID ideaId, String comment, Actor author) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = text(comment, "text", MAX_COMMENT, problems);
        IdeaRow idea = idea(ideaId);
        CampaignSummary campaign = required(idea.campaignId());
        Account account = resident(author, problems);
        if (!campaign.open() || idea.status() != ContentStatus.PUBLISHED) {
            problems.add(FieldProblem.of("campaign", "campaign.closed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into campaign_comment (id, idea_id, author_id, author_name, text, status, submitted_at)"
                        + " values (?, ?, ?, ?, ?, 'MODERATION', ?)")
                .params(id, ideaId, account.getId(), account.getDisplayName(), text, utc(clock.instant())).update();
        return id;
    }

    // --- moderation --------------------------------------------------------------------------------------------

    /** Ideas and comments awaiting the moderator, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(MODERATE)
    public List<ModerationItem> moderationQueue() {
        String tenant = tenantId();
        return jdbc.sql("select 'IDEA', i.id, c.id, c.title, i.id, i.title, i.text, i.author_name, i.submitted_at"
                        + " from campaign_idea i join campaign c on c.id = i.campaign_id"
                        + " where i.tenant_id = ? and i.status = 'MODERATION'"
                        + " union all select 'COMMENT', m.id, c.id, c.title, i.id, i.title, m.text, m.author_name,"
                        + " m.submitted_at from campaign_comment m join campaign_idea i on i.id = m.idea_id"
                        + " join campaign c on c.id = i.campaign_id where m.tenant_id = ? and m.status = 'MODERATION'"
                        + " order by 9 limit 500")
                .params(tenant, tenant)
                .query((rs, i) -> new ModerationItem(ModerationItem.Kind.valueOf(rs.getString(1)),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8),
                        instant(rs.getObject(9, OffsetDateTime.class))))
                .list();
    }

    /** Publishes an idea awaiting moderation; its author is notified. */
    @Transactional
    @PreAuthorize(MODERATE)
    public void publishIdea(UUID ideaId, Actor moderator) {
        IdeaRow idea = idea(ideaId);
        Instant now = clock.instant();
        int changed = jdbc.sql("update campaign_idea set status = 'PUBLISHED', moderated_by = ?, moderated_at = ?"
                        + " where tenant_id = ? and id = ? and status = 'MODERATION'")
                .params(moderator.name(), utc(now), tenantId(), ideaId).update();
        if (changed == 0) {
            throw alreadyModerated();
        }
        notifyAuthor(idea.authorId(), "campaign.notification.ideaPublished", idea.title(), null, null);
        events.publishEvent(new IdeaPublished(tenantId(), idea.campaignId(), ideaId, idea.authorId(), now));
    }

    /**
     * Refuses an idea with one of the tenant's refusal reasons and a reasoned reply, sent to the author (3.8); with
     * {@code blockAuthor} the author is blocked too (3.9), which annuls their bonuses.
     *
     * @throws InvalidInputException at {@code reason} (not one of the tenant's) or {@code reply} (empty, too long)
     */
    @Transactional
    @PreAuthorize(MODERATE)
    public void refuseIdea(UUID ideaId, String reasonCode, String reply, boolean blockAuthor, Actor moderator) {
        IdeaRow idea = idea(ideaId);
        RefusalReason reason = refusal(reasonCode, reply);
        int changed = jdbc.sql("update campaign_idea set status = 'REFUSED', refusal_reason = ?, reply = ?,"
                        + " moderated_by = ?, moderated_at = ? where tenant_id = ? and id = ? and status = 'MODERATION'")
                .params(reason.code(), reply.strip(), moderator.name(), utc(clock.instant()), tenantId(), ideaId)
                .update();
        if (changed == 0) {
            throw alreadyModerated();
        }
        notifyAuthor(idea.authorId(), "campaign.notification.ideaRefused", idea.title(), reason.title(),
                reply.strip());
        if (blockAuthor) {
            blocking.block(idea.authorId(), reason.title() + ": " + reply.strip());
        }
    }

    /** Publishes a comment awaiting moderation; its author is notified. */
    @Transactional
    @PreAuthorize(MODERATE)
    public void publishComment(UUID commentId, Actor moderator) {
        CommentRow comment = comment(commentId);
        Instant now = clock.instant();
        int changed = jdbc.sql("update campaign_comment set status = 'PUBLISHED', moderated_by = ?, moderated_at = ?"
                        + " where tenant_id = ? and id = ? and status = 'MODERATION'")
                .params(moderator.name(), utc(now), tenantId(), commentId).update();
        if (changed == 0) {
            throw alreadyModerated();
        }
        notifyAuthor(comment.authorId(), "campaign.notification.commentPublished", comment.ideaTitle(), null, null);
        events.publishEvent(new CommentPublished(tenantId(), comment.campaignId(), comment.ideaId(), commentId,
                comment.authorId(), now));
    }

    /** Refuses a comment like an idea (3.8): the tenant's reason and a reasoned reply to the author; 3.9 block. */
    @Transactional
    @PreAuthorize(MODERATE)
    public void refuseComment(UUID commentId, String reasonCode, String reply, boolean blockAuthor,
            Actor moderator) {
        CommentRow comment = comment(commentId);
        RefusalReason reason = refusal(reasonCode, reply);
        int changed = jdbc.sql("update campaign_comment set status = 'REFUSED', refusal_reason = ?, reply = ?,"
                        + " moderated_by = ?, moderated_at = ? where tenant_id = ? and id = ? and status = 'MODERATION'")
                .params(reason.code(), reply.strip(), moderator.name(), utc(clock.instant()), tenantId(), commentId)
                .update();
        if (changed == 0) {
            throw alreadyModerated();
        }
        notifyAuthor(comment.authorId(), "campaign.notification.commentRefused", comment.ideaTitle(),
                reason.title(), reply.strip());
        if (blockAuthor) {
            blocking.block(comment.authorId(), reason.title() + ": " + reply.strip());
        }
    }

    // --- results and implementation ----------------------------------------------------------------------------

    /**
     * Publishes the winning ideas of a finished campaign (published ideas of this campaign), once.
     *
     * @throws InvalidInputException at {@code winners} when the campaign is not over, none is chosen, one is not a
     *                               published idea of it, or the winners are published already
     */
    @Transactional
    @PreAuthorize(MODERATE)
    public void publishWinners(UUID campaignId, Collection<UUID> ideaIds, Actor moderator) {
        CampaignSummary campaign = required(campaignId);
        List<UUID> chosen = List.copyOf(new LinkedHashSet<>(ideaIds));
        String problem = null;
        if (campaign.phase() != CampaignSummary.Phase.FINISHED) {
            problem = "campaign.winners.notFinished";
        } else if (campaign.winnersPublished()) {
            problem = "campaign.winners.alreadyPublished";
        } else if (chosen.isEmpty()) {
            problem = "campaign.winners.noneChosen";
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(chosen.size(), "?"));
        Map<UUID, UUID> authors = chosen.isEmpty() ? Map.of() : jdbc.sql("select id, author_id from campaign_idea"
                        + " where tenant_id = ? and campaign_id = ? and status = 'PUBLISHED' and id in ("
                        + placeholders + ")")
                .params(concat(List.of(tenantId(), campaignId), chosen))
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (problem == null && authors.size() != chosen.size()) {
            problem = "campaign.winners.notPublishedIdea";
        }
        if (problem != null) {
            throw new InvalidInputException(List.of(FieldProblem.of("winners", problem)));
        }
        Instant now = clock.instant();
        for (UUID idea : chosen) {
            jdbc.sql("update campaign_idea set winner = true where tenant_id = ? and id = ?")
                    .params(tenantId(), idea).update();
        }
        jdbc.sql("update campaign set winners_published_at = ? where tenant_id = ? and id = ?")
                .params(utc(now), tenantId(), campaignId).update();
        events.publishEvent(new CampaignWinnersPublished(tenantId(), campaignId, chosen,
                chosen.stream().map(authors::get).toList(), now));
    }

    /**
     * Sends the campaign's results (the winning ideas) to its initiating unit: by e-mail to the unit's address
     * when the reference data has one, and records when (the deadline is {@code campaigns.resultsDue} after the end).
     *
     * @throws InvalidInputException at {@code results} before the winners are published
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public void sendResults(UUID campaignId, Actor actor) {
        CampaignSummary campaign = required(campaignId);
        if (!campaign.winnersPublished()) {
            throw new InvalidInputException(List.of(FieldProblem.of("results", "campaign.results.noWinners")));
        }
        TenantConfiguration tenant = rules();
        tenant.organisation(campaign.initiatingUnit()).filter(o -> o.email() != null && !o.email().isBlank())
                .ifPresent(unit -> {
                    String winners = ideas(campaign, true).stream().filter(IdeaView::winner)
                            .map(i -> "— " + i.title() + " (" + i.authorName() + ")")
                            .collect(Collectors.joining("\n"));
                    Locale locale = Locale.forLanguageTag(tenant.defaultLocale());
                    notifications.send(new NotificationRequest(new Recipient(null, unit.email(), unit.name()),
                            bundle.getMessage("campaign.notification.results.subject",
                                    new Object[] {campaign.title()}, locale),
                            bundle.getMessage("campaign.notification.results.body",
                                    new Object[] {campaign.title(), winners, tenant.name()}, locale),
                            null, true));
                });
        jdbc.sql("update campaign set results_sent_at = coalesce(results_sent_at, ?) where tenant_id = ? and id = ?")
                .params(utc(clock.instant()), tenantId(), campaignId).update();
    }

    /**
     * Sets (or replaces, until the report is published) the implementation plan; its last date is the
     * implementation deadline, from which the report is due {@code campaigns.reportDue} later.
     *
     * @throws InvalidInputException at {@code plan} (before the winners, empty, or the report already published)
     *                               or at {@code plan[i]} (an item without a title or a date)
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public void setImplementationPlan(UUID campaignId, List<PlanItem> items, Actor actor) {
        CampaignSummary campaign = required(campaignId);
        List<FieldProblem> problems = new ArrayList<>();
        if (!campaign.winnersPublished()) {
            problems.add(FieldProblem.of("plan", "campaign.results.noWinners"));
        } else if (campaign.reportPublished()) {
            problems.add(FieldProblem.of("plan", "campaign.report.alreadyPublished"));
        } else if (items == null || items.isEmpty()) {
            problems.add(FieldProblem.of("plan", "campaign.plan.itemsRequired"));
        }
        List<PlanItem> plan = items == null ? List.of() : items;
        for (int i = 0; i < plan.size(); i++) {
            PlanItem item = plan.get(i);
            if (item.title() == null || item.title().isBlank() || item.title().strip().length() > MAX_PLAN_ITEM) {
                problems.add(FieldProblem.of("plan[" + i + "].title", "campaign.field.required"));
            }
            if (item.dueOn() == null) {
                problems.add(FieldProblem.of("plan[" + i + "].dueOn", "campaign.field.required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TenantConfiguration tenant = rules();
        LocalDate implementationDue = plan.stream().map(PlanItem::dueOn).max(LocalDate::compareTo).orElseThrow();
        Deadline report = deadlines.deadline(tenant, implementationDue.atStartOfDay(tenant.zoneId()).toInstant(),
                tenant.campaigns().reportDue().days(), tenant.campaigns().reportDue().dayType(), false);
        jdbc.sql("delete from campaign_plan_item where tenant_id = ? and campaign_id = ?")
                .params(tenantId(), campaignId).update();
        for (int i = 0; i < plan.size(); i++) {
            jdbc.sql("insert into campaign_plan_item (id, campaign_id, position, title, due_on) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), campaignId, i, plan.get(i).title().strip(), plan.get(i).dueOn())
                    .update();
        }
        jdbc.sql("update campaign set implementation_due_on = ?, report_due_at = ? where tenant_id = ? and id = ?")
                .params(implementationDue, utc(report.dueAt()), tenantId(), campaignId).update();
    }

    /**
     * Publishes the implementation report on the portal (3.14).
     *
     * @throws InvalidInputException at {@code report} when empty, before the plan, or published already
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public void publishReport(UUID campaignId, String report, Actor actor) {
        CampaignSummary campaign = required(campaignId);
        List<FieldProblem> problems = new ArrayList<>();
        String text = text(report, "report", 20_000, problems);
        if (campaign.reportDueAt() == null) {
            problems.add(FieldProblem.of("report", "campaign.report.noPlan"));
        } else if (campaign.reportPublished()) {
            problems.add(FieldProblem.of("report", "campaign.report.alreadyPublished"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("update campaign set report = ?, report_published_at = ? where tenant_id = ? and id = ?")
                .params(text, utc(clock.instant()), tenantId(), campaignId).update();
    }

    /**
     * The campaign's ideas as CSV (UTF-8 text, semicolon-separated as Russian spreadsheets expect), times in the
     * tenant's zone. A cell starting like a formula is prefixed with an apostrophe so a spreadsheet never runs it.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READ_STAFF)
    public String exportIdeasCsv(UUID campaignId) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        ZoneId zone = tenant.zoneId();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        Locale locale = Locale.forLanguageTag(tenant.defaultLocale());
        StringBuilder csv = new StringBuilder();
        csv.append(bundle.getMessage("campaign.csv.header", null, locale)).append("\r\n");
        for (IdeaView idea : ideas(required(campaignId), false)) {
            String reason = idea.refusalReason() == null ? ""
                    : tenant.refusalReason(idea.refusalReason()).map(RefusalReason::title).orElse(idea.refusalReason());
            csv.append(String.join(";", cell(idea.submittedAt().atZone(zone).format(format)),
                    cell(bundle.getMessage("campaign.status." + idea.status(), null, locale)), cell(idea.title()),
                    cell(idea.text()), cell(idea.authorName()), cell(reason), cell(idea.reply()),
                    cell(idea.winner() ? "1" : "0"), cell(String.valueOf(idea.comments().stream()
                            .filter(c -> c.status() == ContentStatus.PUBLISHED).count()))))
                    .append("\r\n");
        }
        return csv.toString();
    }

    // --- internals ---------------------------------------------------------------------------------------------

    private record IdeaRow(UUID id, UUID campaignId, UUID authorId, String title, ContentStatus status) {
    }

    private record CommentRow(UUID id, UUID ideaId, UUID campaignId, UUID authorId, String ideaTitle) {
    }

    private IdeaRow idea(UUID ideaId) {
        return jdbc.sql("select id, campaign_id, author_id, title, status from campaign_idea"
                        + " where tenant_id = ? and id = ?")
                .params(tenantId(), ideaId)
                .query((rs, i) -> new IdeaRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), ContentStatus.valueOf(rs.getString(5))))
                .optional().orElseThrow(() -> new IllegalArgumentException("No idea " + ideaId + " in this tenant"));
    }

    private CommentRow comment(UUID commentId) {
        return jdbc.sql("select m.id, i.id, i.campaign_id, m.author_id, i.title from campaign_comment m"
                        + " join campaign_idea i on i.id = m.idea_id where m.tenant_id = ? and m.id = ?")
                .params(tenantId(), commentId)
                .query((rs, i) -> new CommentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("No comment " + commentId + " in this tenant"));
    }

    private List<IdeaView> ideas(CampaignSummary campaign, boolean publicOnly) {
        String status = publicOnly ? " and status = 'PUBLISHED'" : "";
        List<CommentView> comments = jdbc.sql("select m.id, m.idea_id, m.text, m.author_name, m.submitted_at,"
                        + " m.status from campaign_comment m join campaign_idea i on i.id = m.idea_id"
                        + " where m.tenant_id = ? and i.campaign_id = ?" + status.replace("status", "m.status")
                        + " order by m.submitted_at")
                .params(tenantId(), campaign.id())
                .query((rs, i) -> new CommentView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), instant(rs.getObject(5, OffsetDateTime.class)),
                        ContentStatus.valueOf(rs.getString(6))))
                .list();
        Map<UUID, List<CommentView>> byIdea = comments.stream().collect(Collectors.groupingBy(CommentView::ideaId));
        boolean winnersShown = !publicOnly || campaign.winnersPublished();
        return jdbc.sql("select id, title, text, author_id, author_name, submitted_at, status, winner, refusal_reason,"
                        + " reply from campaign_idea where tenant_id = ? and campaign_id = ?" + status
                        + " order by winner desc, submitted_at")
                .params(tenantId(), campaign.id())
                .query((rs, i) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new IdeaView(id, campaign.id(), rs.getString(2), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getString(5),
                            instant(rs.getObject(6, OffsetDateTime.class)), ContentStatus.valueOf(rs.getString(7)),
                            winnersShown && rs.getBoolean(8), publicOnly ? null : rs.getString(9),
                            publicOnly ? null : rs.getString(10), byIdea.getOrDefault(id, List.of()));
                })
                .list();
    }

    private CampaignSummary summary(ResultSet rs, Instant now) throws SQLException {
        Instant starts = instant(rs.getObject(6, OffsetDateTime.class));
        Instant ends = instant(rs.getObject(7, OffsetDateTime.class));
        Instant resultsDue = instant(rs.getObject(9, OffsetDateTime.class));
        Instant resultsSent = instant(rs.getObject(10, OffsetDateTime.class));
        Instant reportDue = instant(rs.getObject(12, OffsetDateTime.class));
        Instant reportPublished = instant(rs.getObject(13, OffsetDateTime.class));
        CampaignSummary.Phase phase = now.isBefore(starts) ? CampaignSummary.Phase.UPCOMING
                : now.isBefore(ends) ? CampaignSummary.Phase.OPEN : CampaignSummary.Phase.FINISHED;
        boolean resultsOverdue = (resultsSent == null ? now : resultsSent).isAfter(resultsDue);
        boolean reportOverdue = reportDue != null && (reportPublished == null ? now : reportPublished).isAfter(reportDue);
        return new CampaignSummary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), starts, ends, phase, rs.getLong(14), rs.getLong(15),
                instant(rs.getObject(8, OffsetDateTime.class)), resultsDue, resultsSent, resultsOverdue,
                rs.getObject(11, LocalDate.class), reportDue, reportPublished, reportOverdue);
    }

    private CampaignSummary required(UUID campaignId) {
        return campaign(campaignId)
                .orElseThrow(() -> new IllegalArgumentException("No campaign " + campaignId + " in this tenant"));
    }

    private Account resident(Actor author, List<FieldProblem> problems) {
        Account account = author == null || author.accountId() == null ? null
                : accounts.find(author.accountId()).orElse(null);
        if (account == null) {
            throw new IllegalArgumentException("Only a signed-in resident of this tenant takes part in a campaign");
        }
        if (account.isBlocked()) {
            problems.add(FieldProblem.of("campaign", "campaign.author.blocked"));
        }
        return account;
    }

    private RefusalReason refusal(String reasonCode, String reply) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<RefusalReason> reason = reasonCode == null ? Optional.empty()
                : tenants.currentConfiguration().refusalReason(reasonCode);
        if (reason.isEmpty()) {
            problems.add(FieldProblem.of("reason", "campaign.refusal.reasonRequired"));
        }
        text(reply, "reply", MAX_REPLY, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return reason.orElseThrow();
    }

    private void notifyAuthor(UUID authorId, String key, String ideaTitle, String reason, String reply) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        Locale locale = Locale.forLanguageTag(tenant.defaultLocale());
        Object[] args = {ideaTitle, reason, reply, tenant.name()};
        accounts.find(authorId).ifPresent(author -> notifications.send(new NotificationRequest(
                new Recipient(author.getId(), author.getEmail(), author.getDisplayName()),
                bundle.getMessage(key + ".subject", args, locale), bundle.getMessage(key + ".body", args, locale),
                null, true)));
    }

    private static InvalidInputException alreadyModerated() {
        return new InvalidInputException(List.of(FieldProblem.of("status", "campaign.moderation.alreadyDone")));
    }

    private static String text(String value, String field, int max, List<FieldProblem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(FieldProblem.of(field, "campaign.field.required"));
        } else if (text.length() > max) {
            problems.add(FieldProblem.of(field, "message.field.tooLong", max));
        }
        return text;
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static Object[] concat(List<Object> head, List<UUID> tail) {
        List<Object> all = new ArrayList<>(head);
        all.addAll(tail);
        return all.toArray();
    }

    private TenantConfiguration rules() {
        TenantConfiguration tenant = tenants.currentConfiguration();
        if (!tenant.features().campaigns() || tenant.campaigns() == null) {
            throw new IllegalStateException("Tenant " + tenant.id() + " runs no idea campaigns");
        }
        return tenant;
    }

    private static String tenantId() {
        return TenantContext.getRequiredTenantId().value();
    }
}
