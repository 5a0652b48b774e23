package ru.civic.platform.campaign;

import java.time.Instant;
import java.util.UUID;

/** A change of an approved plan: who, when and why (Gubkinsky 3.6). */
public record Amendment(UUID topicId, String topicTitle, Kind kind, String reason, String amendedBy,
        Instant amendedAt) {

    public enum Kind { ADD, WITHDRAW }
}
