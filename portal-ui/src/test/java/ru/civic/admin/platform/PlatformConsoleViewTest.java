package ru.civic.admin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import ru.civic.platform.console.PlatformConsole;
import ru.civic.platform.console.PlatformConsole.NewTenant;
import ru.civic.platform.console.PlatformConsole.TenantSummary;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.tenancy.TenantStatus;
import ru.civic.portal.TestSignIn;

/**
 * The platform owner's console on the platform host: every tenant with its figures, one tenant's page, suspending and
 * resuming after a confirmation; and a tenant's staff kept out of all of it, on the page and in the service.
 */
@SpringBootTest
class PlatformConsoleViewTest extends SpringBrowserlessTest {

    @Autowired
    PlatformConsole console;
    @Autowired
    TenantRegistry registry;
    @Autowired
    MessageIntake intake;
    @Autowired
    JdbcClient jdbc;

    private final String marker = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private void openOnPlatformHost(String location) {
        cleanVaadinEnvironment();
        TenantContext.callInPlatformScope(() -> {
            initVaadinEnvironment();
            return navigate(location, Component.class);
        });
    }

    /** A new tenant with one message whose stage deadline passed an hour ago. */
    private Tenant tenantWithOverdueWork() {
        TestSignIn.as(TenantContext.PLATFORM_SCOPE, "PLATFORM_OWNER");
        Tenant tenant = console.create(new NewTenant(marker, "Город " + marker, List.of(), "Europe/Moscow", "RU-VLA",
                "Владимирская область", null), "owner");
        TenantContext.runAs(tenant.id(), () -> {
            Receipt receipt = intake.submit(new SubmitMessage(null, "Яма у дома " + marker, "roads",
                    new Place(56.13, 40.4, "ул. Большая Московская, 1"), null, false, List.of(), null, null),
                    new Author(null, "Житель", "resident@example.ru", null), Message.Channel.PORTAL);
            jdbc.sql("update message set stage_due_at = ? where id = ?")
                    .params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), receipt.id()).update();
        });
        return tenant;
    }

    @Test
    void theBackOfficeEntryOnThePlatformHostShowsEveryTenantWithItsFigures() {
        Tenant tenant = tenantWithOverdueWork();

        openOnPlatformHost("admin");

        assertThat(getCurrentView()).isInstanceOf(PlatformConsoleView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("Консоль владельца платформы");
        @SuppressWarnings("unchecked")
        Grid<TenantSummary> grid = find(Grid.class).single();
        List<TenantSummary> rows = grid.getGenericDataView().getItems().toList();
        assertThat(rows).extracting(s -> s.tenant().id().value())
                .contains("tomsk", "volgograd", "zarechny", "tynda", "gubkinsky", marker);
        int row = rows.indexOf(rows.stream().filter(s -> s.tenant().id().equals(tenant.id())).findFirst()
                .orElseThrow());
        var cells = test(grid);
        assertThat(cells.getCellText(row, 1)).isEqualTo("Город " + marker);
        assertThat(cells.getCellText(row, 2)).isEqualTo("Работает");
        assertThat(cells.getCellText(row, 3)).isEqualTo("1");   // received
        assertThat(cells.getCellText(row, 5)).isEqualTo("1");   // open
        assertThat(cells.getCellText(row, 6)).isEqualTo("1");   // overdue
        assertThat(cells.getCellText(row, 7)).isEqualTo("—");   // nothing answered yet
        assertThat(cells.getCellText(row, 9)).endsWith("МСК");  // last activity: the submission
    }

    @Test
    void aTenantsPageShowsWhereWorkIsOverdueAndSuspendsAndResumesAfterConfirmation() {
        Tenant tenant = tenantWithOverdueWork();

        openOnPlatformHost("admin/platform/tenant/" + marker);

        assertThat(find(H1.class).single().getText()).isEqualTo("Город " + marker + " (" + marker + ")");
        assertThat(figure("overdue")).isEqualTo("1");
        @SuppressWarnings("unchecked")
        Grid<PlatformConsole.OpenWork> byCategory = find(Grid.class).withClassName("civic-platform-by-category")
                .single();
        assertThat(test(byCategory).getCellText(0, 0)).isEqualTo("Дороги");
        assertThat(test(byCategory).getCellText(0, 2)).isEqualTo("1");

        clickStatusChangeAndConfirm();

        assertThat(registry.getRequired(tenant.id()).status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(find(Span.class).withClassName("civic-platform-status").single().getText())
                .isEqualTo("Приостановлен");
        assertThat(statusButton().getText()).isEqualTo("Возобновить работу портала");

        clickStatusChangeAndConfirm();

        assertThat(registry.getRequired(tenant.id()).status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(find(Span.class).withClassName("civic-platform-status").single().getText()).isEqualTo("Работает");
    }

    @Test
    void cancellingTheQuestionLeavesTheTenantRunning() {
        Tenant tenant = tenantWithOverdueWork();
        openOnPlatformHost("admin/platform/tenant/" + marker);

        TenantContext.runInPlatformScope(() -> test(statusButton()).click());
        Dialog dialog = find(Dialog.class).withClassName("civic-platform-confirm").single();
        assertThat(find(Paragraph.class).from(dialog).single().getText()).contains("Все данные сохраняются");
        TenantContext.runInPlatformScope(() -> test(find(Button.class).withText("Отмена").from(dialog).single())
                .click());

        assertThat(registry.getRequired(tenant.id()).isActive()).isTrue();
    }

    @Test
    void aTenantsOperatorCanNeitherOpenTheConsoleNorCallIt() {
        TestSignIn.asUser("tomsk", "operator", "Оператор", "OPERATOR");

        for (String location : List.of("admin/platform", "admin/platform/new", "admin/platform/announcements",
                "admin/platform/tenant/tomsk")) {
            cleanVaadinEnvironment();
            TenantContext.callAs(TenantId.of("tomsk"), () -> {
                initVaadinEnvironment();
                return navigate(location, Component.class);
            });
            assertThat(getCurrentView()).as(location).isNotInstanceOfAny(PlatformConsoleView.class,
                    NewTenantView.class, MaintenanceView.class, PlatformTenantView.class);
        }
        // Not even on the platform host with the tenant's sign-in.
        openOnPlatformHost("admin/platform");
        assertThat(getCurrentView()).isNotInstanceOf(PlatformConsoleView.class);

        TenantContext.runAs(TenantId.of("tomsk"), () -> {
            assertThatThrownBy(() -> console.overview(90)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> console.suspend(TenantId.of("tomsk"), "operator"))
                    .isInstanceOf(AccessDeniedException.class);
        });
        assertThat(registry.getRequired(TenantId.of("tomsk")).isActive()).isTrue();
    }

    private String figure(String name) {
        return find(Paragraph.class).withClassName("civic-figure").all().stream()
                .filter(p -> name.equals(p.getElement().getAttribute("data-figure"))).findFirst().orElseThrow()
                .getChildren().filter(c -> c.getElement().getClassList().contains("civic-figure-value")).findFirst().orElseThrow()
                .getElement().getText();
    }

    private Button statusButton() {
        return find(Button.class).withClassName("civic-platform-status-change").single();
    }

    private void clickStatusChangeAndConfirm() {
        TenantContext.runInPlatformScope(() -> test(statusButton()).click());
        Dialog dialog = find(Dialog.class).withClassName("civic-platform-confirm").single();
        TenantContext.runInPlatformScope(() -> test(find(Button.class).withClassName("civic-platform-confirm-yes")
                .from(dialog).single()).click());
    }
}
