package ru.civic.platform.shop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An item of the catalogue.
 *
 * @param onHand   units the shop holds (reserved ones included)
 * @param reserved units promised to open orders
 * @param photoKey the photo's storage key (served at {@code /api/v1/photos/<key>}), or null
 */
public record ShopItem(UUID id, String name, String description, ItemKind kind, int pricePoints,
        BigDecimal unitCostRub, String protocolNumber, LocalDate protocolDate, String photoKey, String thumbnailKey,
        int onHand, int reserved, boolean active) {

    /** Units a resident can still order. */
    public int available() {
        return onHand - reserved;
    }
}
