package ru.civic.portal.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.workflow.ActionInput;
import ru.civic.platform.workflow.WorkflowService;
import ru.civic.portal.TestSignIn;

/** The personal cabinet: one's own messages with status and deadline, notifications, and the profile. */
@SpringBootTest
class CabinetViewTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");

    @Autowired
    AccountService accounts;
    @Autowired
    MessageIntake intake;
    @Autowired
    WorkflowService workflow;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private Account citizen(String name) {
        return TenantContext.callAs(TOMSK, () -> accounts.create(name + "-" + marker, "x", "Житель " + name,
                name + "-" + marker + "@example.ru", Set.of(Role.CITIZEN), null));
    }

    private String publishedBy(Account author) {
        return TenantContext.callAs(TOMSK, () -> {
            String number = intake.submit(new SubmitMessage(null, "Нет освещения во дворе " + marker, "potholes",
                    new Place(56.5, 84.9, "ул. Мира, 3"), null, false, List.of(), null, null),
                    new Author(author.getId(), author.getDisplayName(), author.getEmail(), null),
                    Message.Channel.PORTAL).number();
            var operator = Actors.of(accounts.create("cab-op-" + marker, "x", "Оператор", null,
                    Set.of(Role.OPERATOR), null));
            workflow.act(number, "publish", ActionInput.none(), operator);
            return number;
        });
    }

    private CabinetView open(Account who) {
        TestSignIn.asUser("tomsk", who.getUsername(), who.getDisplayName(), "CITIZEN");
        cleanVaadinEnvironment();
        return TenantContext.callAs(TOMSK, () -> {
            initVaadinEnvironment();
            return navigate("cabinet", CabinetView.class);
        });
    }

    @Test
    void citizenSeesOwnMessagesWithStatusAndNotOthers() {
        Account author = citizen("cab-author");
        Account other = citizen("cab-other");
        String number = publishedBy(author);

        open(author);
        assertThat(find(Anchor.class).all()).extracting(Anchor::getText).contains(number);
        assertThat(find(Span.class).withClassName("civic-my-status").all()).extracting(Span::getText)
                .contains(" · Опубликовано");

        open(other);
        assertThat(find(Anchor.class).all()).extracting(Anchor::getText).doesNotContain(number);
    }

    @Test
    void notificationsAreListedAndMarkedRead() {
        Account author = citizen("cab-notified");
        String number = publishedBy(author);

        CabinetView view = open(author);
        assertThat(find(Anchor.class).withClassName("civic-cabinet-link").single().getText()).matches(".*\\(\\d+\\)");
        TenantContext.runAs(TOMSK, () -> view.tabs().setSelectedTab(view.notificationsTab()));
        assertThat(view.notificationsTab().getLabel()).isEqualTo("Уведомления (1)");
        Div item = find(Div.class).withClassName("civic-notification").single();
        assertThat(item.getElement().getTextRecursively()).contains(number);
        TenantContext.runAs(TOMSK, () -> test(find(Button.class).withClassName("civic-mark-read").single()).click());
        assertThat(view.notificationsTab().getLabel()).isEqualTo("Уведомления");
        assertThat(find(Button.class).withClassName("civic-mark-read").all()).isEmpty();
    }

    @Test
    void profileChangesAreSavedAndABadEmailIsShownAtItsField() {
        Account me = citizen("cab-profile");
        CabinetView view = open(me);
        TenantContext.runAs(TOMSK, () -> view.tabs().setSelectedTab(view.profileTab()));
        TextField name = find(TextField.class).withClassName("civic-profile-name").single();
        EmailField email = find(EmailField.class).withClassName("civic-profile-email").single();

        TenantContext.runAs(TOMSK, () -> {
            test(name).setValue("Анна Смирнова");
            email.setValue("не-почта");
            test(find(Button.class).withClassName("civic-profile-save").single()).click();
        });
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Адрес электронной почты указан неверно.");
        assertThat(name.getValue()).isEqualTo("Анна Смирнова");
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.find(me.getId()).orElseThrow().getDisplayName()))
                .isEqualTo("Житель cab-profile");

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<ru.civic.platform.tenancy.TenantConfiguration.District> district =
                find(com.vaadin.flow.component.combobox.ComboBox.class).withClassName("civic-profile-district").single();
        TenantContext.runAs(TOMSK, () -> {
            email.setValue("anna@example.ru");
            district.setValue(district.getListDataView().getItems().findFirst().orElseThrow());
            test(find(Button.class).withClassName("civic-profile-save").single()).click();
        });
        Account saved = TenantContext.callAs(TOMSK, () -> accounts.find(me.getId()).orElseThrow());
        assertThat(saved.getDisplayName()).isEqualTo("Анна Смирнова");
        assertThat(saved.getEmail()).isEqualTo("anna@example.ru");
        assertThat(saved.getDistrictId()).as("the district polls for residents ask for")
                .isEqualTo(district.getValue().id());
        assertThat(find(Span.class).withClassName("civic-profile-saved").single().getText()).isEqualTo("Сохранено.");
    }
}
