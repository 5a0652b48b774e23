package ru.civic.admin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.news.NewsItem;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/**
 * Maintenance of the whole platform announced from the console appears on every tenant's home page, in that tenant's
 * time; it can be withdrawn; a notice missing its text or window is refused at the fields.
 */
@SpringBootTest
class MaintenanceViewTest extends SpringBrowserlessTest {

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private MaintenanceView openConsole() {
        TestSignIn.as(TenantContext.PLATFORM_SCOPE, "PLATFORM_OWNER");
        cleanVaadinEnvironment();
        return TenantContext.callInPlatformScope(() -> {
            initVaadinEnvironment();
            return navigate("admin/platform/announcements", MaintenanceView.class);
        });
    }

    /** The maintenance notices on a tenant's home page, as a passer-by sees them. */
    private List<String> noticesOnHomePageOf(String tenant) {
        TestSignIn.out();
        cleanVaadinEnvironment();
        TenantContext.callAs(TenantId.of(tenant), () -> {
            initVaadinEnvironment();
            return navigate("", Component.class);
        });
        return find(Div.class).withClassName("civic-maintenance").all().stream()
                .map(d -> d.getElement().getTextRecursively()).filter(t -> t.contains(marker)).toList();
    }

    @Test
    void maintenanceAnnouncedForAllTenantsShowsOnTheirHomePagesUntilWithdrawn() {
        MaintenanceView view = openConsole();
        LocalDateTime start = LocalDateTime.now(PlatformConsoleView.PLATFORM_ZONE).plusDays(3)
                .truncatedTo(ChronoUnit.HOURS).withHour(1);
        TenantContext.runInPlatformScope(() -> {
            test(view.heading()).setValue("Обновление платформы " + marker);
            test(view.body()).setValue("Порталы будут недоступны до трёх часов.");
            view.startsAt().setValue(start);
            view.endsAt().setValue(start.plusHours(2));
            test(find(Button.class).withClassName("civic-platform-announce").single()).click();
        });
        assertThat(view.announced().getGenericDataView().getItems().map(NewsItem::title))
                .contains("Обновление платформы " + marker);

        List<String> tomsk = noticesOnHomePageOf("tomsk");
        assertThat(tomsk).hasSize(1);
        assertThat(tomsk.getFirst()).contains("Обновление платформы " + marker);
        // 01:00 Moscow time is 05:00 in Tomsk (UTC+7).
        assertThat(find(Span.class).withClassName("civic-maintenance-window").all()).extracting(Span::getText)
                .anyMatch(w -> w.contains("05:00") && w.contains("(UTC+07:00)"));
        assertThat(noticesOnHomePageOf("volgograd")).hasSize(1);

        MaintenanceView again = openConsole();
        List<NewsItem> rows = again.announced().getGenericDataView().getItems().toList();
        int row = rows.indexOf(rows.stream().filter(n -> n.title().contains(marker)).findFirst().orElseThrow());
        TenantContext.runInPlatformScope(() -> test((Button) test(again.announced()).getCellComponent(row, 2))
                .click());
        Dialog dialog = find(Dialog.class).withClassName("civic-platform-confirm").single();
        TenantContext.runInPlatformScope(() -> test(find(Button.class).withClassName("civic-platform-confirm-yes")
                .from(dialog).single()).click());

        assertThat(again.announced().getGenericDataView().getItems().map(NewsItem::title))
                .noneMatch(t -> t.contains(marker));
        assertThat(noticesOnHomePageOf("tomsk")).isEmpty();
        assertThat(noticesOnHomePageOf("volgograd")).isEmpty();
    }

    @Test
    void aNoticeWithoutTextOrWithItsEndBeforeItsStartIsRefusedAtTheFields() {
        MaintenanceView view = openConsole();
        LocalDateTime start = LocalDateTime.now(PlatformConsoleView.PLATFORM_ZONE).plusDays(1)
                .truncatedTo(ChronoUnit.MINUTES);
        TenantContext.runInPlatformScope(() -> {
            test(view.heading()).setValue("Работы " + marker);
            view.startsAt().setValue(start);
            view.endsAt().setValue(start.minusHours(1));
            test(find(Button.class).withClassName("civic-platform-announce").single()).click();
        });

        assertThat(view.body().isInvalid()).isTrue();
        assertThat(view.endsAt().isInvalid()).isTrue();
        assertThat(view.endsAt().getErrorMessage()).isEqualTo("Окончание должно быть позже начала.");
        assertThat(view.heading().getValue()).isEqualTo("Работы " + marker);
        assertThat(view.startsAt().getValue()).isEqualTo(start);
        assertThat(view.announced().getGenericDataView().getItems().map(NewsItem::title))
                .noneMatch(t -> t.contains(marker));
    }
}
