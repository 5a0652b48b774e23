package ru.civic.platform.poll;

import java.util.UUID;

/**
 * Who votes: an account, or a guest known by the random id of the guest cookie the portal issued (as for supports).
 * The key is what the database keeps unique per poll.
 */
public record Voter(String key, boolean guest, UUID accountId) {

    public static Voter account(UUID accountId) {
        return new Voter("account:" + accountId, false, accountId);
    }

    public static Voter guest(UUID guestId) {
        return new Voter("guest:" + guestId, true, null);
    }
}
