package ru.civic.platform.notification;

import java.util.UUID;

/**
 * Who is notified. A cabinet notification needs {@code accountId} (the {@code Account}'s id); an e-mail needs
 * {@code email}. Either may be absent (a guest has no account; a citizen may have given no address).
 *
 * @param displayName shown as the name part of the e-mail's {@code To} header, if given
 */
public record Recipient(UUID accountId, String email, String displayName) {
}
