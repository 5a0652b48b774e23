package ru.civic.platform.message;

import java.util.ArrayList;

import org.springframework.data.domain.Page;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.Stage;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Finding a message by its public number (Zarechny 6.5: the answer is reachable by the number) and showing it with
 * its status timeline, to the extent the reader may see it. A message the reader may not see is "not found", so
 * numbers of unpublished messages cannot be probed.
 */
@Service
@Transactional(readOnly = true)
public class MessageLookup {

    private final TenantRegistry tenants;
    private final MessageStore store;
    private final org.springframework.context.MessageSource bundle;

    public MessageLookup(TenantRegistry tenants, MessageStore store, org.springframework.context.MessageSource bundle) {
        this.tenants = tenants;
        this.store = store;
        this.bundle = bundle;
    }

    /** @param reader the signed-in person or channel, or empty for a guest */
    public MessageView view(String number, Optional<Actor> reader) {
        Message m = store.findByNumber(number).orElseThrow(() -> new MessageNotFoundException(number));
        TenantConfiguration tenant = tenants.currentConfiguration();
        boolean staff = reader.map(a -> a.roles().stream().anyMatch(Role::isStaff)).orElse(false);
        boolean mine = reader.map(Actor::accountId).map(id -> id.equals(m.getAuthorId())).orElse(false);
        // Integration channels read what the public reads, unless the operator gave their token a staff role.
        boolean full = staff || mine;
        if (!full && !m.isPublished()) {
            throw new MessageNotFoundException(number);
        }
        return toView(tenant, m, full, mine, staff);
    }

    public List<MessageView> published(int limit) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        return store.published(limit).stream().map(m -> toView(tenant, m, false, false, false)).toList();
    }

    /**
     * The public feed: published messages matching the reader's filters, newest or most supported first. Built from
     * the rows alone (no history, no author), so a page costs two queries whatever its size.
     */
    public FeedPage feed(FeedQuery query) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        Page<Message> page = store.publishedMatching(query, categoryWithDescendants(tenant, query.categoryId()),
                tenant.zoneId());
        List<FeedItem> items = page.getContent().stream().map(m -> new FeedItem(m.getNumber(), m.getKind(),
                m.getStatus(),
                m.getCategoryId() == null ? null
                        : tenant.category(m.getCategoryId()).map(TenantConfiguration.Category::name).orElse(null),
                m.getDistrictId() == null ? null
                        : tenant.district(m.getDistrictId()).map(TenantConfiguration.District::name).orElse(null),
                m.getAddress(), excerpt(m.getText()), m.getSupportCount(), m.getReceivedAt(), m.getLatitude(),
                m.getLongitude(), m.getPhotos().isEmpty() ? null : m.getPhotos().getFirst().thumbnailKey(),
                m.getAnsweredAt() != null && m.isAnswerPublic())).toList();
        return new FeedPage(items, page.getTotalElements(), query.page(), query.size());
    }

    private static final int EXCERPT = 300;

    private static String excerpt(String text) {
        return excerpt(text, EXCERPT);
    }

    /** The start of a text for lists: at most {@code max} characters, cut at a word where one is near, with "…". */
    public static String excerpt(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max) + "…";
    }

    private static java.util.Set<String> categoryWithDescendants(TenantConfiguration tenant, String categoryId) {
        if (categoryId == null) {
            return java.util.Set.of();
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        tenant.category(categoryId).ifPresentOrElse(c -> {
            List<TenantConfiguration.Category> all = new ArrayList<>();
            all.add(c);
            for (int i = 0; i < all.size(); i++) {
                ids.add(all.get(i).id());
                all.addAll(all.get(i).children());
            }
        }, () -> ids.add(categoryId));
        return ids;
    }

    public List<MessageView> mine(Actor author) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        if (author.accountId() == null) {
            return List.of();
        }
        return store.byAuthor(author.accountId()).stream().map(m -> toView(tenant, m, true, true, false)).toList();
    }

    private MessageView toView(TenantConfiguration tenant, Message m, boolean full, boolean mine, boolean staff) {
        Optional<Stage> stage = tenant.workflow().stage(m.getStage());
        boolean answerVisible = m.getAnsweredAt() != null && (full || m.isAnswerPublic());
        // Heads agree and approve the executor's prepared answer before it is given (Tynda 3.6-3.7): staff read the
        // draft (answeredAt still empty); the author and the public only the answer given.
        boolean draftVisible = staff && m.getAnsweredAt() == null && m.getAnswerText() != null;
        MessageView.Answer answer = answerVisible || draftVisible ? new MessageView.Answer(m.getAnswerText(), m.getResult(),
                m.getPostponedUntil(), m.getExecutorPosition(), m.getAnswerAttachments(), m.getAnsweredAt()) : null;
        String reasonTitle = m.getRefusalReason() == null ? null
                : tenant.refusalReason(m.getRefusalReason()).map(TenantConfiguration.RefusalReason::title).orElse(null);
        return new MessageView(m.getNumber(), m.getKind(), m.getStatus(), m.getStage(),
                stage.map(Stage::name).orElse(m.getStage()), m.getText(), m.getCategoryId(),
                m.getCategoryId() == null ? null
                        : tenant.category(m.getCategoryId()).map(TenantConfiguration.Category::name).orElse(null),
                m.getOrganisationId(),
                m.getOrganisationId() == null ? null
                        : tenant.organisation(m.getOrganisationId()).map(TenantConfiguration.Organisation::name)
                                .orElse(null),
                new Place(m.getLatitude(), m.getLongitude(), m.getAddress()), m.getDistrictId(),
                m.getDistrictId() == null ? null
                        : tenant.district(m.getDistrictId()).map(TenantConfiguration.District::name).orElse(null),
                m.getOccurredAt(), m.getReceivedAt(),
                m.getDueAt(), full ? m.getStageDueAt() : null, m.isPublished(), m.getSupportCount(),
                m.getPhotos().stream().map(p -> new MessageView.PhotoRef(p.key(), p.thumbnailKey(), p.width(),
                        p.height())).toList(),
                answer, m.getRating(), full ? m.getRatingRemarks() : null, full ? m.getRefusalReason() : null,
                full ? reasonTitle : null, mine, full ? m.getAuthorName() : null, timeline(tenant, m, full, answerVisible),
                // The earlier message a removed repeat was merged into: its author and staff follow that one.
                full && m.getDuplicateOf() != null ? store.find(m.getDuplicateOf()).map(Message::getNumber).orElse(null)
                        : null);
    }

    private List<MessageView.TimelineEntry> timeline(TenantConfiguration tenant, Message m, boolean full,
            boolean answerVisible) {
        List<MessageView.TimelineEntry> entries = new ArrayList<>();
        java.util.Locale locale = java.util.Locale.forLanguageTag(tenant.defaultLocale());
        String received = bundle.getMessage("timeline.received", null, locale);
        String deadlineMissed = bundle.getMessage("timeline.deadlineMissed", null, locale);
        for (MessageTransition t : store.history(m.getId())) {
            boolean missed = "DEADLINE_MISSED".equals(t.getActionType());
            if (!full && missed) {
                continue;
            }
            String stageName = tenant.workflow().stage(t.getToStage()).map(Stage::name).orElse(t.getToStage());
            String title = MessageTransition.RECEIVED.equals(t.getAction()) ? received
                    : String.valueOf(t.getDetails().getOrDefault("actionName", stageName));
            String reason = t.getReason() == null ? null
                    : tenant.refusalReason(t.getReason()).map(TenantConfiguration.RefusalReason::title)
                            .orElse(t.getReason());
            // The public sees why a message was refused (a reasoned reply), not the staff's internal comments.
            boolean refusal = reason != null;
            String comment = full || refusal ? t.getComment() : null;
            if (!full && !refusal && t.getToStatus() != null && t.getFromStage() != null
                    && t.getFromStage().equals(t.getToStage())) {
                continue; // internal steps (category changed, executor assigned) are not public news
            }
            entries.add(new MessageView.TimelineEntry(t.getAt(), t.getToStatus(), t.getToStage(),
                    missed ? deadlineMissed : title, reason, comment, t.getDueAt()));
        }
        return entries;
    }
}
