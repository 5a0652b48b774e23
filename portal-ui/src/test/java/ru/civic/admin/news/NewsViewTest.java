package ru.civic.admin.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.news.News;
import ru.civic.platform.news.NewsKind;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/** The operator's news desk: what is published appears on the portal's home page; mistakes are shown at the field. */
@SpringBootTest
class NewsViewTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final ZoneId TOMSK_ZONE = ZoneId.of("Asia/Tomsk");

    @Autowired
    AccountService accounts;
    @Autowired
    News news;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private NewsView openDesk() {
        Account me = TenantContext.callAs(TOMSK, () -> accounts.findByUsername("n-operator-" + marker)
                .orElseGet(() -> accounts.create("n-operator-" + marker, "x", "Оператор " + marker, null,
                        Set.of(Role.OPERATOR), null)));
        TestSignIn.asUser("tomsk", me.getUsername(), me.getDisplayName(), Role.OPERATOR.name());
        return (NewsView) open("admin/news");
    }

    private Component open(String location) {
        cleanVaadinEnvironment();
        return TenantContext.callAs(TOMSK, () -> {
            initVaadinEnvironment();
            return navigate(location, Component.class);
        });
    }

    private java.util.List<String> homeHeadlines() {
        TestSignIn.out();
        open("");
        return find(H3.class).all().stream().map(H3::getText).toList();
    }

    @Test
    void publishedNewsAppearsOnThePortalHomeAndAWithdrawnItemLeavesIt() {
        NewsView desk = openDesk();
        TenantContext.runAs(TOMSK, () -> {
            test(desk.titleField()).setValue("Новый сквер открыт " + marker);
            test(desk.body()).setValue("Сквер на улице Ленина открыт для жителей.");
            test(desk.publishButton()).click();
        });
        assertThat(desk.grid().getGenericDataView().getItems().map(News.Entry::title))
                .contains("Новый сквер открыт " + marker);

        assertThat(homeHeadlines()).contains("Новый сквер открыт " + marker);

        NewsView again = openDesk();
        java.util.List<News.Entry> rows = again.grid().getGenericDataView().getItems().toList();
        int row = rows.indexOf(rows.stream().filter(e -> e.title().endsWith(marker)).findFirst().orElseThrow());
        Button withdraw = (Button) test(again.grid()).getCellComponent(row, again.grid().getColumns().size() - 1);
        TenantContext.runAs(TOMSK, () -> test(withdraw).click());
        assertThat(again.grid().getGenericDataView().getItems().filter(e -> e.title().endsWith(marker)))
                .singleElement().satisfies(e -> assertThat(e.withdrawn()).isTrue());
        assertThat(homeHeadlines()).doesNotContain("Новый сквер открыт " + marker);
    }

    @Test
    void mistakesAreShownAtTheirFieldsAndAMaintenanceWindowIsTheTenantsLocalTime() {
        NewsView desk = openDesk();
        TenantContext.runAs(TOMSK, () -> {
            test(desk.body()).setValue("Текст без заголовка " + marker);
            desk.publishOn().setValue(LocalDate.now(TOMSK_ZONE).minusDays(1));
            test(desk.publishButton()).click();
        });
        assertThat(desk.titleField().isInvalid()).isTrue();
        assertThat(desk.titleField().getErrorMessage()).isEqualTo("Укажите заголовок.");
        assertThat(desk.publishOn().isInvalid()).isTrue();
        assertThat(desk.body().getValue()).isEqualTo("Текст без заголовка " + marker);

        LocalDateTime start = LocalDate.now(TOMSK_ZONE).plusDays(3).atTime(2, 0);
        TenantContext.runAs(TOMSK, () -> {
            desk.kind().setValue(NewsKind.MAINTENANCE);
            test(desk.titleField()).setValue("Технические работы " + marker);
            desk.startsAt().setValue(start);
            desk.endsAt().setValue(start.minusHours(1));
            test(desk.publishButton()).click();
        });
        assertThat(desk.endsAt().isInvalid()).isTrue();
        assertThat(desk.endsAt().getErrorMessage()).isEqualTo("Окончание должно быть позже начала.");

        TenantContext.runAs(TOMSK, () -> {
            desk.endsAt().setValue(start.plusHours(3));
            test(desk.publishButton()).click();
        });
        News.Entry works = desk.grid().getGenericDataView().getItems()
                .filter(e -> e.title().equals("Технические работы " + marker)).findFirst().orElseThrow();
        assertThat(works.startsAt().toLocalDateTime()).isEqualTo(start);
        assertThat(works.startsAt().getZone()).isEqualTo(TOMSK_ZONE);
        assertThat(works.endsAt().toLocalDateTime()).isEqualTo(start.plusHours(3));
    }
}
