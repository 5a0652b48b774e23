package ru.civic.platform.workflow.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Message;
import ru.civic.platform.notification.NotificationRequest;
import ru.civic.platform.notification.Notifications;
import ru.civic.platform.notification.Recipient;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.Action;
import ru.civic.platform.tenancy.TenantConfiguration.NotificationTemplate;
import ru.civic.platform.tenancy.TenantConfiguration.NotifyTarget;
import ru.civic.platform.tenancy.TenantConfiguration.Stage;
import ru.civic.platform.workflow.ActionInput;

/**
 * Turns an action's {@code notify} list into notifications: to the author (cabinet and e-mail, as Tomsk 5.6 and
 * Zarechny 6.4 require), to the staff who work the next stage, to an assigned executor (cabinet). Texts come from the
 * tenant's {@code notificationTemplates}, else from the platform's Russian bundle. Queued in the action's transaction
 * (outbox), so a failed action notifies nobody and a mail server outage loses nothing.
 */
@Component
public class WorkflowNotifications {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Notifications notifications;
    private final AccountService accounts;
    private final MessageSource bundle;

    WorkflowNotifications(Notifications notifications, AccountService accounts, MessageSource bundle) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.bundle = bundle;
    }

    public void afterAction(TenantConfiguration tenant, Message message, Action action, Stage target,
            ActionInput input, String reasonTitle) {
        if (action.notifies().isEmpty()) {
            return;
        }
        Map<String, String> values = values(tenant, message, target, input, reasonTitle);
        if (action.notifies().contains(NotifyTarget.AUTHOR)) {
            notifyAuthor(tenant, message, action.type().name(), values);
        }
        Set<UUID> staff = new LinkedHashSet<>();
        java.util.List<UUID> designated = message.designated(target.designated());
        if (action.notifies().contains(NotifyTarget.NEXT_ROLES) && !designated.isEmpty()) {
            staff.addAll(designated); // the officials the message names, not everyone holding the role
        } else if (action.notifies().contains(NotifyTarget.NEXT_ROLES)) {
            Set<Role> roles = new LinkedHashSet<>();
            target.roles().stream().filter(r -> !Stage.AUTHOR.equals(r)).map(Role::valueOf).forEach(roles::add);
            if (!roles.isEmpty()) {
                if (message.getAssigneeId() != null && roles.contains(Role.EXECUTOR)) {
                    staff.add(message.getAssigneeId());
                    roles.remove(Role.EXECUTOR);
                }
                if (!roles.isEmpty()) {
                    accounts.staff(roles, message.getOrganisationId()).forEach(a -> staff.add(a.getId()));
                }
            }
        }
        if (action.notifies().contains(NotifyTarget.ASSIGNEE) && message.getAssigneeId() != null) {
            staff.add(message.getAssigneeId());
        }
        for (UUID id : staff) {
            accounts.find(id).ifPresent(a -> send(tenant, a, "STAFF_" + target.status().name(), "STAFF", values));
        }
    }

    /** A deadline passed: the staff of the stage hear of it (cabinet and e-mail). */
    public void deadlineMissed(TenantConfiguration tenant, Message message, Stage stage, Instant due) {
        Map<String, String> values = values(tenant, message, stage, ActionInput.none(), null);
        values.put("deadline", DAY.format(due.atZone(tenant.zoneId())));
        Set<Role> roles = new LinkedHashSet<>();
        stage.roles().stream().filter(r -> !Stage.AUTHOR.equals(r)).map(Role::valueOf).forEach(roles::add);
        roles.add(Role.CURATOR);
        Set<UUID> staff = new LinkedHashSet<>();
        if (message.getAssigneeId() != null) {
            staff.add(message.getAssigneeId());
        }
        accounts.staff(roles, message.getOrganisationId()).forEach(a -> staff.add(a.getId()));
        for (UUID id : staff) {
            accounts.find(id).ifPresent(a -> {
                Text text = text(tenant, "DEADLINE_MISSED", values);
                notifications.send(new NotificationRequest(new Recipient(a.getId(), a.getEmail(), a.getDisplayName()),
                        text.subject, text.body, message.getNumber(), true));
            });
        }
    }

    private void notifyAuthor(TenantConfiguration tenant, Message message, String event, Map<String, String> values) {
        String email = message.getAuthorEmail();
        String name = message.getAuthorName();
        if (message.getAuthorId() != null) {
            Account author = accounts.find(message.getAuthorId()).orElse(null);
            if (author != null) {
                email = email != null ? email : author.getEmail();
                name = name != null ? name : author.getDisplayName();
            }
        }
        if (message.getAuthorId() == null && email == null) {
            return;
        }
        Text text = text(tenant, event, values);
        notifications.send(new NotificationRequest(new Recipient(message.getAuthorId(), email, name), text.subject,
                text.body, message.getNumber(), true));
    }

    private void send(TenantConfiguration tenant, Account to, String event, String fallback, Map<String, String> values) {
        Text text = text(tenant, event, values);
        if (text == null) {
            text = text(tenant, fallback, values);
        }
        notifications.send(new NotificationRequest(new Recipient(to.getId(), to.getEmail(), to.getDisplayName()),
                text.subject, text.body, values.get("number"), false));
    }

    private record Text(String subject, String body) {
    }

    private Text text(TenantConfiguration tenant, String event, Map<String, String> values) {
        NotificationTemplate custom = tenant.notificationTemplates().get(event);
        Locale locale = Locale.forLanguageTag(tenant.defaultLocale());
        String subject = custom != null ? custom.subject()
                : bundle.getMessage("notification." + event + ".subject", null, null, locale);
        String body = custom != null ? custom.body()
                : bundle.getMessage("notification." + event + ".body", null, null, locale);
        if (subject == null || body == null) {
            if (event.startsWith("STAFF_")) {
                return null;
            }
            NotificationTemplate tenantDefault = tenant.notificationTemplates().get("DEFAULT");
            subject = tenantDefault != null ? tenantDefault.subject()
                    : bundle.getMessage("notification.DEFAULT.subject", null, locale);
            body = tenantDefault != null ? tenantDefault.body()
                    : bundle.getMessage("notification.DEFAULT.body", null, locale);
        }
        return new Text(fill(subject, values), fill(body, values));
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([a-zA-Z]+)}");

    /** One pass: a comment that itself contains "{answer}" stays as the person wrote it. */
    private static String fill(String template, Map<String, String> values) {
        return PLACEHOLDER.matcher(template).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                values.containsKey(m.group(1)) ? java.util.Objects.toString(values.get(m.group(1)), "") : m.group()))
                .strip();
    }

    private Map<String, String> values(TenantConfiguration tenant, Message m, Stage target, ActionInput in,
            String reasonTitle) {
        Locale locale = Locale.forLanguageTag(tenant.defaultLocale());
        Map<String, String> values = new LinkedHashMap<>();
        boolean invited = m.getRefusalReason() != null && tenant.refusalReason(m.getRefusalReason())
                .map(TenantConfiguration.RefusalReason::inviteToCorrect).orElse(false);
        // Only where the regulation invites a correction (Tomsk 5.7, Zarechny 5.7), and only where answers are rated.
        values.put("invitation", invited ? bundle.getMessage("notification.invitation", null, "", locale) : "");
        values.put("ratingInvitation", tenant.answerRatings().isEmpty() ? ""
                : bundle.getMessage("notification.ratingInvitation", new Object[] { tenant.name() }, "", locale));
        values.put("number", m.getNumber());
        values.put("original", in.duplicateOf() == null ? "" : in.duplicateOf().strip());
        values.put("portal", tenant.name());
        values.put("stage", target.name());
        values.put("reason", reasonTitle == null ? "" : reasonTitle);
        values.put("comment", in.comment() == null ? "" : in.comment());
        values.put("answer", m.getAnswerText() == null ? "" : m.getAnswerText());
        values.put("deadline", m.getDueAt() == null ? "" : DAY.format(m.getDueAt().atZone(tenant.zoneId())));
        values.put("organisation", m.getOrganisationId() == null ? ""
                : tenant.organisation(m.getOrganisationId()).map(TenantConfiguration.Organisation::name).orElse(""));
        return values;
    }
}
