package ru.civic.platform.moderation;

/** What a {@link ContentFlag} points a moderator at: obscene language or a piece of personal data. */
public enum FlagKind {
    OBSCENITY,
    PHONE,
    EMAIL,
    SNILS,
    PASSPORT,
    INN,
    BANK_CARD
}
