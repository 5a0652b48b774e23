package ru.civic.platform.notification;

import java.util.Objects;

/**
 * One notification to one recipient.
 *
 * @param messageNumber the number of the citizen's message it is about (e.g. {@code ТМ-2026-000123}), if any
 * @param byEmail       also send it by e-mail, when the recipient has an address
 */
public record NotificationRequest(Recipient recipient, String subject, String body, String messageNumber,
        boolean byEmail) {

    public NotificationRequest {
        Objects.requireNonNull(recipient, "recipient");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A notification needs a subject");
        }
        Objects.requireNonNull(body, "body");
    }
}
