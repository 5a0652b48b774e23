package ru.civic.platform.notification;

import java.time.Instant;

/** A notification as the cabinet shows it; {@code readAt} is null while unread. */
public record CabinetNotification(long id, String subject, String body, String messageNumber, Instant createdAt,
        Instant readAt) {

    public boolean isRead() {
        return readAt != null;
    }
}
