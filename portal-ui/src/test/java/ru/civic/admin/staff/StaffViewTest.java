package ru.civic.admin.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.account.StaffAccounts;
import ru.civic.platform.account.StaffDraft;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.workflow.QueueItem;
import ru.civic.platform.workflow.WorkflowService;
import ru.civic.portal.TestSignIn;

/** The operator's staff reference in the back office: who may open it, creating an official bound to categories. */
@SpringBootTest
class StaffViewTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");

    @Autowired
    AccountService accounts;
    @Autowired
    StaffAccounts staff;
    @Autowired
    MessageIntake intake;
    @Autowired
    WorkflowService workflow;
    @Autowired
    JdbcClient jdbc;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private void signInAs(Role role) {
        Account me = TenantContext.callAs(TOMSK, () -> accounts.create("s-" + role + "-" + marker, "x",
                "Сотрудник " + marker, null, Set.of(role), null));
        TestSignIn.asUser("tomsk", me.getUsername(), me.getDisplayName(), role.name());
    }

    private Component open() {
        return open("admin/staff");
    }

    private Component open(String location) {
        cleanVaadinEnvironment();
        return TenantContext.callAs(TOMSK, () -> {
            initVaadinEnvironment();
            return navigate(location, Component.class);
        });
    }

    private String submitted(String text, String category) {
        return TenantContext.callAs(TOMSK, () -> intake.submit(new SubmitMessage(null, text, category,
                new Place(56.52, 84.9, "ул. Ленина, 5"), null, false, List.of(), null, null),
                new Author(null, "Гость", "guest@example.ru", null), Message.Channel.PORTAL).number());
    }

    @Test
    void operatorCreatesAModeratorOfRoadsWhoseQueueHoldsRoadMessagesOnly() {
        String pothole = submitted("Яма на проспекте " + marker, "potholes");
        String snow = submitted("Снег во дворе " + marker, "snow-yards");
        signInAs(Role.OPERATOR);
        StaffView view = (StaffView) open();

        assertThat(view.roles().getListDataView().getItems().toList()).contains(Role.MODERATOR)
                .doesNotContain(Role.PLATFORM_OWNER, Role.CITIZEN, Role.HEAD); // Tomsk uses no HEAD
        TenantContext.runAs(TOMSK, () -> {
            test(view.username()).setValue("roads-" + marker);
            test(view.displayName()).setValue("Дорожный модератор " + marker);
            test(view.email()).setValue("roads-" + marker + "@example.ru");
            test(view.password()).setValue("initial-pass-1");
            view.roles().setValue(Set.of(Role.MODERATOR));
            view.organisation().setValue("dep-transport");
            view.categories().setValue(Set.of("roads"));
            test(view.saveButton()).click();
        });

        Account created = TenantContext.callAs(TOMSK, () -> accounts.findByUsername("roads-" + marker).orElseThrow());
        assertThat(created.getCategories()).containsExactly("roads");
        assertThat(created.getOrganisation()).isEqualTo("dep-transport");
        assertThat(view.grid().getGenericDataView().getItems().map(Account::getUsername))
                .contains("roads-" + marker);
        List<String> queue = TenantContext.callAs(TOMSK, () -> workflow.queue(Actors.of(created))).stream()
                .map(QueueItem::number).toList();
        assertThat(queue).contains(pothole).doesNotContain(snow);
    }

    @Test
    void aTakenUserNameIsShownAtItsFieldAndNothingTypedIsLost() {
        TenantContext.runAs(TOMSK, () -> accounts.create("taken-" + marker, "x", "Занятый", null,
                Set.of(Role.MODERATOR), null));
        signInAs(Role.OPERATOR);
        StaffView view = (StaffView) open();

        TenantContext.runAs(TOMSK, () -> {
            test(view.username()).setValue("taken-" + marker);
            test(view.displayName()).setValue("Новый сотрудник " + marker);
            test(view.password()).setValue("initial-pass-1");
            view.roles().setValue(Set.of(Role.EXECUTOR));
            view.categories().setValue(Set.of("snow"));
            test(view.saveButton()).click();
        });

        assertThat(view.username().isInvalid()).isTrue();
        assertThat(view.username().getErrorMessage()).isEqualTo("Имя для входа «taken-" + marker + "» уже занято.");
        assertThat(view.displayName().isInvalid()).isFalse();
        assertThat(view.username().getValue()).isEqualTo("taken-" + marker);
        assertThat(view.displayName().getValue()).isEqualTo("Новый сотрудник " + marker);
        assertThat(view.password().getValue()).isEqualTo("initial-pass-1");
        assertThat(view.roles().getValue()).containsExactly(Role.EXECUTOR);
        assertThat(view.categories().getValue()).containsExactly("snow");
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.findByUsername("taken-" + marker).orElseThrow()
                .getDisplayName())).isEqualTo("Занятый");
    }

    @Test
    void aModeratorCannotOpenTheStaffScreenNorCreateStaffThroughTheService() {
        signInAs(Role.MODERATOR);

        open();

        assertThat(getCurrentView()).isNotInstanceOf(StaffView.class);
        open("admin/queue");
        assertThat(find(Anchor.class).all()).extracting(a -> a.getElement().getAttribute("data-path"))
                .contains("/admin/queue", "/admin/citizens").doesNotContain("/admin/staff", "/admin/news");
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> staff.create(new StaffDraft("sneaky-" + marker,
                "Самозванец", null, "initial-pass-1", Set.of(Role.OPERATOR), null, Set.of()))))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.exists("sneaky-" + marker))).isFalse();
    }

    @Test
    void anOfficialCreatedWithoutAPasswordIsInvitedByEmailAndTheScreenSaysSoUntilAccepted() {
        signInAs(Role.OPERATOR);
        StaffView view = (StaffView) open();
        String address = "invited-" + marker + "@example.ru";

        TenantContext.runAs(TOMSK, () -> {
            test(view.username()).setValue("invited-" + marker);
            test(view.displayName()).setValue("Приглашённый " + marker);
            test(view.email()).setValue(address);
            view.roles().setValue(Set.of(Role.MODERATOR));
            test(view.saveButton()).click();
        });

        assertThat(view.saved().getText()).isEqualTo("Приглашение отправлено на " + address + ".");
        assertThat(view.invitation().getText()).startsWith("Приглашение: отправлено ").contains("не принято");
        assertThat(view.resend().isVisible()).isTrue();
        assertThat(mails(address)).singleElement().asString().contains("/invitation/");
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.findByUsername("invited-" + marker).orElseThrow()
                .getPasswordHash())).isNull();

        TenantContext.runAs(TOMSK, () -> test(view.resend()).click());

        assertThat(mails(address)).hasSize(2);
        assertThat(view.saved().getText()).isEqualTo("Приглашение отправлено на " + address + ".");
    }

    @Test
    void withoutAPasswordNorAnAddressTheScreenAsksForOneAtTheField() {
        signInAs(Role.OPERATOR);
        StaffView view = (StaffView) open();

        TenantContext.runAs(TOMSK, () -> {
            test(view.username()).setValue("nomail-" + marker);
            test(view.displayName()).setValue("Без почты " + marker);
            view.roles().setValue(Set.of(Role.MODERATOR));
            test(view.saveButton()).click();
        });

        assertThat(view.email().isInvalid()).isTrue();
        assertThat(view.email().getErrorMessage()).contains("электронную почту");
        assertThat(view.displayName().getValue()).isEqualTo("Без почты " + marker);
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.exists("nomail-" + marker))).isFalse();
    }

    private List<String> mails(String address) {
        return TenantContext.callAs(TOMSK, () -> jdbc.sql("select body from email_outbox where to_address = ? order by id")
                .param(address).query(String.class).list());
    }
}
