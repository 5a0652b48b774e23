package ru.civic.platform.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail settings of the platform. The mail server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} nothing is sent and e-mails wait in the outbox.
 *
 * @param from          sender address; the personal part is the tenant's portal name
 * @param relayInterval pause between two passes of the outbox relay
 * @param maxAttempts   attempts before an e-mail is marked dead
 * @param batchSize     rows one relay transaction claims (and holds locked while it talks to the mail server)
 */
@ConfigurationProperties("platform.mail")
public record MailRelayProperties(String from, Duration relayInterval, Integer maxAttempts, Integer batchSize) {

    public MailRelayProperties {
        from = from == null || from.isBlank() ? "noreply@civic.example.ru" : from;
        relayInterval = relayInterval == null ? Duration.ofSeconds(2) : relayInterval;
        maxAttempts = maxAttempts == null ? 50 : maxAttempts;
        batchSize = batchSize == null ? 50 : batchSize;
    }
}
