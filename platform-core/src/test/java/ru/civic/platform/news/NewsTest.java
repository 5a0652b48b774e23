package ru.civic.platform.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.testsupport.TestClock;

/** News and announced maintenance on a tenant's home page: order, time windows, isolation, who may publish. */
@SpringBootTest
class NewsTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId ZARECHNY = TenantId.of("zarechny");
    private static final ZoneId TOMSK_ZONE = ZoneId.of("Asia/Tomsk");

    @Autowired
    News news;
    @Autowired
    TestClock clock;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private HomeNews home(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> news.current(10));
    }

    private List<String> mine(List<NewsItem> items) {
        return items.stream().map(NewsItem::title).filter(t -> t.endsWith(marker)).toList();
    }

    private ZonedDateTime tomskTime(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(TOMSK_ZONE);
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void newsIsListedNewestFirstAndOnlyOnItsOwnTenantsPortal() {
        clock.set(tomskTime(2031, 3, 10, 10));
        TenantContext.runAs(TOMSK, () -> news.publish(NewsDraft.news("Первая новость " + marker, "Текст")));
        clock.advance(java.time.Duration.ofMinutes(5));
        TenantContext.runAs(TOMSK, () -> news.publish(NewsDraft.news("Вторая новость " + marker, "Текст")));
        TenantContext.runAs(ZARECHNY, () -> news.publish(NewsDraft.news("Новость Заречного " + marker, "Текст")));

        assertThat(mine(home(TOMSK).news())).containsExactly("Вторая новость " + marker, "Первая новость " + marker);
        assertThat(mine(home(ZARECHNY).news())).containsExactly("Новость Заречного " + marker);
        assertThat(home(TOMSK).maintenance()).extracting(NewsItem::title).noneMatch(t -> t.endsWith(marker));
    }

    @Test
    @WithMockUser(roles = {"OPERATOR", "PLATFORM_OWNER"})
    void maintenanceIsShownInTheTenantsZoneWhileAnnouncedOrUnderWayAndGoneOnceItEnds() {
        clock.set(tomskTime(2032, 5, 1, 12));
        TenantContext.runAs(TOMSK, () -> news.publish(NewsDraft.maintenance("Работы на портале " + marker,
                "Портал будет недоступен", tomskTime(2032, 5, 3, 2).toInstant(), tomskTime(2032, 5, 3, 4).toInstant())));
        news.announceForAllTenants(NewsDraft.maintenance("Работы на платформе " + marker, "Все порталы",
                tomskTime(2032, 5, 10, 1).toInstant(), tomskTime(2032, 5, 10, 3).toInstant()));

        // Announced: both to come, the sooner first; the window in Tomsk's own time.
        List<NewsItem> announced = home(TOMSK).maintenance().stream().filter(i -> i.title().endsWith(marker)).toList();
        assertThat(announced).extracting(NewsItem::title)
                .containsExactly("Работы на портале " + marker, "Работы на платформе " + marker);
        assertThat(announced).noneMatch(NewsItem::inProgress);
        assertThat(announced.getFirst().startsAt().toLocalDateTime()).isEqualTo(LocalDateTime.of(2032, 5, 3, 2, 0));
        assertThat(announced.getFirst().endsAt().toLocalDateTime()).isEqualTo(LocalDateTime.of(2032, 5, 3, 4, 0));
        assertThat(announced.getFirst().startsAt().getZone()).isEqualTo(TOMSK_ZONE);
        assertThat(announced.get(1).platformWide()).isTrue();
        // Zarechny sees the platform's maintenance, in Moscow time, but not Tomsk's own.
        List<NewsItem> zarechny = home(ZARECHNY).maintenance().stream().filter(i -> i.title().endsWith(marker))
                .toList();
        assertThat(zarechny).extracting(NewsItem::title).containsExactly("Работы на платформе " + marker);
        assertThat(zarechny.getFirst().startsAt().toLocalDateTime()).isEqualTo(LocalDateTime.of(2032, 5, 9, 21, 0));

        clock.set(tomskTime(2032, 5, 3, 3));
        List<NewsItem> underWay = home(TOMSK).maintenance().stream().filter(i -> i.title().endsWith(marker)).toList();
        assertThat(underWay.getFirst().title()).isEqualTo("Работы на портале " + marker);
        assertThat(underWay.getFirst().inProgress()).isTrue();
        assertThat(underWay.get(1).inProgress()).isFalse();

        clock.set(tomskTime(2032, 5, 3, 4));
        assertThat(mine(home(TOMSK).maintenance())).containsExactly("Работы на платформе " + marker);

        clock.set(tomskTime(2032, 5, 10, 3));
        assertThat(mine(home(TOMSK).maintenance())).isEmpty();
        assertThat(mine(home(ZARECHNY).maintenance())).isEmpty();
    }

    @Test
    @WithMockUser(roles = "CITIZEN")
    void aCitizenCannotPublishNews() {
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK,
                () -> news.publish(NewsDraft.news("Самодеятельность " + marker, "Текст"))))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> news.announceForAllTenants(NewsDraft.news("Самодеятельность " + marker, "Текст")))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(mine(home(TOMSK).news())).isEmpty();
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void aTenantOperatorCannotAnnounceForEveryTenant() {
        assertThatThrownBy(() -> news.announceForAllTenants(NewsDraft.news("Для всех " + marker, "Текст")))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}
