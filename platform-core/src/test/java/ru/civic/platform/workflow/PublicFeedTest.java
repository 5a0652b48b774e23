package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.message.FeedItem;
import ru.civic.platform.message.FeedPage;
import ru.civic.platform.message.FeedQuery;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.Supporter;
import ru.civic.platform.message.Supports;
import ru.civic.platform.shared.Role;
import ru.civic.platform.message.Actor;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/** The public feed's filters (category with its subcategories, status, district, period) and its two orders. */
@SpringBootTest
class PublicFeedTest extends LifecycleTestSupport {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId TYNDA = TenantId.of("tynda");

    @org.springframework.beans.factory.annotation.Autowired
    Supports supports;

    @Test
    void districtIsTakenFromThePointByTheTenantsPolygons() {
        Actor author = account(TOMSK, "feed-district", null);
        Receipt inLeninsky = submit(TOMSK, author, "Яма на дороге " + marker, "potholes",
                place(56.52, 84.90, "ул. Ленина, 1"), null, false, List.of());
        Receipt addressOnly = submit(TOMSK, author, "Яма без точки " + marker, "potholes",
                new ru.civic.platform.message.Place(null, null, "ул. Мира, 5"), null, false, List.of());

        MessageView leninsky = view(TOMSK, inLeninsky.number(), author);
        assertThat(leninsky.districtId()).isEqualTo("leninsky");
        assertThat(leninsky.districtName()).isEqualTo("Ленинский район г. Томска");
        assertThat(view(TOMSK, addressOnly.number(), author).districtId()).isNull();
    }

    @Test
    void feedFiltersByCategoryTreeStatusDistrictAndPeriodAndOrdersBySupports() {
        Actor author = account(TOMSK, "feed-author", null);
        Actor moderator = account(TOMSK, "feed-moderator", null, Role.MODERATOR);
        at("Asia/Tomsk", 2031, 3, 3, 10, 0);
        Receipt early = submit(TOMSK, author, "Выбоина во дворе " + marker, "potholes",
                place(56.52, 84.90, "ул. Ленина, 1"), null, false, List.of());
        at("Asia/Tomsk", 2031, 3, 10, 10, 0);
        Receipt late = submit(TOMSK, author, "Сосульки над входом " + marker, "icicles",
                place(56.45, 85.00, "пр. Фрунзе, 10"), null, false, List.of());
        Receipt unpublished = submit(TOMSK, author, "Не опубликовано " + marker, "potholes",
                place(56.52, 84.90, "ул. Ленина, 3"), null, false, List.of());
        act(TOMSK, early.number(), "publish", ActionInput.none(), moderator);
        act(TOMSK, late.number(), "publish", ActionInput.none(), moderator);
        TenantContext.runAs(TOMSK, () -> {
            supports.support(early.number(), Supporter.guest(java.util.UUID.randomUUID()));
            supports.support(early.number(), Supporter.guest(java.util.UUID.randomUUID()));
        });

        // the period isolates this test's messages from others in the shared database
        LocalDate from = LocalDate.of(2031, 3, 1);
        LocalDate to = LocalDate.of(2031, 3, 31);
        assertThat(numbers(feed(TOMSK, new FeedQuery(null, null, null, from, to, FeedQuery.Order.NEWEST, 0, 50))))
                .containsSubsequence(late.number(), early.number()).doesNotContain(unpublished.number());
        assertThat(numbers(feed(TOMSK, new FeedQuery(null, null, null, from, to,
                FeedQuery.Order.MOST_SUPPORTED, 0, 50)))).containsSubsequence(early.number(), late.number());
        // "roads" is the parent of "potholes": the subcategory's message is in it
        assertThat(numbers(feed(TOMSK, new FeedQuery("roads", null, null, from, to, null, 0, 50))))
                .contains(early.number()).doesNotContain(late.number());
        assertThat(numbers(feed(TOMSK, new FeedQuery(null, null, "sovetsky", from, to, null, 0, 50))))
                .containsExactly(late.number());
        assertThat(numbers(feed(TOMSK, new FeedQuery(null, StageStatus.PUBLISHED, null, from, to, null, 0, 50))))
                .contains(early.number(), late.number());
        assertThat(numbers(feed(TOMSK, new FeedQuery(null, StageStatus.ANSWERED, null, from, to, null, 0, 50))))
                .isEmpty();
        // the period's ends are days in the tenant's zone, both included
        assertThat(numbers(feed(TOMSK, new FeedQuery(null, null, null, LocalDate.of(2031, 3, 10),
                LocalDate.of(2031, 3, 10), null, 0, 50)))).containsExactly(late.number());
        assertThat(numbers(feed(TOMSK, new FeedQuery(null, null, null, from, LocalDate.of(2031, 3, 9), null, 0, 50))))
                .containsExactly(early.number());

        FeedItem item = feed(TOMSK, new FeedQuery(null, null, "leninsky", from, to, null, 0, 50)).items().getFirst();
        assertThat(item.supportCount()).isEqualTo(2);
        assertThat(item.districtName()).isEqualTo("Ленинский район г. Томска");
        assertThat(item.categoryName()).isNotBlank();
        // another tenant's feed never shows them
        assertThat(numbers(feed(TYNDA, new FeedQuery(null, null, null, from, to, null, 0, 50))))
                .doesNotContain(early.number(), late.number());
    }

    @Test
    void feedIsPagedWithTheTotal() {
        Actor author = account(TOMSK, "feed-pages", null);
        Actor moderator = account(TOMSK, "feed-pages-mod", null, Role.MODERATOR);
        at("Asia/Tomsk", 2032, 5, 5, 10, 0);
        for (int i = 0; i < 5; i++) {
            Receipt r = submit(TOMSK, author, "Сообщение " + i + " " + marker, "potholes",
                    place(56.52, 84.90, "ул. Ленина, " + i), null, false, List.of());
            act(TOMSK, r.number(), "publish", ActionInput.none(), moderator);
        }
        LocalDate day = LocalDate.of(2032, 5, 5);
        FeedPage second = feed(TOMSK, new FeedQuery(null, null, null, day, day, null, 1, 2));
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.items()).hasSize(2);
        assertThat(feed(TOMSK, new FeedQuery(null, null, null, day, day, null, 2, 2)).items()).hasSize(1);
    }

    private FeedPage feed(TenantId tenant, FeedQuery query) {
        return TenantContext.callAs(tenant, () -> lookup.feed(query));
    }

    private static List<String> numbers(FeedPage page) {
        return page.items().stream().map(FeedItem::number).toList();
    }
}
