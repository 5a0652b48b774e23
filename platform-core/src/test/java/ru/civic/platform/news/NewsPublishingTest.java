package ru.civic.platform.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

/** The operator's news desk: a publish date ahead, withdrawing an item, the tenant's own list. */
@SpringBootTest
class NewsPublishingTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId ZARECHNY = TenantId.of("zarechny");

    @Autowired
    News news;
    @Autowired
    TestClock clock;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<String> onHome(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> news.current(News.MAX_NEWS)).news().stream().map(NewsItem::title)
                .filter(t -> t.endsWith(marker)).toList();
    }

    private List<String> onHomeMaintenance(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> news.current(1)).maintenance().stream().map(NewsItem::title)
                .filter(t -> t.endsWith(marker)).toList();
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void anItemDatedAheadAppearsFromThenAndAWithdrawnOneDisappears() {
        clock.set(LocalDateTime.of(2033, 3, 1, 10, 0).atZone(ZoneId.of("Asia/Tomsk")));
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        TenantContext.runAs(TOMSK, () -> news.publish(NewsDraft.news("Завтрашняя " + marker, "Текст"), tomorrow));
        UUID today = TenantContext.callAs(TOMSK, () -> news.publish(NewsDraft.news("Сегодняшняя " + marker, "Текст"),
                null));
        Instant start = clock.instant().plus(Duration.ofDays(2));
        UUID works = TenantContext.callAs(TOMSK, () -> news.publish(NewsDraft.maintenance("Работы " + marker,
                "Портал недоступен", start, start.plus(Duration.ofHours(3))), null));

        assertThat(onHome(TOMSK)).containsExactly("Сегодняшняя " + marker);
        assertThat(onHomeMaintenance(TOMSK)).containsExactly("Работы " + marker);

        clock.set(tomorrow.plus(News.LIFETIME).plusSeconds(1)); // after the cached list has expired
        assertThat(onHome(TOMSK)).containsExactly("Завтрашняя " + marker, "Сегодняшняя " + marker);

        assertThat(TenantContext.callAs(ZARECHNY, () -> news.withdraw(today))).isFalse(); // not Zarechny's item
        assertThat(TenantContext.callAs(TOMSK, () -> news.withdraw(today))).isTrue();
        assertThat(TenantContext.callAs(TOMSK, () -> news.withdraw(works))).isTrue();
        assertThat(onHome(TOMSK)).containsExactly("Завтрашняя " + marker);
        assertThat(onHomeMaintenance(TOMSK)).isEmpty();

        List<News.Entry> own = TenantContext.callAs(TOMSK, news::own).stream()
                .filter(e -> e.title().endsWith(marker)).toList();
        assertThat(own).extracting(News.Entry::title, News.Entry::withdrawn).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Завтрашняя " + marker, false),
                org.assertj.core.groups.Tuple.tuple("Сегодняшняя " + marker, true),
                org.assertj.core.groups.Tuple.tuple("Работы " + marker, true));
        assertThat(own).filteredOn(e -> e.kind() == NewsKind.MAINTENANCE).singleElement()
                .satisfies(e -> assertThat(e.startsAt().getZone()).isEqualTo(ZoneId.of("Asia/Tomsk")));
        assertThat(TenantContext.callAs(ZARECHNY, news::own)).noneMatch(e -> e.title().endsWith(marker));
    }

    @Test
    @WithMockUser(roles = "MODERATOR")
    void aModeratorCannotPublishOrWithdraw() {
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK,
                () -> news.publish(NewsDraft.news("Модератор " + marker, "Текст"), null)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> news.withdraw(UUID.randomUUID())))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(onHome(TOMSK)).isEmpty();
    }
}
