package ru.civic.admin.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * The back office's entry, as each kind of signed-in person sees it: staff of the host's tenant get its workspace,
 * the platform owner gets the console; a sign-in issued for another tenant is refused even with a staff role.
 */
@SpringBootTest
class AdminHomeViewTest extends SpringBrowserlessTest {

    private static void signedIn(String issuedFor, String... roles) {
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(600),
                Map.of("sub", "official", "tenant", issuedFor, "roles", List.of(roles), "name", "Иван Петров"));
        List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, token), authorities, "portal"));
    }

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
        SecurityContextHolder.clearContext();
    }

    @Test
    void tenantStaffSeeTheirTenantsWorkspace() {
        signedIn("tomsk", "MODERATOR");

        openAdminIn(new TenantContext.TenantScope(TenantId.of("tomsk")));

        assertThat(find(H1.class).single().getText()).isEqualTo("Рабочее место: Активный житель Томской области");
    }

    @Test
    void staffRoleIssuedForAnotherTenantIsRefused() {
        signedIn("volgograd", "OPERATOR");

        openAdminIn(new TenantContext.TenantScope(TenantId.of("tomsk")));

        assertThat(getCurrentView()).isNotInstanceOf(AdminHomeView.class);
        assertThat(find(H1.class).all()).extracting(H1::getText).noneMatch(t -> t.startsWith("Рабочее место"));
    }

    @Test
    void platformOwnerSeesEveryTenantOnThePlatformHost() {
        signedIn(TenantContext.PLATFORM_SCOPE, "PLATFORM_OWNER");

        openAdminIn(new TenantContext.PlatformScope());

        assertThat(find(H1.class).single().getText()).isEqualTo("Консоль владельца платформы");
        @SuppressWarnings("unchecked")
        Grid<ru.civic.platform.tenancy.Tenant> grid = find(Grid.class).single();
        assertThat(grid.getGenericDataView().getItems().map(t -> t.id().value()).toList())
                .contains("tomsk", "volgograd", "zarechny", "tynda", "gubkinsky");
    }
}
