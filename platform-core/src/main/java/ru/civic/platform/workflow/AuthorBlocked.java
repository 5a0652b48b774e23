package ru.civic.platform.workflow;

import java.util.UUID;

/** Gubkinsky 3.9: an author was blocked; the points ledger annuls the bonuses awarded earlier. */
public record AuthorBlocked(String tenantId, UUID accountId, String reason, String messageNumber) {
}
