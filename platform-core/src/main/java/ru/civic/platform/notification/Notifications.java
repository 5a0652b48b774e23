package ru.civic.platform.notification;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.notification.internal.EmailOutbox;
import ru.civic.platform.notification.internal.Notification;
import ru.civic.platform.notification.internal.NotificationRepository;
import ru.civic.platform.tenancy.TenantContext;

/**
 * Notifications of the tenant of the current context: written with the action that causes them, read in the cabinet.
 */
@Service
@Transactional(readOnly = true)
public class Notifications {

    /** A cabinet page never needs more; a larger request would only load the database. */
    static final int MAX_INBOX_PAGE = 200;

    private final NotificationRepository notifications;
    private final EmailOutbox outbox;
    private final Clock clock;

    Notifications(NotificationRepository notifications, EmailOutbox outbox, ObjectProvider<Clock> clock) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * In the caller's transaction (joins it, or opens one): a cabinet notification row when accountId != null, and an
     * e-mail outbox row when byEmail and email present. Tenant = TenantContext's current (required). Nothing is sent
     * here: the relay sends after commit, so a rolled-back action sends nothing and SMTP trouble never fails the
     * action.
     */
    @Transactional
    public void send(NotificationRequest request) {
        TenantContext.getRequiredTenantId();
        Recipient recipient = request.recipient();
        // A line break in a subject would end the e-mail header early; keep subjects on one line everywhere.
        String subject = request.subject().strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        Long notificationId = null;
        if (recipient.accountId() != null) {
            notificationId = notifications.save(new Notification(recipient.accountId(), subject, request.body(),
                    request.messageNumber(), clock.instant())).getId();
        }
        String email = recipient.email();
        if (request.byEmail() && email != null && !email.isBlank()) {
            // An address that is not valid is stored all the same: the relay marks it dead, visibly, instead of
            // failing the citizen's action here because of an old typo in their profile.
            outbox.enqueue(notificationId, email.strip(), recipient.displayName(), subject, request.body(),
                    clock.instant());
        }
    }

    /** The account's notifications, newest first. */
    public List<CabinetNotification> inbox(UUID accountId, int limit) {
        TenantContext.getRequiredTenantId();
        return notifications.findByAccountIdOrderByCreatedAtDescIdDesc(accountId,
                        Limit.of(Math.clamp(limit, 1, MAX_INBOX_PAGE)))
                .stream().map(Notification::toCabinetNotification).toList();
    }

    public long unreadCount(UUID accountId) {
        TenantContext.getRequiredTenantId();
        return notifications.countByAccountIdAndReadAtIsNull(accountId);
    }

    /**
     * Marks the notification read. Idempotent; a notification of another account (or tenant) is left alone without
     * saying whether it exists.
     */
    @Transactional
    public void markRead(UUID accountId, long notificationId) {
        TenantContext.getRequiredTenantId();
        notifications.findByIdAndAccountId(notificationId, accountId).ifPresent(n -> n.markRead(clock.instant()));
    }
}
