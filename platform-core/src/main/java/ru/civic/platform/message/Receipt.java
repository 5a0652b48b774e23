package ru.civic.platform.message;

import java.time.Instant;
import java.util.UUID;

import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;

/** What the sender gets back: the public number by which the answer can be looked up, and the deadlines. */
public record Receipt(UUID id, String number, StageStatus status, Instant receivedAt, Instant dueAt,
        Instant stageDueAt, boolean repeated) {
}
