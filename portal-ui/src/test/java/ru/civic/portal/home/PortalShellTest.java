package ru.civic.portal.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.TestSignIn;
import ru.civic.portal.shell.PortalLayout;

/**
 * Each tenant's host shows its own portal: its name and colours from its configuration, texts in Russian.
 * The platform host lists the portals.
 */
@SpringBootTest
class PortalShellTest extends SpringBrowserlessTest {

    @Autowired
    TenantRegistry tenants;

    /** A fresh UI opened on the given scope's host, as a browser's first visit would open it. */
    private void openIn(TenantContext.Scope scope) {
        cleanVaadinEnvironment();
        TenantContext.callIn(scope, () -> {
            initVaadinEnvironment();
            return navigate(HomeView.class);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomsk", "volgograd", "zarechny", "tynda", "gubkinsky"})
    void tenantHomeShowsItsOwnNameAndColoursInRussian(String id) {
        TenantConfiguration configuration = tenants.getRequired(TenantId.of(id)).configuration();

        openIn(new TenantContext.TenantScope(TenantId.of(id)));

        PortalLayout layout = find(PortalLayout.class).single();
        assertThat(layout.getElement().getAttribute("data-tenant")).isEqualTo(id);
        assertThat(find(H1.class).withClassName("civic-portal-name").single().getText()).isEqualTo(configuration.name());
        assertThat(layout.getStyle().get("--civic-primary")).isEqualTo(configuration.branding().primaryColor());
        assertThat(layout.getStyle().get("--lumo-primary-color")).isEqualTo(configuration.branding().primaryColor());
        // what the portal is for follows what the tenant accepts: problems, proposals (Tomsk) or ideas (Gubkinsky)
        String purpose = switch (configuration.intake().kinds().getFirst()) {
            case PROBLEM -> "Сообщайте о проблемах города";
            case PROPOSAL -> "Вносите инициативные предложения";
            case IDEA -> "Предлагайте идеи по развитию города";
        };
        assertThat(find(Paragraph.class).all()).extracting(Paragraph::getText)
                .anyMatch(text -> text.startsWith(purpose));
        assertThat(find(Anchor.class).all()).extracting(Anchor::getText).contains("Войти");
    }

    @Test
    void theWorkspaceLinkIsOfferedToStaffOnly() {
        try {
            TestSignIn.as("zarechny", "CITIZEN");
            openIn(new TenantContext.TenantScope(TenantId.of("zarechny")));
            assertThat(find(Anchor.class).all()).extracting(Anchor::getText)
                    .doesNotContain("Рабочее место").doesNotContain("Войти");

            TestSignIn.as("zarechny", "EXECUTOR");
            openIn(new TenantContext.TenantScope(TenantId.of("zarechny")));
            assertThat(find(Anchor.class).all()).extracting(Anchor::getText).contains("Рабочее место");
        } finally {
            TestSignIn.out();
        }
    }

    @Test
    void tenantsLookDifferent() {
        // The shipped tenants; tenants made at run time from a template share its colours until restyled.
        assertThat(tenants.all()).filteredOn(t -> java.util.Set.of("tomsk", "volgograd", "zarechny", "tynda",
                        "gubkinsky").contains(t.id().value()))
                .hasSize(5)
                .extracting(t -> t.configuration().branding().primaryColor())
                .doesNotHaveDuplicates();
    }

    @Test
    void platformHostListsEveryPortal() {
        openIn(new TenantContext.PlatformScope());

        assertThat(find(H1.class).withClassName("civic-portal-name").single().getText())
                .isEqualTo("Платформа обратной связи");
        assertThat(find(Anchor.class).all()).extracting(Anchor::getText)
                .contains("Активный житель Томской области", "Никто, кроме нас!");
        assertThat(find(Anchor.class).all()).extracting(Anchor::getHref)
                .anyMatch(href -> href.contains("tomsk.localhost"));
    }
}
