package ru.civic.admin.home;

import static org.assertj.core.api.Assertions.assertThat;


import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.tenancy.TenantContext;
import ru.civic.portal.TestSignIn;
import ru.civic.platform.tenancy.TenantId;

/**
 * The back office's entry, as each kind of signed-in person sees it: staff of the host's tenant get its workspace,
 * the platform owner gets the console; a sign-in issued for another tenant is refused even with a staff role.
 */
@SpringBootTest
class AdminHomeViewTest extends SpringBrowserlessTest {

    private void openAdminIn(TenantContext.Scope scope) {
        cleanVaadinEnvironment();
        TenantContext.callIn(scope, () -> {
            initVaadinEnvironment();
            navigate("admin", com.vaadin.flow.component.Component.class);
            return null;
        });
    }

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    @Test
    void tenantStaffSeeTheirTenantsWorkspace() {
        TestSignIn.as("tomsk", "MODERATOR");

        openAdminIn(new TenantContext.TenantScope(TenantId.of("tomsk")));

        assertThat(find(H1.class).single().getText()).isEqualTo("Рабочее место: Активный житель Томской области");
    }

    @Autowired
    ru.civic.platform.account.AccountService accounts;
    @Autowired
    ru.civic.platform.message.MessageIntake intake;

    @Test
    void aModeratorSeesHowMuchWaitsAndTheBackOfficeMenuForTheirRoles() {
        TenantId tomsk = TenantId.of("tomsk");
        String marker = java.util.UUID.randomUUID().toString().substring(0, 8);
        var moderator = TenantContext.callAs(tomsk, () -> accounts.create("home-mod-" + marker, "x", "Модератор",
                null, java.util.Set.of(ru.civic.platform.shared.Role.MODERATOR), null));
        TenantContext.runAs(tomsk, () -> intake.submit(new ru.civic.platform.message.SubmitMessage(null,
                "Яма у дома " + marker, "potholes", new ru.civic.platform.message.Place(56.5, 84.9, "ул. 1"), null,
                false, java.util.List.of(), null, null),
                new ru.civic.platform.message.Author(null, "Гость", "guest@example.ru", null),
                ru.civic.platform.message.Message.Channel.PORTAL));
        TestSignIn.asUser("tomsk", moderator.getUsername(), "Модератор", "MODERATOR");

        openAdminIn(new TenantContext.TenantScope(tomsk));

        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withClassName("civic-workspace-waiting")
                .single().getText()).matches("Ждут вашего решения: [1-9]\\d*, из них просрочено: \\d+\\.");
        // The frame's menu: what a moderator may open, not the curator's or the operator's screens.
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).all())
                .extracting(com.vaadin.flow.component.html.Anchor::getText)
                .contains("Очередь").doesNotContain("Всё в работе");
    }

    @Test
    void staffRoleIssuedForAnotherTenantIsRefused() {
        TestSignIn.as("volgograd", "OPERATOR");

        openAdminIn(new TenantContext.TenantScope(TenantId.of("tomsk")));

        assertThat(getCurrentView()).isNotInstanceOf(AdminHomeView.class);
        assertThat(find(H1.class).all()).extracting(H1::getText).noneMatch(t -> t.startsWith("Рабочее место"));
    }

    @Test
    void platformOwnerSeesEveryTenantOnThePlatformHost() {
        TestSignIn.as(TenantContext.PLATFORM_SCOPE, "PLATFORM_OWNER");

        openAdminIn(new TenantContext.PlatformScope());

        assertThat(find(H1.class).single().getText()).isEqualTo("Консоль владельца платформы");
        @SuppressWarnings("unchecked")
        Grid<ru.civic.platform.console.PlatformConsole.TenantSummary> grid = find(Grid.class).single();
        assertThat(grid.getGenericDataView().getItems().map(s -> s.tenant().id().value()).toList())
                .contains("tomsk", "volgograd", "zarechny", "tynda", "gubkinsky");
    }
}
