package ru.civic.platform.points;

/** Why a ledger entry exists. Entries are never edited: each of these is a new row. */
public enum EntryKind {
    /** Points for an action the tenant prices; positive. */
    AWARD,
    /** Reverses an award when the author is blocked (Gubkinsky 3.9); negative, names the award and the reason. */
    ANNULMENT,
    /** Points spent on a shop order; negative. */
    REDEMPTION,
    /** Gives back a redemption when its order is cancelled; positive, names the redemption. */
    REFUND,
    /** A manual correction by staff, with a reason; either sign. */
    CORRECTION
}
