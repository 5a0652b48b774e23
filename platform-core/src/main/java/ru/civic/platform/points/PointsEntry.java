package ru.civic.platform.points;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a resident's points history.
 *
 * @param action   the priced action, for awards only
 * @param source   what the entry is about: {@code message:<id>}, {@code poll:<id>}, {@code order:<id>}, ...
 * @param reverses the entry this one reverses (annulments and refunds)
 */
public record PointsEntry(UUID id, UUID accountId, int amount, EntryKind kind, PointsAction action, String source,
        String reason, UUID reverses, Instant createdAt, String createdBy) {
}
