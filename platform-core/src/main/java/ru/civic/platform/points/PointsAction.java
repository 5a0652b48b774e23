package ru.civic.platform.points;

/** What a resident did that the tenant may price in {@code points.rules} (the names are the schema's enum). */
public enum PointsAction {
    MESSAGE_PUBLISHED,
    IDEA_PUBLISHED,
    VOTE,
    SUPPORT,
    COMMENT,
    POLL_COMPLETED
}
