package ru.civic.platform.campaign;

/** What a topic of the annual plan is for: an idea campaign («Обсуждения») or a poll. */
public enum TopicKind {
    CAMPAIGN, POLL
}
