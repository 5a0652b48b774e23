package ru.civic.platform.shop;

import java.math.BigDecimal;
import java.time.LocalDate;

import ru.civic.platform.photo.PhotoUpload;

/**
 * What the shop administrator enters for an item. Numbers are boxed so an empty field is reported as empty, not as 0.
 *
 * @param photo a new photo, or null to keep the current one
 */
public record ItemDraft(String name, String description, ItemKind kind, Integer pricePoints, BigDecimal unitCostRub,
        String protocolNumber, LocalDate protocolDate, PhotoUpload photo) {
}
