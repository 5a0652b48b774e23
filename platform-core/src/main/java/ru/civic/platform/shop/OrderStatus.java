package ru.civic.platform.shop;

public enum OrderStatus {
    /** One unit is reserved and the points are debited; the resident collects it. */
    RESERVED,
    /** Handed over: the unit is written off. */
    ISSUED,
    /** The reservation is released and the points refunded. */
    CANCELLED
}
