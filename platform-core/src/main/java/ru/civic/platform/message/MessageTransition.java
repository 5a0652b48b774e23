package ru.civic.platform.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;

/**
 * One step of a message's life, written once and never changed: who (account, role, organisation), when, which
 * action, from which stage to which, the reason, comment, attachments and other inputs. The public timeline is derived
 * from these rows (without the staff-only parts).
 */
@Entity
@Immutable
@Table(name = "message_transition")
public class MessageTransition {

    /** The action recorded when a message arrives: not a workflow action. */
    public static final String RECEIVED = "received";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "message_id", nullable = false)
    private UUID messageId;
    @Column(nullable = false)
    private Instant at;
    @Column(name = "actor_id")
    private UUID actorId;
    @Column(name = "actor_name")
    private String actorName;
    @Column(name = "actor_role")
    private String actorRole;
    @Column(name = "actor_organisation")
    private String actorOrganisation;
    @Column(nullable = false)
    private String action;
    @Column(name = "action_type", nullable = false)
    private String actionType;
    @Column(name = "from_stage")
    private String fromStage;
    @Column(name = "to_stage", nullable = false)
    private String toStage;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private StageStatus toStatus;
    private String reason;
    private String comment;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> details;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(300)[]")
    private String[] attachments;
    @Column(name = "due_at")
    private Instant dueAt;

    protected MessageTransition() {
    }

    public MessageTransition(UUID messageId, Instant at, Actor actor, String action, String actionType,
            String fromStage, String toStage, StageStatus toStatus, String reason, String comment,
            Map<String, Object> details, List<String> attachments, Instant dueAt) {
        this.messageId = messageId;
        this.at = at;
        if (actor != null) {
            this.actorId = actor.accountId();
            this.actorName = actor.name();
            this.actorRole = actor.role();
            this.actorOrganisation = actor.organisation();
        }
        this.action = action;
        this.actionType = actionType;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.toStatus = toStatus;
        this.reason = reason;
        this.comment = comment;
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.attachments = attachments == null ? new String[0] : attachments.toArray(String[]::new);
        this.dueAt = dueAt;
    }

    public Long getId() { return id; }
    public UUID getMessageId() { return messageId; }
    public Instant getAt() { return at; }
    public UUID getActorId() { return actorId; }
    public String getActorName() { return actorName; }
    public String getActorRole() { return actorRole; }
    public String getActorOrganisation() { return actorOrganisation; }
    public String getAction() { return action; }
    public String getActionType() { return actionType; }
    public String getFromStage() { return fromStage; }
    public String getToStage() { return toStage; }
    public StageStatus getToStatus() { return toStatus; }
    public String getReason() { return reason; }
    public String getComment() { return comment; }
    public Map<String, Object> getDetails() { return details; }
    public List<String> getAttachments() { return List.of(attachments); }
    public Instant getDueAt() { return dueAt; }
}
