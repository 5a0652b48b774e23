package ru.civic.admin.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/** Blocking a citizen from the back office: the reason is required, and the blocked citizen submits nothing more. */
@SpringBootTest
class CitizensViewTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");

    @Autowired
    AccountService accounts;
    @Autowired
    MessageIntake intake;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private CitizensView openAs(Role role) {
        Account me = TenantContext.callAs(TOMSK, () -> accounts.create("c-" + role + "-" + marker, "x",
                "Сотрудник " + marker, null, Set.of(role), null));
        TestSignIn.asUser("tomsk", me.getUsername(), me.getDisplayName(), role.name());
        cleanVaadinEnvironment();
        return (CitizensView) TenantContext.callAs(TOMSK, () -> {
            initVaadinEnvironment();
            return navigate("admin/citizens", Component.class);
        });
    }

    private void submitAs(Account citizen, String text) {
        TenantContext.runAs(TOMSK, () -> intake.submit(new SubmitMessage(null, text, "potholes",
                new Place(56.52, 84.9, "ул. Ленина, 7"), null, false, List.of(), null, null),
                new Author(citizen.getId(), citizen.getDisplayName(), citizen.getEmail(), null),
                Message.Channel.PORTAL));
    }

    @Test
    void aModeratorBlocksACitizenWithAReasonAndTheCitizensNextMessageIsRefused() {
        Account citizen = TenantContext.callAs(TOMSK, () -> accounts.registerCitizen("Спамер " + marker,
                "spam-" + marker + "@example.ru", "password-1"));
        submitAs(citizen, "Первое сообщение о яме " + marker); // may submit before the block
        CitizensView view = openAs(Role.MODERATOR);
        // Lifting a block is the operator's: the moderator is not offered it.
        assertThat(view.blocked().getColumns().getLast().isVisible()).isFalse();

        TenantContext.runAs(TOMSK, () -> {
            test(view.search()).setValue("spam-" + marker);
            test(view.findButton()).click();
        });
        assertThat(view.found().getGenericDataView().getItems().map(Account::getId)).containsExactly(citizen.getId());
        TenantContext.runAs(TOMSK, () -> {
            view.found().select(view.found().getGenericDataView().getItems().findFirst().orElseThrow());
            test(view.block()).click(); // no reason typed
        });
        assertThat(view.reason().isInvalid()).isTrue();
        assertThat(view.reason().getErrorMessage()).isEqualTo("Укажите причину блокировки.");
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.find(citizen.getId()).orElseThrow().isBlocked()))
                .isFalse();

        TenantContext.runAs(TOMSK, () -> {
            test(view.reason()).setValue("Реклама в каждом сообщении");
            test(view.block()).click();
        });

        assertThat(view.blocked().getGenericDataView().getItems()).filteredOn(a -> a.getId().equals(citizen.getId()))
                .singleElement().satisfies(a -> assertThat(a.getBlockedReason()).isEqualTo("Реклама в каждом сообщении"));
        assertThatThrownBy(() -> submitAs(citizen, "Второе сообщение " + marker))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).containsExactly("message.author.blocked"));
    }
}
