package ru.civic.platform.poll;

/**
 * Who started a poll: staff; a citizen in their group (Volgograd 9, where the tenant lets users initiate); a socially
 * oriented business, which runs it under the authority's control (Volgograd 9): its poll waits for staff approval.
 */
public enum PollInitiator {
    STAFF,
    CITIZEN,
    BUSINESS
}
