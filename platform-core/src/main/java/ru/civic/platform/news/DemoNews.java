package ru.civic.platform.news;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantConfigurationChanged;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Local use only ({@code platform.demo-data=true}): two news items on every tenant's portal that has none, and a
 * platform maintenance announced for the coming Sunday night whenever none is announced, so the home page shows
 * both right after the first start. The texts name the tenant from its configuration; nothing per city here.
 */
@Component
@ConditionalOnBooleanProperty("platform.demo-data")
class DemoNews {

    private static final Logger log = LoggerFactory.getLogger(DemoNews.class);
    private static final ZoneId PLATFORM_ZONE = ZoneId.of("Europe/Moscow");

    private final News news;
    private final TenantRegistry tenants;
    private final Clock clock;

    DemoNews(News news, TenantRegistry tenants, Clock clock) {
        this.news = news;
        this.tenants = tenants;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAll() {
        if (!news.maintenanceAnnounced(true)) {
            ZonedDateTime start = ZonedDateTime.now(clock.withZone(PLATFORM_ZONE)).toLocalDate()
                    .with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).atTime(LocalTime.of(2, 0))
                    .atZone(PLATFORM_ZONE);
            news.announceForAllTenantsUnchecked(NewsDraft.maintenance("Плановые технические работы на платформе",
                    "Обновляем программное обеспечение платформы. Во время работ порталы могут быть недоступны; "
                            + "отправленные ранее сообщения сохранятся.",
                    start.toInstant(), start.plusHours(2).toInstant()));
        }
        tenants.all().forEach(this::seed);
        log.warn("Demo news and a demo maintenance notice are enabled. Never in production.");
    }

    @EventListener
    void onTenantChanged(TenantConfigurationChanged event) {
        tenants.find(event.tenantId()).ifPresent(this::seed);
    }

    private void seed(Tenant tenant) {
        TenantContext.runAs(tenant.id(), () -> {
            if (news.anyNews()) {
                return;
            }
            String portal = tenant.configuration().name();
            news.publishUnchecked(NewsDraft.news("Портал «" + portal + "» открыт",
                    "Сообщайте о проблемах и предлагайте улучшения: каждое сообщение получает номер, по которому "
                            + "можно следить за ответом."));
            news.publishUnchecked(NewsDraft.news("Справочник организаций и ответы на частые вопросы",
                    "На портале появились контакты и часы работы организаций, а также ответы на типовые вопросы."));
        });
    }
}
