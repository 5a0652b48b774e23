package ru.civic.platform.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.internal.MessageNumbers;
import ru.civic.platform.message.internal.MessageRepository;
import ru.civic.platform.photo.PhotoRejectedException;
import ru.civic.platform.photo.PhotoService;
import ru.civic.platform.photo.StoredPhoto;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.IntakeRules;
import ru.civic.platform.tenancy.TenantConfiguration.MessageKind;
import ru.civic.platform.tenancy.TenantConfiguration.Stage;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Receives messages from every channel (portal, REST API, Open311): checks them against the tenant's intake and photo
 * rules, collecting every problem at once; stores the re-encoded photos; numbers the message; puts it into the
 * workflow's first stage with its deadlines; and records the first line of its audit trail.
 */
@Service
public class MessageIntake {

    static final int MAX_TEXT = 10_000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** A phone clock a little ahead of the server's is not a date in the future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final TenantRegistry tenants;
    private final MessageRepository messages;
    private final MessageStore store;
    private final MessageNumbers numbers;
    private final MessageDeadlines deadlines;
    private final PhotoService photos;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public MessageIntake(TenantRegistry tenants, MessageRepository messages, MessageStore store,
            MessageNumbers numbers, MessageDeadlines deadlines, PhotoService photos, AccountService accounts,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.tenants = tenants;
        this.messages = messages;
        this.store = store;
        this.numbers = numbers;
        this.deadlines = deadlines;
        this.photos = photos;
        this.accounts = accounts;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException with every problem found; nothing is stored then
     */
    public Receipt submit(SubmitMessage submission, Author author, Message.Channel channel) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        if (submission.externalId() != null) {
            Optional<Message> earlier = messages.findByChannelAndExternalId(channel, submission.externalId());
            if (earlier.isPresent()) {
                return receipt(earlier.get(), true);
            }
        }
        Instant now = clock.instant();
        List<FieldProblem> problems = check(tenant, submission, author, now);
        List<StoredPhoto> stored = List.of();
        try {
            if (!problems.isEmpty()) {
                photos.check(tenant, submission.photos()); // only to report the photos' problems too, all at once
            } else if (!submission.photos().isEmpty()) {
                stored = photos.accept(tenant, submission.photos());
            }
        } catch (PhotoRejectedException e) {
            e.problems().forEach(p -> problems.add(new FieldProblem(p.field(), p.code(), p.args())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // The number is taken first, on its own (an autocommitted upsert outside the message's transaction): the
        // tenant's counter row is then locked for one statement, not for the whole insert, so a tenant's
        // submissions do not queue behind each other (docs/benchmarks/intake-and-supports.md). A failure after
        // this leaves a gap in the numbers, never a duplicate.
        String number;
        try {
            number = numbers.next(tenant, now);
        } catch (RuntimeException e) {
            photos.delete(stored);
            throw e;
        }
        List<StoredPhoto> accepted = stored;
        return transactions.execute(status -> {
            deletePhotosOnRollback(accepted);
            return store(tenant, submission, author, channel, number, accepted, now);
        });
    }

    private Receipt store(TenantConfiguration tenant, SubmitMessage submission, Author author,
            Message.Channel channel, String number, List<StoredPhoto> stored, Instant now) {
        IntakeRules intake = tenant.intake();
        MessageKind kind = submission.kind() == null ? intake.kinds().getFirst() : submission.kind();
        String category = blankToNull(submission.categoryId());
        String organisation = category == null ? null : tenant.responsibleOrganisation(category).orElse(null);
        Stage start = tenant.workflow().requiredStage(tenant.workflow().start());
        Message message = new Message(UUID.randomUUID(), number, kind, channel,
                submission.externalId(), author, submission.text().strip(), category, organisation,
                submission.place(), submission.occurredAt(), submission.publicityConfirmed(), start.id(),
                start.status(), now, submission.correctionOf());
        if (submission.place() != null && submission.place().hasPoint()) {
            tenant.districtAt(submission.place().latitude(), submission.place().longitude())
                    .ifPresent(d -> message.placeInDistrict(d.id()));
        }
        message.attachPhotos(stored.stream().map(p -> new MessagePhoto(p.key(), p.thumbnailKey(), p.width(),
                p.height(), p.bytes(), p.contentType())).toList());
        Instant stageDue = deadlines.dueAt(tenant, start.deadline(), category, now, true).orElse(null);
        message.enterStage(start.id(), start.status(), now, stageDue);
        String rule = tenant.workflow().deadline();
        deadlines.dueAt(tenant, rule, category, now, true).ifPresent(due -> message.startDeadline(rule, due));
        messages.saveAndFlush(message); // a concurrent twin with the same externalId fails here (see the API layer)
        store.append(new MessageTransition(message.getId(), now,
                new Actor(author.accountId(), author.name(), null, null, author.accountId() == null ? null : "AUTHOR"),
                MessageTransition.RECEIVED, MessageTransition.RECEIVED, null, start.id(), start.status(), null, null,
                Map.of("channel", channel.name()), List.of(),
                message.getDueAt() != null ? message.getDueAt() : stageDue));
        events.publishEvent(new MessageSubmitted(tenant.id(), message.getId(), message.getNumber(),
                author.accountId(), start.id(), now));
        return receipt(message, false);
    }

    /** Files are not transactional: if the message is not saved after all, its photos must not stay behind. */
    private void deletePhotosOnRollback(List<StoredPhoto> stored) {
        if (stored.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    photos.delete(stored);
                }
            }
        });
    }

    private List<FieldProblem> check(TenantConfiguration tenant, SubmitMessage s, Author author, Instant now) {
        IntakeRules intake = tenant.intake();
        List<FieldProblem> problems = new ArrayList<>();
        if (author.accountId() != null) {
            accounts.find(author.accountId()).filter(Account::isBlocked)
                    .ifPresent(a -> problems.add(FieldProblem.of("author", "message.author.blocked")));
        }
        if (s.text() == null || s.text().isBlank()) {
            problems.add(FieldProblem.of("text", "message.text.required"));
        } else if (s.text().length() > MAX_TEXT) {
            problems.add(FieldProblem.of("text", "message.text.tooLong", MAX_TEXT, s.text().length()));
        }
        if (s.kind() != null && !intake.kinds().contains(s.kind())) {
            problems.add(FieldProblem.of("kind", "message.kind.notAccepted", s.kind().name()));
        }
        String category = blankToNull(s.categoryId());
        if (category == null && intake.categoryRequired()) {
            problems.add(FieldProblem.of("categoryId", "message.category.required"));
        } else if (category != null && tenant.category(category).isEmpty()) {
            problems.add(FieldProblem.of("categoryId", "message.category.unknown", category));
        }
        Place place = s.place();
        if (place == null || place.isEmpty()) {
            if (intake.placeRequired()) {
                problems.add(FieldProblem.of("place", "message.place.required"));
            }
        } else {
            if ((place.latitude() == null) != (place.longitude() == null)) {
                problems.add(FieldProblem.of("place", "message.place.incompletePoint"));
            }
            if (place.latitude() != null && (place.latitude().isNaN() || place.latitude() < -90 || place.latitude() > 90)) {
                problems.add(FieldProblem.of("place.latitude", "message.place.latitude", place.latitude()));
            }
            if (place.longitude() != null
                    && (place.longitude().isNaN() || place.longitude() < -180 || place.longitude() > 180)) {
                problems.add(FieldProblem.of("place.longitude", "message.place.longitude", place.longitude()));
            }
            if (place.address() != null && place.address().length() > 500) {
                problems.add(FieldProblem.of("place.address", "message.place.addressTooLong", 500));
            }
        }
        if (s.occurredAt() == null) {
            if (intake.dateTimeRequired()) {
                problems.add(FieldProblem.of("occurredAt", "message.occurredAt.required"));
            }
        } else if (s.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(FieldProblem.of("occurredAt", "message.occurredAt.future"));
        }
        if (intake.publicityConfirmation() && !s.publicityConfirmed()) {
            problems.add(FieldProblem.of("publicityConfirmed", "message.publicity.confirmationRequired"));
        }
        tooLong(problems, "externalId", s.externalId(), 200);
        tooLong(problems, "correctionOf", s.correctionOf(), 40);
        tooLong(problems, "author.name", author.name(), 255);
        tooLong(problems, "author.phone", author.phone(), 50);
        if (author.email() != null && !author.email().isBlank()
                && (author.email().length() > 255 || !EMAIL.matcher(author.email()).matches())) {
            problems.add(FieldProblem.of("author.email", "message.author.email", author.email()));
        }
        return problems;
    }

    private static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(FieldProblem.of(field, "message.field.tooLong", max));
        }
    }

    static Receipt receipt(Message m, boolean repeated) {
        return new Receipt(m.getId(), m.getNumber(), m.getStatus(), m.getReceivedAt(), m.getDueAt(),
                m.getStageDueAt(), repeated);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
