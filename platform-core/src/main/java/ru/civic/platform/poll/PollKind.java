package ru.civic.platform.poll;

/**
 * An ordinary poll (questions and answers); a rating vote choosing among projects; or a ranked vote in which the voter
 * orders the projects by preference, counted by the Borda count (Tomsk 1.1 "rank or choose among projects", Tynda 2.1).
 */
public enum PollKind {
    ORDINARY,
    RATING,
    /** One question; the voter gives places 1..k to k of its projects (k within the question's min/max choices). */
    RANKED
}
