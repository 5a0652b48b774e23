package ru.civic.platform.poll;

/**
 * Where a poll stands. DRAFT, ON_MODERATION and REFUSED are stored; an approved poll is ANNOUNCED before its start
 * (upcoming polls are announced, Volgograd 9), OPEN between its dates and CLOSED after, decided by the clock.
 */
public enum PollStatus {
    DRAFT,
    ON_MODERATION,
    REFUSED,
    ANNOUNCED,
    OPEN,
    CLOSED;

    /** Seen by the public: approved polls only. */
    public boolean isPublic() {
        return this == ANNOUNCED || this == OPEN || this == CLOSED;
    }

    /** Staff may still change the text: nothing is public yet. */
    public boolean isEditable() {
        return this == DRAFT || this == ON_MODERATION || this == REFUSED;
    }
}
