package ru.civic.platform.workflow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.MessageLookup;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.notification.CabinetNotification;
import ru.civic.platform.notification.Notifications;
import ru.civic.platform.photo.PhotoUpload;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration.MessageKind;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.testsupport.TestClock;

/** Accounts, submissions and actions in a tenant, as the regulation scenarios need them. */
abstract class LifecycleTestSupport {

    @Autowired
    protected MessageIntake intake;
    @Autowired
    protected WorkflowService workflow;
    @Autowired
    protected MessageLookup lookup;
    @Autowired
    protected AccountService accounts;
    @Autowired
    protected Notifications notifications;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected TestClock clock;

    protected final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected void at(String tenantZone, int year, int month, int day, int hour, int minute) {
        clock.set(LocalDateTime.of(year, month, day, hour, minute).atZone(ZoneId.of(tenantZone)));
    }

    protected Actor account(TenantId tenant, String name, String organisation, Role... roles) {
        return TenantContext.callAs(tenant, () -> {
            Set<Role> set = roles.length == 0 ? EnumSet.of(Role.CITIZEN) : EnumSet.of(roles[0], roles);
            Account a = accounts.create(name + "-" + marker, "secret", name + " " + marker,
                    name + "-" + marker + "@example.ru", set, organisation);
            return Actors.of(a);
        });
    }

    protected Receipt submit(TenantId tenant, Actor author, String text, String category, Place place,
            Instant occurredAt, boolean publicity, List<PhotoUpload> photos) {
        return TenantContext.callAs(tenant, () -> intake.submit(
                new SubmitMessage(null, text, category, place, occurredAt, publicity, photos, null, null),
                new Author(author.accountId(), author.name(), null, null), Message.Channel.PORTAL));
    }

    protected TransitionOutcome act(TenantId tenant, String number, String action, ActionInput input, Actor actor) {
        return TenantContext.callAs(tenant, () -> workflow.act(number, action, input, actor));
    }

    protected MessageView view(TenantId tenant, String number, Actor reader) {
        return TenantContext.callAs(tenant, () -> lookup.view(number, Optional.ofNullable(reader)));
    }

    protected List<CabinetNotification> inbox(TenantId tenant, Actor who) {
        return TenantContext.callAs(tenant, () -> notifications.inbox(who.accountId(), 50));
    }

    protected List<String> queuedEmailSubjects(TenantId tenant, String toAddress) {
        return TenantContext.callAs(tenant, () -> jdbc.sql(
                "select subject from email_outbox where to_address = ? order by id").param(toAddress)
                .query(String.class).list());
    }

    protected static String email(Actor actor) {
        // account(...) gives every account the e-mail <name>@example.ru, where name is the user name
        return actor.name().replace(' ', '-') + "@example.ru";
    }

    protected static Place place(double lat, double lon, String address) {
        return new Place(lat, lon, address);
    }

    protected static MessageKind kind(MessageKind kind) {
        return kind;
    }
}
