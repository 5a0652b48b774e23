/**
 * The bonus shop (Gubkinsky 2, 4): a catalogue of goods and certificates priced in points, stock receipts as
 * movements, orders that reserve a unit and debit the points in one transaction, issuing and cancelling by the shop
 * administrator, and the monthly check of the municipal certificate supply against the tenant's minimum. Entry point:
 * {@link ru.civic.platform.shop.Shop}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shop",
        allowedDependencies = {"tenancy", "shared", "points", "photo", "message", "account", "notification",
                "security"})
package ru.civic.platform.shop;
