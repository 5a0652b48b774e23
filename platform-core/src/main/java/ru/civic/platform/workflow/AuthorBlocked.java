package ru.civic.platform.workflow;

import java.util.UUID;

/**
 * Gubkinsky 3.9: an author was blocked; the points ledger annuls the bonuses awarded earlier.
 *
 * @param messageNumber the message whose action blocked them; null when blocked from the citizens screen
 */
public record AuthorBlocked(String tenantId, UUID accountId, String reason, String messageNumber) {
}
