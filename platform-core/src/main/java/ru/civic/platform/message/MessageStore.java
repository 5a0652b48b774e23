package ru.civic.platform.message;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.message.internal.MessageRepository;
import ru.civic.platform.message.internal.TransitionRepository;

/**
 * Reading and locking messages of the current tenant, and appending to their audit trail. The workflow engine and
 * the deadline watch change messages only through a row locked here, inside their own transaction.
 */
@Service
@Transactional(readOnly = true)
public class MessageStore {

    private final MessageRepository messages;
    private final TransitionRepository transitions;

    public MessageStore(MessageRepository messages, TransitionRepository transitions) {
        this.messages = messages;
        this.transitions = transitions;
    }

    public Optional<Message> findByNumber(String number) {
        return messages.findByNumber(number);
    }

    public Optional<Message> find(UUID id) {
        return messages.findById(id);
    }

    /** The message, locked until the caller's transaction ends: actions on one message are serialised. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Message lockByNumber(String number) {
        return messages.lockByNumber(number).orElseThrow(() -> new MessageNotFoundException(number));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Message> lock(UUID id) {
        return messages.lockById(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(MessageTransition transition) {
        transitions.save(transition);
    }

    public List<MessageTransition> history(UUID messageId) {
        return transitions.findByMessageIdOrderByIdAsc(messageId);
    }

    public List<Message> byAuthor(UUID authorId) {
        return messages.findByAuthorIdOrderByReceivedAtDesc(authorId);
    }

    /** Work waiting in these stages, the nearest stage deadline first. */
    public List<Message> inStages(Collection<String> stages, int limit) {
        return messages.findByStageInOrderByStageDueAtAscReceivedAtAsc(stages, PageRequest.of(0, limit));
    }

    /** Published messages matching a feed query (categories already expanded to their subcategories). */
    public Page<Message> publishedMatching(FeedQuery query, Set<String> categories, ZoneId zone) {
        Specification<Message> spec = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.isTrue(root.get("published")));
            if (!categories.isEmpty()) {
                where.add(root.get("categoryId").in(categories));
            }
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            }
            if (query.districtId() != null) {
                where.add(cb.equal(root.get("districtId"), query.districtId()));
            }
            if (query.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("receivedAt"), query.from().atStartOfDay(zone).toInstant()));
            }
            if (query.to() != null) {
                where.add(cb.lessThan(root.get("receivedAt"), query.to().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Sort sort = query.order() == FeedQuery.Order.MOST_SUPPORTED
                ? Sort.by(Sort.Order.desc("supportCount"), Sort.Order.desc("receivedAt"))
                : Sort.by(Sort.Order.desc("receivedAt"));
        return messages.findAll(spec, PageRequest.of(query.page(), query.size(), sort));
    }

    public List<Message> published(int limit) {
        return messages.findByPublishedTrueOrderByReceivedAtDesc(PageRequest.of(0, limit));
    }

    /** Messages whose deadline or stage deadline passed and whose breach was not yet handled. */
    public List<UUID> overdue(Instant now, int limit) {
        return messages.findOverdue(now, PageRequest.of(0, limit));
    }
}
