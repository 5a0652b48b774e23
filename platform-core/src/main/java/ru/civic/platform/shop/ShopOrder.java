package ru.civic.platform.shop;

import java.time.Instant;
import java.util.UUID;

/** One order: one unit of one item, paid by one ledger entry. */
public record ShopOrder(UUID id, UUID itemId, String itemName, UUID accountId, String accountName, int points,
        OrderStatus status, Instant createdAt, Instant issuedAt, String issuedBy, Instant cancelledAt,
        String cancelledBy, String cancelReason) {

    /** A short number to say at the counter. */
    public String number() {
        return id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
