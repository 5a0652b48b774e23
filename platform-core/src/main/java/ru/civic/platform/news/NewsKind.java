package ru.civic.platform.news;

/** Plain news, or an announced maintenance window during which the portal may be unavailable. */
public enum NewsKind {
    NEWS, MAINTENANCE
}
