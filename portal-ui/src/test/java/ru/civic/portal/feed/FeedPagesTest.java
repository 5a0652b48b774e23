package ru.civic.portal.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.FeedItem;
import ru.civic.platform.message.FeedPage;
import ru.civic.platform.message.FeedQuery;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.MessageLookup;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.message.Supporter;
import ru.civic.platform.message.Supports;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.workflow.ActionInput;
import ru.civic.platform.workflow.WorkflowService;

/**
 * The feed's pages are shared for a few seconds between the readers of one tenant: a publication shows at once, a
 * support within the lifetime, and no tenant ever gets another's page.
 */
@SpringBootTest
class FeedPagesTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId VOLGOGRAD = TenantId.of("volgograd");
    private static final FeedQuery FIRST_PAGE = FeedQuery.newest(20);

    @Autowired
    FeedPages pages;
    @Autowired
    MessageLookup lookup;
    @Autowired
    MessageIntake intake;
    @Autowired
    WorkflowService workflow;
    @Autowired
    Supports supports;
    @Autowired
    AccountService accounts;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    private String submitted(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> {
            Actor author = Actors.of(accounts.create("cache-a-" + UUID.randomUUID(), "x", "Автор", null,
                    Set.of(Role.CITIZEN), null));
            return intake.submit(new SubmitMessage(null, "Яма на дороге " + marker, "potholes",
                    new Place(56.5, 84.9, "ул. Ленина, 1"), null, true, List.of(), null, null),
                    new Author(author.accountId(), author.name(), null, null), Message.Channel.PORTAL).number();
        });
    }

    private void publish(String number) {
        TenantContext.runAs(TOMSK, () -> workflow.act(number, "publish", ActionInput.none(),
                Actors.of(accounts.create("cache-o-" + UUID.randomUUID(), "x", "Оператор", null,
                        Set.of(Role.OPERATOR), null))));
    }

    private static List<String> numbers(FeedPage page) {
        return page.items().stream().map(FeedItem::number).toList();
    }

    @Test
    void aMessagePublishedHereIsInTheFeedAtOnceThoughThePageWasCached() {
        String number = submitted(TOMSK);
        assertThat(numbers(TenantContext.callAs(TOMSK, () -> pages.feed(FIRST_PAGE)))).doesNotContain(number);

        publish(number);

        assertThat(numbers(TenantContext.callAs(TOMSK, () -> pages.feed(FIRST_PAGE)))).contains(number);
    }

    @Test
    void eachTenantGetsItsOwnPageForTheSameQuery() {
        String tomsk = submitted(TOMSK);
        publish(tomsk);

        FeedPage forTomsk = TenantContext.callAs(TOMSK, () -> pages.feed(FIRST_PAGE));
        FeedPage forVolgograd = TenantContext.callAs(VOLGOGRAD, () -> pages.feed(FIRST_PAGE));
        FeedPage tomskAgain = TenantContext.callAs(TOMSK, () -> pages.feed(FIRST_PAGE));

        assertThat(numbers(forTomsk)).contains(tomsk);
        assertThat(numbers(forVolgograd)).doesNotContain(tomsk)
                .noneMatch(n -> n.startsWith(tomsk.substring(0, tomsk.indexOf('-') + 1)));
        assertThat(tomskAgain).as("served from the cache").isSameAs(forTomsk);
    }

    @Test
    void aSupportShowsInTheFeedOnceThePageHasExpired() throws InterruptedException {
        FeedPages shortLived = new FeedPages(lookup, Duration.ofSeconds(3));
        String number = submitted(TOMSK);
        publish(number);
        assertThat(supportsOf(shortLived, number)).isZero();

        TenantContext.runAs(TOMSK, () -> supports.support(number, Supporter.guest(UUID.randomUUID())));

        assertThat(supportsOf(shortLived, number)).as("within the lifetime the page may lag").isZero();
        Thread.sleep(3_100);
        assertThat(supportsOf(shortLived, number)).isEqualTo(1);
    }

    private static int supportsOf(FeedPages pages, String number) {
        return TenantContext.callAs(TOMSK, () -> pages.feed(FIRST_PAGE)).items().stream()
                .filter(i -> i.number().equals(number)).findFirst().orElseThrow().supportCount();
    }
}
