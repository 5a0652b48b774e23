package ru.civic.platform.notification.internal;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import ru.civic.platform.notification.internal.EmailOutbox.PendingEmail;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Sends what {@link EmailOutbox} holds, after the actions that wrote it have committed. Every instance of the cluster
 * runs it: rows are claimed {@code for update skip locked} and stay locked while they are sent, so two relays never
 * send the same row. Delivery is at least once: should the database fail after the mail server accepted a batch, the
 * batch goes out again (with the same {@code Message-ID}).
 *
 * <p>Without a mail server ({@code spring.mail.host} unset, no {@link JavaMailSender}) it sends nothing and touches no
 * row: the e-mails wait until one is configured.
 *
 * <p>Metrics, tagged by tenant: {@code civic_mail_sent_total}, {@code civic_mail_failed_total} (failed attempts) and
 * {@code civic_mail_dead_total} (e-mails given up).
 */
@Component
public class EmailOutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(EmailOutboxRelay.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    /** JavaMail waits forever by default, and a stalled mail server would hold the relay and its row locks. */
    private static final String SMTP_TIMEOUT_MILLIS = "30000";

    /** What one pass did, over all tenants. {@code failed} counts failed attempts, {@code dead} those given up. */
    public record Pass(int sent, int failed, int dead) {
    }

    private record Batch(int claimed, int sent, int failed, int dead) {
        static final Batch NONE = new Batch(0, 0, 0, 0);
    }

    private final EmailOutbox outbox;
    private final TenantRegistry tenants;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final MailRelayProperties properties;
    private final RetryPolicy retries;
    private final Clock clock;
    private final AtomicBoolean reportedNoMailServer = new AtomicBoolean();

    EmailOutboxRelay(EmailOutbox outbox, TenantRegistry tenants,
            ObjectProvider<JavaMailSender> mailSender, PlatformTransactionManager transactionManager,
            MeterRegistry meters, MailRelayProperties properties, ObjectProvider<Clock> clock) {
        this.outbox = outbox;
        this.tenants = tenants;
        this.mailSender = mailSender;
        this.transactions = new TransactionTemplate(transactionManager);
        // Each tenant's batch commits on its own, whoever calls: never inside a caller's transaction (or tenant).
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meters = meters;
        this.properties = properties;
        this.retries = RetryPolicy.of(properties.maxAttempts());
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        mailSender.ifAvailable(EmailOutboxRelay::boundSmtpTimeouts);
    }

    @Scheduled(fixedDelayString = "${platform.mail.relay-interval:2s}",
            initialDelayString = "${platform.mail.relay-interval:2s}")
    void relayOnSchedule() {
        relayOnce();
    }

    /**
     * One pass over every active tenant: sends every e-mail due now, batch by batch, taking the tenants in turns so
     * that one tenant's mass mailing does not hold up another's mail. Returns when done; safe to run concurrently
     * with other passes (on this instance or another).
     */
    public Pass relayOnce() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            if (reportedNoMailServer.compareAndSet(false, true)) {
                log.warn("No mail server is configured (spring.mail.host): e-mails wait in the outbox until one is");
            }
            return new Pass(0, 0, 0);
        }
        // Rows due at the start of the pass only: a row that fails is due again after the pass, never within it, so
        // the pass ends even while the mail server is away.
        Instant passStart = clock.instant();
        int sent = 0;
        int failed = 0;
        int dead = 0;
        List<Tenant> turn = tenants.all().stream().filter(Tenant::isActive).toList();
        while (!turn.isEmpty()) {
            List<Tenant> next = new ArrayList<>();
            for (Tenant tenant : turn) {
                Batch batch = relayBatch(tenant, sender, passStart);
                sent += batch.sent();
                failed += batch.failed();
                dead += batch.dead();
                // A full batch may have more behind it; a batch that sent nothing says the server is in trouble.
                if (batch.claimed() == properties.batchSize() && batch.sent() > 0) {
                    next.add(tenant);
                }
            }
            turn = next;
        }
        return new Pass(sent, failed, dead);
    }

    private Batch relayBatch(Tenant tenant, JavaMailSender sender, Instant passStart) {
        Batch batch;
        try {
            // Row-level security needs the tenant on the connection: the transaction must begin inside its context.
            batch = TenantContext.callAs(tenant.id(), () -> transactions.execute(
                    status -> sendDue(tenant, sender, passStart)));
        } catch (RuntimeException e) {
            log.error("E-mail relay failed for tenant {}; its e-mails wait for the next pass", tenant.id(), e);
            return Batch.NONE;
        }
        if (batch == null || batch.claimed() == 0) {
            return Batch.NONE;
        }
        // Counted after commit, so that a rolled-back batch is not reported as sent.
        String tag = tenant.id().value();
        meters.counter("civic.mail.sent", "tenant", tag).increment(batch.sent());
        meters.counter("civic.mail.failed", "tenant", tag).increment(batch.failed());
        meters.counter("civic.mail.dead", "tenant", tag).increment(batch.dead());
        return batch;
    }

    private Batch sendDue(Tenant tenant, JavaMailSender sender, Instant passStart) {
        List<PendingEmail> due = outbox.claimDue(passStart, properties.batchSize());
        if (due.isEmpty()) {
            return Batch.NONE;
        }
        Instant now = clock.instant();
        int failed = 0;
        int dead = 0;
        Map<MimeMessage, PendingEmail> messages = new LinkedHashMap<>();
        for (PendingEmail email : due) {
            try {
                messages.put(compose(sender, tenant, email), email);
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                // Nothing a retry could mend, typically an address that is not one: given up at once, and kept.
                outbox.markFailed(email.id(), email.attempts() + 1, now, true, describe(e));
                log.error("E-mail {} of tenant {} cannot be composed and is given up: {}", email.id(), tenant.id(),
                        describe(e));
                failed++;
                dead++;
            }
        }
        Map<Object, Exception> failures = deliver(sender, messages.keySet().toArray(MimeMessage[]::new));
        int sent = 0;
        String firstError = null;
        for (Map.Entry<MimeMessage, PendingEmail> entry : messages.entrySet()) {
            PendingEmail email = entry.getValue();
            Exception failure = failures.get(entry.getKey());
            if (failure == null) {
                outbox.markSent(email.id(), now);
                sent++;
                continue;
            }
            int attempts = email.attempts() + 1;
            boolean givenUp = retries.givesUpAfter(attempts);
            outbox.markFailed(email.id(), attempts, now.plus(retries.delayAfter(attempts)), givenUp,
                    describe(failure));
            failed++;
            if (givenUp) {
                dead++;
                log.error("E-mail {} of tenant {} is given up after {} attempts: {}", email.id(), tenant.id(),
                        attempts, describe(failure));
            }
            firstError = firstError == null ? describe(failure) : firstError;
        }
        if (firstError != null) {
            // Outbox ids only: addresses are personal data and stay out of the logs.
            log.warn("{} of {} e-mails of tenant {} not sent, to be tried again: {}", failures.size(),
                    messages.size(), tenant.id(), firstError);
        }
        return new Batch(due.size(), sent, failed, dead);
    }

    private MimeMessage compose(JavaMailSender sender, Tenant tenant, PendingEmail email)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        // The citizen knows the portal by its name ("Активный житель Томской области"), not by the platform's.
        helper.setFrom(properties.from(), tenant.configuration().name());
        InternetAddress to = new InternetAddress(email.toAddress(), email.toName(), "UTF-8");
        to.validate();
        helper.setTo(to);
        helper.setSubject(email.subject());
        helper.setText(email.body(), false);
        // RFC 3834: auto-responders ("I am on holiday") do not answer a notification.
        message.setHeader("Auto-Submitted", "auto-generated");
        // The same id on every attempt, so that a copy sent again (see the class comment) is recognisably the same.
        message.setHeader("Message-ID", "<outbox." + tenant.id() + "." + email.id() + "@" + senderDomain() + ">");
        return message;
    }

    /** The messages that did not go out, with why; empty when all did. One connection for the whole batch. */
    private static Map<Object, Exception> deliver(JavaMailSender sender, MimeMessage[] messages) {
        if (messages.length == 0) {
            return Map.of();
        }
        try {
            sender.send(messages);
            return Map.of();
        } catch (MailSendException e) {
            // JavaMailSenderImpl lists exactly the messages that did not go out. With none listed, every message was
            // accepted and only closing the connection failed: sending them again would duplicate every batch for as
            // long as the server misbehaves on QUIT.
            if (e.getFailedMessages().isEmpty()) {
                log.warn("Mail server connection failed to close after sending: {}", describe(e));
            }
            return e.getFailedMessages();
        } catch (MailException e) {
            // Authentication and the like: nothing went out.
            Map<Object, Exception> all = new IdentityHashMap<>();
            for (MimeMessage message : messages) {
                all.put(message, e);
            }
            return all;
        }
    }

    private String senderDomain() {
        String from = properties.from();
        int at = from.lastIndexOf('@');
        return at >= 0 ? from.substring(at + 1).replace(">", "").strip() : "localhost";
    }

    private static String describe(Exception e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    /** Unless set in {@code spring.mail.properties}: JavaMail's defaults are infinite. */
    private static void boundSmtpTimeouts(JavaMailSender sender) {
        if (sender instanceof JavaMailSenderImpl impl) {
            Properties javaMail = impl.getJavaMailProperties();
            for (String protocol : List.of("smtp", "smtps")) {
                for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
                    javaMail.putIfAbsent("mail." + protocol + "." + timeout, SMTP_TIMEOUT_MILLIS);
                }
            }
        }
    }
}
