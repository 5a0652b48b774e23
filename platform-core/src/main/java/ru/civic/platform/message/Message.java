package ru.civic.platform.message;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import ru.civic.platform.tenancy.TenantConfiguration.MessageKind;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;

/**
 * A citizen's message (problem, proposal or idea) and where it stands in its tenant's workflow. The state columns
 * (stage, deadlines, answer) are the current picture; how it got there is the append-only
 * {@link MessageTransition} trail. Changed only by intake and by the workflow engine, under a row lock.
 */
@Entity
@Table(name = "message")
public class Message {

    public enum Channel { PORTAL, API, OPEN311 }

    /** Tynda 3.5: what the executor reports. */
    public enum Result { RESOLVED, NOT_RESOLVED, POSTPONED, REJECTED }

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false, updatable = false)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "external_id", updatable = false)
    private String externalId;

    @Column(name = "author_id")
    private UUID authorId;
    @Column(name = "author_name")
    private String authorName;
    @Column(name = "author_email")
    private String authorEmail;
    @Column(name = "author_phone")
    private String authorPhone;

    @Column(nullable = false)
    private String text;
    @Column(name = "category_id")
    private String categoryId;
    @Column(name = "organisation_id")
    private String organisationId;
    private Double latitude;
    private Double longitude;
    private String address;
    /** Derived from the point by the tenant's district polygons at intake (the public feed filters by it). */
    @Column(name = "district_id")
    private String districtId;
    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "publicity_confirmed", nullable = false)
    private boolean publicityConfirmed;
    /** False when the moderator decided the message is not public (Volgograd 4.6). */
    @Column(name = "public_allowed", nullable = false)
    private boolean publicAllowed = true;
    @Column(nullable = false)
    private boolean published;
    @Column(name = "answer_public", nullable = false)
    private boolean answerPublic = true;

    @Column(nullable = false)
    private String stage;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StageStatus status;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "due_rule")
    private String dueRule;
    @Column(name = "stage_entered_at", nullable = false)
    private Instant stageEnteredAt;
    @Column(name = "stage_due_at")
    private Instant stageDueAt;
    @Column(name = "overdue_notified", nullable = false)
    private boolean overdueNotified;
    @Column(name = "stage_overdue_notified", nullable = false)
    private boolean stageOverdueNotified;

    @Column(name = "assignee_id")
    private UUID assigneeId;
    @Column(name = "head_id")
    private UUID headId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "agreeing_ids", nullable = false, columnDefinition = "uuid[]")
    private UUID[] agreeingIds = new UUID[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "agreed_ids", nullable = false, columnDefinition = "uuid[]")
    private UUID[] agreedIds = new UUID[0];
    @Column(nullable = false)
    private boolean redirected;
    @Column(name = "refusal_reason")
    private String refusalReason;
    @Column(name = "duplicate_of")
    private UUID duplicateOf;
    @Enumerated(EnumType.STRING)
    private Result result;
    @Column(name = "postponed_until")
    private LocalDate postponedUntil;
    @Column(name = "answer_text")
    private String answerText;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "answer_attachments", nullable = false, columnDefinition = "varchar(300)[]")
    private String[] answerAttachments = new String[0];
    @Column(name = "executor_position")
    private String executorPosition;
    @Column(name = "answered_at")
    private Instant answeredAt;
    private String rating;
    @Column(name = "rating_remarks")
    private String ratingRemarks;
    @Column(name = "rated_at")
    private Instant ratedAt;
    @Column(name = "support_count", nullable = false, insertable = false, updatable = false)
    private int supportCount;
    @Column(name = "correction_of", updatable = false)
    private String correctionOf;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "message_photo", joinColumns = @JoinColumn(name = "message_id"))
    @OrderColumn(name = "position")
    private List<MessagePhoto> photos = new ArrayList<>();

    @Version
    private long version;

    protected Message() {
    }

    Message(UUID id, String number, MessageKind kind, Channel channel, String externalId, Author author, String text,
            String categoryId, String organisationId, Place place, Instant occurredAt, boolean publicityConfirmed,
            String stage, StageStatus status, Instant receivedAt, String correctionOf) {
        this.id = id;
        this.number = number;
        this.kind = kind;
        this.channel = channel;
        this.externalId = externalId;
        this.authorId = author.accountId();
        this.authorName = author.name();
        this.authorEmail = author.email();
        this.authorPhone = author.phone();
        this.text = text;
        this.categoryId = categoryId;
        this.organisationId = organisationId;
        if (place != null) {
            this.latitude = place.latitude();
            this.longitude = place.longitude();
            this.address = place.address();
        }
        this.occurredAt = occurredAt;
        this.publicityConfirmed = publicityConfirmed;
        this.stage = stage;
        this.status = status;
        this.receivedAt = receivedAt;
        this.stageEnteredAt = receivedAt;
        this.correctionOf = correctionOf;
    }

    void placeInDistrict(String districtId) {
        this.districtId = districtId;
    }

    void attachPhotos(List<MessagePhoto> stored) {
        photos.clear();
        photos.addAll(stored);
    }

    // --- changes made by the workflow engine (public: the engine lives in the workflow feature) ---

    public void enterStage(String stageId, StageStatus stageStatus, Instant at, Instant stageDue) {
        this.stage = stageId;
        this.status = stageStatus;
        this.stageEnteredAt = at;
        this.stageDueAt = stageDue;
        this.stageOverdueNotified = false;
    }

    public void startDeadline(String rule, Instant due) {
        this.dueRule = rule;
        this.dueAt = due;
        this.overdueNotified = false;
    }

    public void stopDeadline() {
        this.dueAt = null;
        this.overdueNotified = false;
    }

    public void markOverdueNotified() {
        this.overdueNotified = true;
    }

    public void markStageOverdueNotified() {
        this.stageOverdueNotified = true;
    }

    public void publish() {
        if (publicAllowed) {
            this.published = true;
        }
    }

    public void unpublish() {
        this.published = false;
    }

    public void decidePublicity(boolean allowed) {
        this.publicAllowed = allowed;
        if (!allowed) {
            this.published = false;
        }
    }

    public void register(Instant at) {
        this.registeredAt = at;
    }

    public void categorise(String category, String organisation) {
        this.categoryId = category;
        if (organisation != null) {
            this.organisationId = organisation;
        }
    }

    public void route(String organisation) {
        this.organisationId = organisation;
    }

    public void redirect(String organisation) {
        this.organisationId = organisation;
        this.redirected = true;
        this.assigneeId = null;
    }

    public void assign(UUID assignee) {
        this.assigneeId = assignee;
    }

    /** Removed as a repeat of an earlier message; it leaves the public feed like a refused one. */
    public void markDuplicateOf(UUID original) {
        this.duplicateOf = original;
        this.published = false;
    }

    public UUID getDuplicateOf() {
        return duplicateOf;
    }

    public void refuse(String reason) {
        this.refusalReason = reason;
        this.published = false;
    }

    public void planApproval(UUID head, List<UUID> agreeing) {
        if (head != null) {
            this.headId = head;
        }
        if (agreeing != null) {
            this.agreeingIds = agreeing.toArray(UUID[]::new);
            this.agreedIds = new UUID[0];
        }
    }

    public void prepareAnswer(String answer, Result answerResult, LocalDate postponed, String position,
            List<String> attachments) {
        if (answer != null) {
            this.answerText = answer;
        }
        if (answerResult != null) {
            this.result = answerResult;
            this.postponedUntil = answerResult == Result.POSTPONED ? postponed : null;
        }
        if (position != null) {
            this.executorPosition = position;
        }
        if (attachments != null && !attachments.isEmpty()) {
            List<String> all = new ArrayList<>(List.of(answerAttachments));
            all.addAll(attachments);
            this.answerAttachments = all.toArray(String[]::new);
        }
    }

    /** One agreeing person agreed; true when nobody is left to agree. */
    public boolean agree(UUID person) {
        if (person != null && !List.of(agreedIds).contains(person)) {
            List<UUID> all = new ArrayList<>(List.of(agreedIds));
            all.add(person);
            this.agreedIds = all.toArray(UUID[]::new);
        }
        return pendingAgreement().isEmpty();
    }

    /** The officials this message names for a stage (Tynda 3.5–3.7); empty when it names nobody yet. */
    public List<UUID> designated(ru.civic.platform.tenancy.TenantConfiguration.Designated who) {
        if (who == null) {
            return List.of();
        }
        return switch (who) {
            case ASSIGNEE -> assigneeId == null ? List.of() : List.of(assigneeId);
            case HEAD -> headId == null ? List.of() : List.of(headId);
            case AGREEING -> pendingAgreement();
        };
    }

    /** Agreeing persons who have not agreed yet. */
    public List<UUID> pendingAgreement() {
        List<UUID> pending = new ArrayList<>(List.of(agreeingIds));
        pending.removeAll(List.of(agreedIds));
        return pending;
    }

    public void postpone(LocalDate until) {
        this.result = Result.POSTPONED;
        this.postponedUntil = until;
    }

    public void answered(Instant at, boolean answerIsPublic) {
        this.answeredAt = at;
        this.answerPublic = answerIsPublic;
    }

    public void rate(String ratingCode, String remarks, Instant at) {
        this.rating = ratingCode;
        this.ratingRemarks = remarks;
        this.ratedAt = at;
    }

    /** Rework after a negative rating or a rejection: the previous answer no longer stands, agreement restarts. */
    public void reopenForRework() {
        this.answeredAt = null;
        this.agreedIds = new UUID[0];
    }

    public void correct(String newText, String newCategory) {
        this.text = newText;
        if (newCategory != null) {
            this.categoryId = newCategory;
        }
        this.refusalReason = null;
    }

    // --- reading ---

    public UUID getId() { return id; }
    public String getTenantId() { return tenantId; }
    public String getNumber() { return number; }
    public MessageKind getKind() { return kind; }
    public Channel getChannel() { return channel; }
    public String getExternalId() { return externalId; }
    public UUID getAuthorId() { return authorId; }
    public String getAuthorName() { return authorName; }
    public String getAuthorEmail() { return authorEmail; }
    public String getAuthorPhone() { return authorPhone; }
    public String getText() { return text; }
    public String getCategoryId() { return categoryId; }
    public String getOrganisationId() { return organisationId; }
    public Double getLatitude() { return latitude; }
    public Double getLongitude() { return longitude; }
    public String getAddress() { return address; }
    public String getDistrictId() { return districtId; }
    public Instant getOccurredAt() { return occurredAt; }
    public boolean isPublicityConfirmed() { return publicityConfirmed; }
    public boolean isPublicAllowed() { return publicAllowed; }
    public boolean isPublished() { return published; }
    public boolean isAnswerPublic() { return answerPublic; }
    public String getStage() { return stage; }
    public StageStatus getStatus() { return status; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getRegisteredAt() { return registeredAt; }
    public Instant getDueAt() { return dueAt; }
    public String getDueRule() { return dueRule; }
    public Instant getStageEnteredAt() { return stageEnteredAt; }
    public Instant getStageDueAt() { return stageDueAt; }
    public boolean isOverdueNotified() { return overdueNotified; }
    public boolean isStageOverdueNotified() { return stageOverdueNotified; }
    public UUID getAssigneeId() { return assigneeId; }
    public UUID getHeadId() { return headId; }
    public List<UUID> getAgreeingIds() { return List.of(agreeingIds); }
    public boolean isRedirected() { return redirected; }
    public String getRefusalReason() { return refusalReason; }
    public Result getResult() { return result; }
    public LocalDate getPostponedUntil() { return postponedUntil; }
    public String getAnswerText() { return answerText; }
    public List<String> getAnswerAttachments() { return List.of(answerAttachments); }
    public String getExecutorPosition() { return executorPosition; }
    public Instant getAnsweredAt() { return answeredAt; }
    public String getRating() { return rating; }
    public String getRatingRemarks() { return ratingRemarks; }
    public Instant getRatedAt() { return ratedAt; }
    public int getSupportCount() { return supportCount; }
    public String getCorrectionOf() { return correctionOf; }
    public List<MessagePhoto> getPhotos() { return List.copyOf(photos); }
    public long getVersion() { return version; }
}
