package ru.civic.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.notification.internal.EmailOutboxRelay;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Without {@code spring.mail.host} there is no mail sender: the application still starts, actions still notify, and
 * e-mails wait untouched in the outbox. The default test configuration, so this shares its context with other tests.
 */
@SpringBootTest
class OutboxWithoutMailServerTest {

    private static final TenantId TYNDA = TenantId.of("tynda");

    @Autowired
    Notifications notifications;
    @Autowired
    EmailOutboxRelay relay;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accounts;
    @Autowired
    ObjectProvider<JavaMailSender> mailSender;

    @Test
    void leavesEmailsPendingWhenNoMailServerIsConfigured() {
        assertThat(mailSender.getIfAvailable()).isNull();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String subject = "Ожидает почтового сервера " + marker;
        UUID resident = TenantContext.callAs(TYNDA, () -> accounts.create("waiting-" + marker, "secret", "Житель",
                "resident@example.ru", Set.of(Role.CITIZEN), null)).getId();
        TenantContext.runAs(TYNDA, () -> notifications.send(new NotificationRequest(
                new Recipient(resident, "resident@example.ru", "Житель"), subject, "Текст", null, true)));

        assertThat(relay.relayOnce()).isEqualTo(new EmailOutboxRelay.Pass(0, 0, 0));

        var row = TenantContext.callAs(TYNDA, () -> jdbc.sql(
                        "select attempts, sent_at, dead from email_outbox where subject = ?").param(subject)
                .query((rs, n) -> new Object[] { rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getBoolean(3) })
                .single());
        assertThat(row).containsExactly(0, null, false);
        assertThat(TenantContext.callAs(TYNDA, () -> notifications.unreadCount(resident))).isEqualTo(1);
    }
}
