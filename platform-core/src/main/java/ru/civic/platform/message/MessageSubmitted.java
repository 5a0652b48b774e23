package ru.civic.platform.message;

import java.time.Instant;
import java.util.UUID;

/** A message was received and numbered. */
public record MessageSubmitted(String tenantId, UUID messageId, String number, UUID authorId, String stage,
        Instant receivedAt) {
}
