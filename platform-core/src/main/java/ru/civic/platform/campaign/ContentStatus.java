package ru.civic.platform.campaign;

/** Where an idea or a comment stands: awaiting the moderator, on the portal, or refused with a reason (3.8). */
public enum ContentStatus {
    MODERATION, PUBLISHED, REFUSED
}
