package ru.civic.platform.message;

import java.util.UUID;

/** Who sent a message: a platform account, or a person known only to an external channel (accountId null). */
public record Author(UUID accountId, String name, String email, String phone) {
}
