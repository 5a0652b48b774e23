package ru.civic.platform.workflow;

import java.time.Instant;
import java.util.UUID;

/** A message's deadline ({@code ANSWER}) or its stage's deadline ({@code STAGE}) passed without the work done. */
public record DeadlineMissed(String tenantId, UUID messageId, String number, Kind kind, String stage,
        String organisationId, Instant dueAt) {

    public enum Kind { ANSWER, STAGE }
}
