package ru.civic.platform.poll;

/** An ordinary poll (questions and answers), or a rating vote choosing among projects (Tomsk 1.1, Tynda 2.1). */
public enum PollKind {
    ORDINARY,
    RATING
}
