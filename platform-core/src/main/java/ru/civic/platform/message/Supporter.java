package ru.civic.platform.message;

import java.util.UUID;

/**
 * A person who supports a message: an account, or a guest known by the random id of the guest cookie the portal
 * issued. The key is what the database keeps unique per message.
 */
public record Supporter(String key, boolean guest, UUID accountId) {

    public static Supporter account(UUID accountId) {
        return new Supporter("account:" + accountId, false, accountId);
    }

    public static Supporter guest(UUID guestId) {
        return new Supporter("guest:" + guestId, true, null);
    }
}
