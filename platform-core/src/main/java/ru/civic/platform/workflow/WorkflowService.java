package ru.civic.platform.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.Message.Result;
import ru.civic.platform.message.MessageDeadlines;
import ru.civic.platform.message.MessageNotFoundException;
import ru.civic.platform.message.MessageStore;
import ru.civic.platform.message.MessageTransition;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.Action;
import ru.civic.platform.tenancy.TenantConfiguration.ActionField;
import ru.civic.platform.tenancy.TenantConfiguration.ActionType;
import ru.civic.platform.tenancy.TenantConfiguration.AnswerRatingOption;
import ru.civic.platform.tenancy.TenantConfiguration.Route;
import ru.civic.platform.tenancy.TenantConfiguration.RouteCondition;
import ru.civic.platform.tenancy.TenantConfiguration.Stage;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.workflow.internal.WorkflowNotifications;

/**
 * The workflow engine: one implementation for all tenants, driven by the tenant's {@code workflow} configuration.
 * Every action is checked on the server (stage, role, assignee or author, availability, inputs), applied under the
 * message's row lock, written to the audit trail, and its notifications are queued in the same transaction.
 */
@Service
public class WorkflowService {

    static final int MAX_TEXT = 10_000;

    private final TenantRegistry tenants;
    private final ru.civic.platform.message.Attachments attachments;
    private final MessageStore store;
    private final MessageDeadlines deadlines;
    private final AccountService accounts;
    private final WorkflowNotifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ru.civic.platform.message.Supports supports;

    public WorkflowService(TenantRegistry tenants, ru.civic.platform.message.Attachments attachments, MessageStore store, MessageDeadlines deadlines,
            AccountService accounts, WorkflowNotifications notifications, ApplicationEventPublisher events,
            Clock clock, ru.civic.platform.message.Supports supports) {
        this.supports = supports;
        this.tenants = tenants;
        this.attachments = attachments;
        this.store = store;
        this.deadlines = deadlines;
        this.accounts = accounts;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    /** The actions this actor may take on the message now (what a UI offers; {@link #act} checks again). */
    @Transactional(readOnly = true)
    public List<AvailableAction> availableActions(String number, Actor actor) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        Message message = store.findByNumber(number).orElseThrow(() -> new MessageNotFoundException(number));
        boolean staff = actor.roles().stream().anyMatch(Role::isStaff);
        boolean author = actor.accountId() != null && actor.accountId().equals(message.getAuthorId());
        if (!message.isPublished() && !staff && !author) {
            throw new MessageNotFoundException(number); // unpublished numbers cannot be probed
        }
        Stage stage = tenant.workflow().requiredStage(message.getStage());
        if (actingRole(tenant, stage, message, actor, categoriesOf(actor)).isEmpty()) {
            return List.of();
        }
        return stage.actions().stream()
                .filter(a -> a.availableWhen() == null || holds(a.availableWhen(), tenant, message, null, ActionInput.none()))
                .map(a -> new AvailableAction(a.id(), a.type(), a.name(), a.requires(), a.optional()))
                .toList();
    }

    @Transactional
    public TransitionOutcome act(String number, String actionId, ActionInput input, Actor actor) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        Message message = store.lockByNumber(number);
        Stage stage = tenant.workflow().requiredStage(message.getStage());
        Action action = stage.action(actionId).orElseThrow(() -> new ActionDeniedException(
                ActionDeniedException.Why.NOT_AT_THIS_STAGE,
                "action '" + actionId + "' is not available at stage '" + stage.id() + "'"));
        Set<String> categories = categoriesOf(actor);
        String role = actingRole(tenant, stage, message, actor, categories)
                .orElseThrow(() -> denial(tenant, stage, message, actor, categories));
        if (action.availableWhen() != null && !holds(action.availableWhen(), tenant, message, null, input)) {
            throw new ActionDeniedException(ActionDeniedException.Why.NOT_AVAILABLE,
                    "action '" + actionId + "' needs " + action.availableWhen());
        }
        Inputs inputs = check(tenant, message, action, input);

        Instant now = clock.instant();
        String fromStage = message.getStage();
        String categoryBefore = message.getCategoryId();
        apply(tenant, message, action, input, inputs, actor, now);
        if (!java.util.Objects.equals(categoryBefore, message.getCategoryId()) && message.getDueAt() != null
                && message.getRatedAt() == null && deadlines.countsFromReceipt(tenant, message.getDueRule())) {
            // A category set by the moderator may carry its own period (Tynda's accelerated categories, 3.9):
            // the deadline started at receipt is counted again from the receipt with it.
            String rule = message.getDueRule();
            deadlines.dueAt(tenant, rule, message.getCategoryId(), message.getReceivedAt(), true)
                    .ifPresent(due -> message.startDeadline(rule, due));
        }
        String target = action.routes().stream()
                .filter(r -> holds(r.when(), tenant, message, inputs.rating, input))
                .map(Route::to).findFirst().orElse(action.to());
        if (action.type() == ActionType.AGREE && !message.agree(actor.accountId())) {
            target = fromStage; // Tynda 3.6: approval follows once every agreeing person has agreed
        }
        Stage targetStage = tenant.workflow().requiredStage(target);

        if (action.stopDeadline()) {
            message.stopDeadline();
        }
        if (action.startDeadline() != null) {
            String rule = action.startDeadline();
            // A positive rating closes the message: only a rework restarts the deadline.
            boolean restarts = action.type() != ActionType.RATE || inputs.rating.negative();
            if (restarts) {
                deadlines.dueAt(tenant, rule, message.getCategoryId(), now, false)
                        .ifPresent(due -> message.startDeadline(rule, due));
            }
        }
        if (action.publish()) {
            message.publish();
        }
        if (targetStage.status() == TenantConfiguration.StageStatus.ANSWERED && message.getAnsweredAt() == null) {
            // The answer stands from the moment the message reaches an answered stage, whichever action got it there.
            message.answered(now, message.isPublished());
        }
        if (targetStage.status() == TenantConfiguration.StageStatus.REFUSED
                || targetStage.status() == TenantConfiguration.StageStatus.CLOSED) {
            message.stopDeadline(); // nothing is due from a refused or closed message any more
        }
        if (!target.equals(fromStage)) {
            // A stage entered after receipt (a resubmission, a rework) gets its period from now.
            Instant stageDue = deadlines.dueAt(tenant, targetStage.deadline(), message.getCategoryId(), now, false)
                    .orElse(null);
            message.enterStage(targetStage.id(), targetStage.status(), now, stageDue);
        }
        store.append(new MessageTransition(message.getId(), now, actor.actingAs(role), action.id(),
                action.type().name(), fromStage, target, targetStage.status(), input.reason(),
                firstNonBlank(input.comment(), input.remarks()), details(action, input), input.attachments(),
                message.getDueAt()));
        notifications.afterAction(tenant, message, action, targetStage, input, inputs.reasonTitle);
        events.publishEvent(new MessageTransitioned(tenant.id(), message.getId(), message.getNumber(), action.id(),
                action.type(), fromStage, target, targetStage.status(), message.getAuthorId(), message.isPublished()));
        if (action.type() == ActionType.BLOCK_AUTHOR && message.getAuthorId() != null) {
            events.publishEvent(new AuthorBlocked(tenant.id(), message.getAuthorId(), input.reason(),
                    message.getNumber()));
        }
        return new TransitionOutcome(message.getNumber(), fromStage, target, targetStage.status(), message.getDueAt(),
                message.getStageDueAt());
    }

    /** How many messages a queue looks at, at most (the oldest deadlines first). */
    static final int QUEUE_SCAN = 2_000;

    /**
     * What waits for this actor now: messages at stages where they may act (by role and organisation, or because the
     * message names them), overdue work first, then the nearest deadline, then the oldest.
     */
    @Transactional(readOnly = true)
    public List<QueueItem> queue(Actor actor) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        Instant now = clock.instant();
        List<String> stages = tenant.workflow().stages().stream()
                .filter(s -> !s.actions().isEmpty())
                .filter(s -> s.designated() != null || s.roles().stream()
                        .anyMatch(r -> !Stage.AUTHOR.equals(r) && actor.has(Role.valueOf(r))))
                .map(Stage::id).toList();
        if (stages.isEmpty()) {
            return List.of();
        }
        java.util.Comparator<QueueItem> order = java.util.Comparator.comparing((QueueItem q) -> !q.overdue())
                .thenComparing(QueueItem::nearestDue, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(QueueItem::receivedAt);
        Set<String> categories = categoriesOf(actor);
        return store.inStages(stages, QUEUE_SCAN).stream()
                .filter(m -> actingRole(tenant, tenant.workflow().requiredStage(m.getStage()), m, actor, categories)
                        .isPresent())
                .map(m -> queueItem(tenant, m, now))
                .sorted(order)
                .toList();
    }

    /**
     * Everything in flight in the tenant (the curator's view): messages at any stage with actions left, overdue
     * first, whoever holds them.
     */
    @Transactional(readOnly = true)
    @org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('CURATOR','OPERATOR','ANALYST')")
    public List<QueueItem> inFlight() {
        TenantConfiguration tenant = tenants.currentConfiguration();
        Instant now = clock.instant();
        List<String> stages = tenant.workflow().stages().stream().filter(s -> !s.actions().isEmpty())
                .filter(s -> !s.status().isClosed()).map(Stage::id).toList();
        return store.inStages(stages, QUEUE_SCAN).stream()
                .map(m -> queueItem(tenant, m, now))
                .sorted(java.util.Comparator.comparing((QueueItem q) -> !q.overdue())
                        .thenComparing(QueueItem::nearestDue,
                                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                        .thenComparing(QueueItem::receivedAt))
                .toList();
    }

    private static QueueItem queueItem(TenantConfiguration tenant, Message m, Instant now) {
        boolean overdue = (m.getStageDueAt() != null && m.getStageDueAt().isBefore(now))
                || (m.getDueAt() != null && m.getDueAt().isBefore(now));
        String text = ru.civic.platform.message.MessageLookup.excerpt(m.getText(), 200);
        return new QueueItem(m.getNumber(), m.getStage(),
                tenant.workflow().stage(m.getStage()).map(Stage::name).orElse(m.getStage()), m.getStatus(),
                m.getCategoryId(), m.getCategoryId() == null ? null
                        : tenant.category(m.getCategoryId()).map(TenantConfiguration.Category::name).orElse(null),
                m.getOrganisationId(), m.getOrganisationId() == null ? null
                        : tenant.organisation(m.getOrganisationId()).map(TenantConfiguration.Organisation::name)
                                .orElse(null),
                m.getDistrictId(), m.getDistrictId() == null ? null
                        : tenant.district(m.getDistrictId()).map(TenantConfiguration.District::name).orElse(null),
                m.getReceivedAt(), m.getStageDueAt(), m.getDueAt(), overdue, text);
    }

    /** The role in which the actor acts at this stage, if any. */
    private static Optional<String> actingRole(TenantConfiguration tenant, Stage stage, Message message, Actor actor,
            Set<String> categories) {
        if (stage.actedByAuthor() && actor.accountId() != null && actor.accountId().equals(message.getAuthorId())) {
            return Optional.of(Stage.AUTHOR);
        }
        List<UUID> designated = message.designated(stage.designated());
        if (!designated.isEmpty()) {
            // The message names who acts here (Tynda 3.5–3.7): only they, and they even without the stage's role.
            return designated.contains(actor.accountId())
                    ? Optional.of(stage.roles().stream().filter(r -> !Stage.AUTHOR.equals(r)).findFirst()
                            .orElse(Stage.AUTHOR))
                    : Optional.empty();
        }
        return stage.roles().stream()
                .filter(r -> !Stage.AUTHOR.equals(r) && actor.has(Role.valueOf(r)))
                .filter(r -> !ANSWERING_ROLES.contains(Role.valueOf(r)) || servesOrganisation(tenant, actor, message))
                .filter(r -> !CATEGORY_ROLES.contains(Role.valueOf(r)) || handlesCategory(tenant, categories, message))
                .findFirst();
    }

    /**
     * Roles bound to the categories their account names, if it names any (Zarechny appendix 2: moderators and
     * executors per problem type); the operator sets them in the staff reference.
     */
    private static final java.util.Set<Role> CATEGORY_ROLES = java.util.EnumSet.of(Role.MODERATOR, Role.COORDINATOR,
            Role.EXECUTOR);

    /**
     * The categories the acting person handles, read from their account rather than carried by {@link Actor}, so a
     * change by the operator counts at once; none for an integration channel.
     */
    private Set<String> categoriesOf(Actor actor) {
        return actor.accountId() == null ? Set.of()
                : accounts.find(actor.accountId()).map(Account::getCategories).orElse(Set.of());
    }

    /**
     * The message's category is one of these or below one of them. No categories = every category; a message not
     * yet categorised is everyone's (someone has to categorise it).
     */
    private static boolean handlesCategory(TenantConfiguration tenant, Set<String> categories, Message message) {
        if (categories.isEmpty() || message.getCategoryId() == null) {
            return true;
        }
        return tenant.categoryPath(message.getCategoryId()).stream().anyMatch(c -> categories.contains(c.id()));
    }

    /** Roles that act for an organisation: its officials answer its messages, not another body's. */
    private static final java.util.Set<Role> ANSWERING_ROLES = java.util.EnumSet.of(Role.EXECUTOR, Role.HEAD);

    /** The actor belongs to the message's organisation or to a body above it (or to none: serves every body). */
    private static boolean servesOrganisation(TenantConfiguration tenant, Actor actor, Message message) {
        if (actor.organisation() == null || message.getOrganisationId() == null) {
            return true;
        }
        String org = message.getOrganisationId();
        for (int depth = 0; org != null && depth < 20; depth++) {
            if (org.equals(actor.organisation())) {
                return true;
            }
            org = tenant.organisation(org).map(TenantConfiguration.Organisation::parent).orElse(null);
        }
        return false;
    }

    private static ActionDeniedException denial(TenantConfiguration tenant, Stage stage, Message message, Actor actor,
            Set<String> categories) {
        if (stage.actedByAuthor() && stage.roles().size() == 1) {
            return new ActionDeniedException(ActionDeniedException.Why.NOT_AUTHOR,
                    "only the author acts at stage '" + stage.id() + "'");
        }
        if (!message.designated(stage.designated()).isEmpty()) {
            return new ActionDeniedException(ActionDeniedException.Why.NOT_ASSIGNEE,
                    "message " + message.getNumber() + " is in the hands of another official at stage '"
                            + stage.id() + "'");
        }
        boolean roleHeld = stage.roles().stream().anyMatch(r -> !Stage.AUTHOR.equals(r) && actor.has(Role.valueOf(r)));
        if (roleHeld && !servesOrganisation(tenant, actor, message)) {
            return new ActionDeniedException(ActionDeniedException.Why.OTHER_ORGANISATION,
                    "message " + message.getNumber() + " is with organisation " + message.getOrganisationId());
        }
        if (roleHeld && !handlesCategory(tenant, categories, message)) {
            return new ActionDeniedException(ActionDeniedException.Why.OTHER_CATEGORY,
                    "message " + message.getNumber() + " is in category " + message.getCategoryId()
                            + ", which this official does not handle");
        }
        return new ActionDeniedException(ActionDeniedException.Why.ROLE,
                "stage '" + stage.id() + "' is worked by " + stage.roles());
    }

    private boolean holds(RouteCondition condition, TenantConfiguration tenant, Message message,
            AnswerRatingOption rating, ActionInput input) {
        return switch (condition) {
            case REDIRECTED -> message.isRedirected();
            case AGREEING_SET -> !input.agreeingIds().isEmpty();
            case NEGATIVE_RATING -> rating != null && rating.negative();
            case RESULT_POSTPONED -> input.result() == Result.POSTPONED;
            case INVITED_TO_CORRECT -> message.getRefusalReason() != null
                    && tenant.refusalReason(message.getRefusalReason())
                            .map(TenantConfiguration.RefusalReason::inviteToCorrect).orElse(false);
        };
    }

    /** Checked inputs that later steps need. */
    private record Inputs(AnswerRatingOption rating, String reasonTitle, Message original) {
    }

    private Inputs check(TenantConfiguration tenant, Message message, Action action, ActionInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<ActionField, Object> given = given(in);
        for (ActionField field : ActionField.values()) {
            Object value = given.get(field);
            boolean present = value != null;
            if (action.requires().contains(field) && !present) {
                problems.add(FieldProblem.of(fieldName(field), "workflow.field.required", action.name()));
            } else if (present && !action.accepts(field)) {
                problems.add(FieldProblem.of(fieldName(field), "workflow.field.notAccepted", action.name()));
            }
        }
        String reasonTitle = null;
        if (in.reason() != null) {
            reasonTitle = tenant.refusalReason(in.reason()).map(TenantConfiguration.RefusalReason::title).orElse(null);
            if (reasonTitle == null) {
                problems.add(FieldProblem.of("reason", "workflow.reason.unknown", in.reason()));
            }
        }
        if (in.categoryId() != null && tenant.category(in.categoryId()).isEmpty()) {
            problems.add(FieldProblem.of("categoryId", "message.category.unknown", in.categoryId()));
        }
        if (in.organisationId() != null && tenant.organisation(in.organisationId()).isEmpty()) {
            problems.add(FieldProblem.of("organisationId", "workflow.organisation.unknown", in.organisationId()));
        }
        if (action.type() == ActionType.REDIRECT && in.organisationId() != null
                && in.organisationId().equals(message.getOrganisationId())) {
            problems.add(FieldProblem.of("organisationId", "workflow.organisation.same"));
        }
        checkAccount(in.executorId(), Role.EXECUTOR, "executorId", problems);
        checkAccount(in.headId(), Role.HEAD, "headId", problems);
        for (int i = 0; i < in.agreeingIds().size(); i++) {
            checkAccount(in.agreeingIds().get(i), null, "agreeingIds[" + i + "]", problems);
        }
        AnswerRatingOption rating = null;
        if (in.rating() != null) {
            rating = tenant.answerRating(in.rating()).orElse(null);
            if (rating == null) {
                problems.add(FieldProblem.of("rating", "workflow.rating.unknown", in.rating()));
            } else if (rating.negative() && isBlank(in.remarks())) {
                // Zarechny 7.3: a negative rating must say what is wrong.
                problems.add(FieldProblem.of("remarks", "workflow.rating.remarksRequired"));
            }
        }
        if (in.result() == Result.POSTPONED) {
            if (in.postponeUntil() == null) {
                problems.add(FieldProblem.of("postponeUntil", "workflow.postpone.dateRequired"));
            }
        }
        if (in.postponeUntil() != null
                && !in.postponeUntil().isAfter(LocalDate.ofInstant(clock.instant(), tenant.zoneId()))) {
            problems.add(FieldProblem.of("postponeUntil", "workflow.postpone.future"));
        }
        for (int i = 0; i < in.attachments().size(); i++) {
            if (!attachments.exists(in.attachments().get(i))) {
                problems.add(FieldProblem.of("attachments[" + i + "]", "workflow.attachment.unknown"));
            }
        }
        String[][] texts = { { "comment", in.comment() }, { "answer", in.answer() }, { "remarks", in.remarks() },
                { "text", in.text() } };
        for (String[] text : texts) {
            if (text[1] != null && text[1].length() > MAX_TEXT) {
                problems.add(FieldProblem.of(text[0], "message.text.tooLong", MAX_TEXT, text[1].length()));
            }
        }
        if (in.executorPosition() != null && in.executorPosition().length() > 255) {
            problems.add(FieldProblem.of("executorPosition", "message.field.tooLong", 255));
        }
        if (action.type() == ActionType.RESUBMIT && in.text() != null && in.text().strip().equals(message.getText())) {
            problems.add(FieldProblem.of("text", "workflow.resubmit.unchanged"));
        }
        Message original = in.duplicateOf() == null ? null : duplicated(message, in.duplicateOf().strip(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Inputs(rating, reasonTitle, original);
    }

    /**
     * The earlier message this one repeats: of this tenant, received before it, still in work (a repeat of a closed
     * message is a new matter), and not itself a removed repeat.
     */
    private Message duplicated(Message message, String number, List<FieldProblem> problems) {
        Optional<Message> found = store.findByNumber(number);
        if (found.isEmpty()) {
            problems.add(FieldProblem.of("duplicateOf", "workflow.duplicate.unknown", number));
            return null;
        }
        Message original = found.get();
        if (original.getId().equals(message.getId())) {
            problems.add(FieldProblem.of("duplicateOf", "workflow.duplicate.self"));
        } else if (original.getReceivedAt().isAfter(message.getReceivedAt())) {
            problems.add(FieldProblem.of("duplicateOf", "workflow.duplicate.later", number));
        } else if (original.getStatus().isClosed() || original.getDuplicateOf() != null) {
            problems.add(FieldProblem.of("duplicateOf", "workflow.duplicate.closed", number));
        }
        return original;
    }

    private void checkAccount(UUID id, Role role, String field, List<FieldProblem> problems) {
        if (id == null) {
            return;
        }
        Optional<Account> account = accounts.find(id);
        if (account.isEmpty() || !account.get().isEnabled() || (role != null && !account.get().getRoles().contains(role))) {
            problems.add(FieldProblem.of(field, "workflow.account.unsuitable", role == null ? "" : role.name()));
        }
    }

    private void apply(TenantConfiguration tenant, Message m, Action action, ActionInput in, Inputs inputs,
            Actor actor, Instant now) {
        if (in.categoryId() != null) {
            m.categorise(in.categoryId(), tenant.responsibleOrganisation(in.categoryId()).orElse(null));
        }
        if (in.publicity() != null) {
            m.decidePublicity(in.publicity());
        }
        switch (action.type()) {
            case REFUSE -> m.refuse(in.reason());
            case BLOCK_AUTHOR -> {
                m.refuse(in.reason());
                if (m.getAuthorId() != null) {
                    accounts.block(m.getAuthorId(), inputs.reasonTitle + (isBlank(in.comment()) ? "" : ": " + in.comment()), now);
                }
            }
            case REGISTER -> {
                m.register(now);
                if (in.organisationId() != null) {
                    m.route(in.organisationId());
                }
            }
            case ROUTE, ACCEPT -> {
                if (in.organisationId() != null) {
                    m.route(in.organisationId());
                }
                if (m.getRegisteredAt() == null) {
                    m.register(now);
                }
            }
            case REDIRECT -> m.redirect(in.organisationId());
            case ASSIGN_EXECUTOR -> m.assign(in.executorId());
            case TAKE_INTO_WORK -> m.assign(actor.accountId());
            case ANSWER, SEND_TO_AGREEMENT, SEND_TO_APPROVAL, AGREE -> {
                m.prepareAnswer(in.answer(), in.result(), in.postponeUntil(), in.executorPosition(), in.attachments());
                m.planApproval(in.headId(), in.agreeingIds().isEmpty() ? null : in.agreeingIds());
            }
            case APPROVE -> m.prepareAnswer(in.answer(), null, null, null, in.attachments());
            case PUBLISH_ANSWER -> m.answered(now, true);
            case SEND_ANSWER -> m.answered(now, false);
            case POSTPONE -> m.postpone(in.postponeUntil());
            case RATE -> {
                m.rate(in.rating(), in.remarks(), now);
                if (inputs.rating.negative()) {
                    m.reopenForRework();
                }
            }
            case SEND_TO_REWORK, REJECT -> m.reopenForRework();
            case RESUBMIT -> m.correct(in.text().strip(), in.categoryId());
            case MERGE_DUPLICATE -> {
                m.markDuplicateOf(inputs.original().getId());
                supports.mergeInto(m.getId(), inputs.original().getId(), m.getAuthorId());
            }
            default -> {
            }
        }
    }

    private static Map<ActionField, Object> given(ActionInput in) {
        Map<ActionField, Object> given = new LinkedHashMap<>();
        given.put(ActionField.REASON, blankToNull(in.reason()));
        given.put(ActionField.COMMENT, blankToNull(in.comment()));
        given.put(ActionField.CATEGORY, blankToNull(in.categoryId()));
        given.put(ActionField.ORGANISATION, blankToNull(in.organisationId()));
        given.put(ActionField.EXECUTOR, in.executorId());
        given.put(ActionField.EXECUTOR_POSITION, blankToNull(in.executorPosition()));
        given.put(ActionField.RESULT, in.result());
        given.put(ActionField.POSTPONE_UNTIL, in.postponeUntil());
        given.put(ActionField.ANSWER, blankToNull(in.answer()));
        given.put(ActionField.HEAD, in.headId());
        given.put(ActionField.AGREEING, in.agreeingIds().isEmpty() ? null : in.agreeingIds());
        given.put(ActionField.PUBLICITY, in.publicity());
        given.put(ActionField.RATING, blankToNull(in.rating()));
        given.put(ActionField.REMARKS, blankToNull(in.remarks()));
        given.put(ActionField.ATTACHMENTS, in.attachments().isEmpty() ? null : in.attachments());
        given.put(ActionField.TEXT, blankToNull(in.text()));
        given.put(ActionField.DUPLICATE_OF, blankToNull(in.duplicateOf()));
        return given;
    }

    private static Map<String, Object> details(Action action, ActionInput in) {
        Map<String, Object> details = new LinkedHashMap<>();
        given(in).forEach((field, value) -> {
            if (value != null && field != ActionField.COMMENT && field != ActionField.REASON
                    && field != ActionField.ATTACHMENTS) {
                details.put(fieldName(field), value instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList() : String.valueOf(value));
            }
        });
        details.put("actionName", action.name());
        return details;
    }

    /** The API's name of an input (what a field error points at). */
    public static String fieldName(ActionField field) {
        return switch (field) {
            case REASON -> "reason";
            case COMMENT -> "comment";
            case CATEGORY -> "categoryId";
            case ORGANISATION -> "organisationId";
            case EXECUTOR -> "executorId";
            case EXECUTOR_POSITION -> "executorPosition";
            case RESULT -> "result";
            case POSTPONE_UNTIL -> "postponeUntil";
            case ANSWER -> "answer";
            case HEAD -> "headId";
            case AGREEING -> "agreeingIds";
            case PUBLICITY -> "publicity";
            case RATING -> "rating";
            case REMARKS -> "remarks";
            case ATTACHMENTS -> "attachments";
            case TEXT -> "text";
            case DUPLICATE_OF -> "duplicateOf";
        };
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstNonBlank(String a, String b) {
        return isBlank(a) ? blankToNull(b) : a;
    }
}
