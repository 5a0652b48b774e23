package ru.civic.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.notification.internal.EmailOutboxRelay;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Notifications end to end, on the real PostgreSQL (row-level security on) and a real SMTP server (GreenMail). The
 * scheduled relay is slowed to once an hour: every pass here is the test's own ({@link EmailOutboxRelay#relayOnce()}).
 */
@SpringBootTest(properties = { "platform.mail.relay-interval=1h", "platform.mail.batch-size=5" })
class NotificationDeliveryTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId ZARECHNY = TenantId.of("zarechny");
    /** Fixed for the whole class: the SMTP server is stopped and started again on the same port. */
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.port(SMTP_PORT))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
    }

    record OutboxRow(long id, Long notificationId, int attempts, Instant nextAttemptAt, Instant sentAt,
            String lastError, boolean dead) {
    }

    @Autowired
    Notifications notifications;
    @Autowired
    EmailOutboxRelay relay;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    /** The platform's clock, where there is one: retry times are reckoned on it. */
    @Autowired
    ObjectProvider<Clock> clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    AccountService accounts;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void cleanMailbox() throws Exception {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        relay.relayOnce();
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void deliversCabinetNotificationAndEmailInRussian() throws Exception {
        UUID accountId = citizen(TOMSK);
        String subject = "Ваше сообщение № ТМ-2026-000123 зарегистрировано " + marker;
        String body = "Здравствуйте, Иван Петрович!\nВаше сообщение о яме во дворе дома 5 по ул. Ленина принято.\n"
                + "Срок ответа — 10 рабочих дней. Ёлки-палки, «кавычки» и № тоже доходят.";
        double sentBefore = sentCount("tomsk");

        TenantContext.runAs(TOMSK, () -> notifications.send(new NotificationRequest(
                new Recipient(accountId, "ivan.petrov@example.ru", "Иван Петрович Сидоров"), subject, body,
                "ТМ-2026-000123", true)));

        // The cabinet has it at once; the e-mail is only queued.
        List<CabinetNotification> inbox = TenantContext.callAs(TOMSK, () -> notifications.inbox(accountId, 10));
        assertThat(inbox).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo(subject);
            assertThat(n.body()).isEqualTo(body);
            assertThat(n.messageNumber()).isEqualTo("ТМ-2026-000123");
            assertThat(n.readAt()).isNull();
        });
        assertThat(TenantContext.callAs(TOMSK, () -> notifications.unreadCount(accountId))).isEqualTo(1);
        assertThat(mailsWithMarker()).isEmpty();

        assertThat(relay.relayOnce().sent()).isEqualTo(1);

        MimeMessage mail = single(mailsWithMarker());
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo(body);
        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("noreply@civic.example.ru");
        assertThat(from.getPersonal()).isEqualTo("Активный житель Томской области");
        InternetAddress to = (InternetAddress) mail.getAllRecipients()[0];
        assertThat(to.getAddress()).isEqualTo("ivan.petrov@example.ru");
        assertThat(to.getPersonal()).isEqualTo("Иван Петрович Сидоров");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        OutboxRow row = single(outboxRows(TOMSK));
        assertThat(row.sentAt()).isNotNull();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.notificationId()).isEqualTo(inbox.getFirst().id());
        assertThat(sentCount("tomsk")).isEqualTo(sentBefore + 1);

        TenantContext.runAs(TOMSK, () -> notifications.markRead(accountId, inbox.getFirst().id()));
        assertThat(TenantContext.callAs(TOMSK, () -> notifications.unreadCount(accountId))).isZero();
        assertThat(TenantContext.callAs(TOMSK, () -> notifications.inbox(accountId, 10)).getFirst().readAt())
                .isNotNull();
    }

    @Test
    void keepsEmailWhileSmtpIsDownAndDeliversWhenItReturns() throws Exception {
        smtp.stop();
        TenantContext.runAs(TOMSK, () -> notifications.send(new NotificationRequest(
                new Recipient(null, "citizen@example.ru", null), "Ответ на ваше сообщение " + marker,
                "Ответ готов.", null, true)));

        EmailOutboxRelay.Pass refused = relay.relayOnce();

        assertThat(refused.failed()).isGreaterThanOrEqualTo(1);
        OutboxRow pending = single(outboxRows(TOMSK));
        assertThat(pending.sentAt()).isNull();
        assertThat(pending.dead()).isFalse();
        assertThat(pending.attempts()).isEqualTo(1);
        // Tried again 5 s after the failure, not before.
        Instant now = clock.getIfAvailable(Clock::systemUTC).instant();
        assertThat(pending.nextAttemptAt()).isAfter(now).isBeforeOrEqualTo(now.plusSeconds(5));
        assertThat(pending.lastError()).isNotBlank();
        assertThat(pending.notificationId()).isNull();

        // Back, but the retry is not due yet: nothing is tried.
        smtp.start();
        relay.relayOnce();
        assertThat(single(outboxRows(TOMSK)).attempts()).isEqualTo(1);
        assertThat(mailsWithMarker()).isEmpty();

        // Skip the rest of the delay instead of waiting it out.
        TenantContext.runAs(TOMSK, () -> jdbc.sql(
                "update email_outbox set next_attempt_at = next_attempt_at - interval '10 seconds' where id = ?")
                .param(pending.id()).update());
        relay.relayOnce();
        relay.relayOnce();

        assertThat(mailsWithMarker()).hasSize(1);
        OutboxRow delivered = single(outboxRows(TOMSK));
        assertThat(delivered.sentAt()).isNotNull();
        assertThat(delivered.attempts()).isEqualTo(2);
    }

    @Test
    void rolledBackActionSendsNothing() {
        UUID accountId = citizen(TOMSK);
        TransactionTemplate action = new TransactionTemplate(transactionManager);

        TenantContext.runAs(TOMSK, () -> assertThatThrownBy(() -> action.executeWithoutResult(status -> {
            notifications.send(new NotificationRequest(new Recipient(accountId, "citizen@example.ru", "Житель"),
                    "Сообщение принято " + marker, "Текст", "ТМ-1", true));
            throw new IllegalStateException("Действие не удалось после уведомления");
        })).isInstanceOf(IllegalStateException.class));

        relay.relayOnce();

        assertThat(mailsWithMarker()).isEmpty();
        assertThat(outboxRows(TOMSK)).isEmpty();
        assertThat(TenantContext.callAs(TOMSK, () -> notifications.inbox(accountId, 10))).isEmpty();
    }

    @Test
    void twoRelaysNeverSendTheSameEmailTwice() throws Exception {
        TenantContext.runAs(ZARECHNY, () -> {
            for (int i = 1; i <= 20; i++) {
                notifications.send(new NotificationRequest(new Recipient(null, "resident" + i + "@example.ru", null),
                        "Уведомление " + i + " " + marker, "Текст " + i, null, true));
            }
        });

        // Batches of 5: the two passes interleave over the 20 rows rather than one taking them all.
        CyclicBarrier start = new CyclicBarrier(2);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<CompletableFuture<EmailOutboxRelay.Pass>> passes = List.of(1, 2).stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return relay.relayOnce();
                    }, threads)).toList();
            int sent = 0;
            for (CompletableFuture<EmailOutboxRelay.Pass> pass : passes) {
                sent += pass.get(60, TimeUnit.SECONDS).sent();
            }
            assertThat(sent).isEqualTo(20);
        }

        List<MimeMessage> mails = mailsWithMarker();
        assertThat(mails).hasSize(20);
        assertThat(mails.stream().map(NotificationDeliveryTest::subject).distinct()).hasSize(20);
        assertThat(outboxRows(ZARECHNY)).hasSize(20)
                .allSatisfy(row -> {
                    assertThat(row.sentAt()).isNotNull();
                    assertThat(row.attempts()).isEqualTo(1);
                });
    }

    @Test
    void tenantIsolation() throws Exception {
        UUID tomskCitizen = citizen(TOMSK);
        UUID zarechnyCitizen = citizen(ZARECHNY);
        TenantContext.runAs(TOMSK, () -> notifications.send(new NotificationRequest(
                new Recipient(tomskCitizen, "tomsk@example.ru", null), "Томск " + marker, "Для Томска", null, true)));
        TenantContext.runAs(ZARECHNY, () -> notifications.send(new NotificationRequest(
                new Recipient(zarechnyCitizen, "zarechny@example.ru", null), "Заречный " + marker, "Для Заречного",
                null, true)));

        List<CabinetNotification> zarechny = TenantContext.callAs(ZARECHNY,
                () -> notifications.inbox(zarechnyCitizen, 10));
        assertThat(zarechny).extracting(CabinetNotification::subject).containsExactly("Заречный " + marker);
        assertThat(TenantContext.callAs(TOMSK, () -> notifications.inbox(tomskCitizen, 10)))
                .extracting(CabinetNotification::subject).containsExactly("Томск " + marker);
        // Asked in Tomsk, Zarechny's citizen has nothing: not even the account id opens another tenant's inbox.
        assertThat(TenantContext.callAs(TOMSK, () -> notifications.inbox(zarechnyCitizen, 10))).isEmpty();
        assertThat(TenantContext.callAs(TOMSK, () -> notifications.unreadCount(zarechnyCitizen))).isZero();

        // Nor can Tomsk mark, or see, Zarechny's notification.
        TenantContext.runAs(TOMSK, () -> notifications.markRead(zarechnyCitizen, zarechny.getFirst().id()));
        assertThat(TenantContext.callAs(ZARECHNY, () -> notifications.unreadCount(zarechnyCitizen))).isEqualTo(1);
        assertThat(TenantContext.callAs(TOMSK, () -> jdbc.sql("select count(*) from notification where id = ?")
                .param(zarechny.getFirst().id()).query(Long.class).single())).isZero();
        assertThat(outboxRows(TOMSK)).hasSize(1);
        assertThat(outboxRows(ZARECHNY)).hasSize(1);

        // Each tenant's mail carries its own portal's name.
        relay.relayOnce();
        assertThat(mailsWithMarker()).hasSize(2).allSatisfy(mail -> {
            String personal = ((InternetAddress) mail.getFrom()[0]).getPersonal();
            String recipient = ((InternetAddress) mail.getAllRecipients()[0]).getAddress();
            assertThat(personal).isEqualTo(recipient.startsWith("tomsk") ? "Активный житель Томской области"
                    : "Умный город");
        });

        // Outside a tenant there is nobody to notify.
        assertThatThrownBy(() -> notifications.send(new NotificationRequest(new Recipient(tomskCitizen, null, null),
                "Без арендатора", "Текст", null, false))).isInstanceOf(IllegalStateException.class);
    }

    private UUID citizen(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> accounts.create("notified-" + tenant + "-" + marker, "secret",
                "Житель " + marker, null, Set.of(Role.CITIZEN), null)).getId();
    }

    private List<OutboxRow> outboxRows(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("""
                select id, notification_id, attempts, next_attempt_at, sent_at, last_error, dead from email_outbox
                where subject like :marker order by id""")
                .param("marker", "%" + marker)
                .query((rs, n) -> new OutboxRow(rs.getLong("id"), (Long) rs.getObject("notification_id"),
                        rs.getInt("attempts"), instant(rs.getObject("next_attempt_at", OffsetDateTime.class)),
                        instant(rs.getObject("sent_at", OffsetDateTime.class)), rs.getString("last_error"),
                        rs.getBoolean("dead")))
                .list());
    }

    private List<MimeMessage> mailsWithMarker() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).endsWith(marker)).toList();
    }

    private double sentCount(String tenant) {
        var counter = meters.find("civic.mail.sent").tag("tenant", tenant).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.getFirst();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
