/**
 * Points (bonuses) for active residents (Tomsk 1.1; Gubkinsky 2, 3.9, 4): an append-only ledger whose entries are
 * awarded for the actions the tenant prices, reversed on annulment, debited by the bonus shop and refunded on a
 * cancelled order. Entry point: {@link ru.civic.platform.points.PointsLedger}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Points",
        allowedDependencies = {"tenancy", "shared", "account", "security", "message", "workflow", "poll",
                "campaign"})
package ru.civic.platform.points;
