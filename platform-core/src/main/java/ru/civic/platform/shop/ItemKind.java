package ru.civic.platform.shop;

/** What a shop item is (Gubkinsky 4): goods bought from the budget, or a certificate. */
public enum ItemKind {
    /** Goods bought from the city budget: the approving protocol is required (4.3). */
    GOODS,
    /** A certificate for a municipal service, counted against the monthly minimum (4.5). */
    MUNICIPAL_CERTIFICATE,
    /** A certificate given by a sponsor. */
    SPONSOR_CERTIFICATE
}
