package ru.civic.admin.home;

import static org.assertj.core.api.Assertions.assertThat;


import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
