package ru.civic.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.workflow.ActionInput;
import ru.civic.platform.workflow.WorkflowService;

/**
 * A new visitor's feed is one plain HTML page from the server: branded, filtered by its address, no session made.
 * A visitor with a session gets the Vaadin feed at the same address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicFeedPageTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");

    @LocalServerPort
    int port;
    @Autowired
    MessageIntake intake;
    @Autowired
    WorkflowService workflow;
    @Autowired
    AccountService accounts;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    private String published(String text, double lat, double lon) {
        return TenantContext.callAs(TOMSK, () -> {
            Actor author = Actors.of(accounts.create("pub-a-" + UUID.randomUUID(), "x", "Автор", null,
                    Set.of(Role.CITIZEN), null));
            Actor operator = Actors.of(accounts.create("pub-o-" + UUID.randomUUID(), "x", "Оператор", null,
                    Set.of(Role.OPERATOR), null));
            String number = intake.submit(new SubmitMessage(null, text, "potholes", new Place(lat, lon, "ул. Мира, 1"),
                    null, false, List.of(), null, null), new Author(author.accountId(), author.name(), null, null),
                    Message.Channel.PORTAL).number();
            workflow.act(number, "publish", ActionInput.none(), operator);
            return number;
        });
    }

    private String url(String path) {
        return "http://tomsk.localhost:" + port + path;
    }

    @Test
    void newVisitorGetsTheBrandedFeedWithoutASession() throws Exception {
        String number = published("Яма <script>alert(1)</script> " + marker, 56.52, 84.90);
        try (PortalHttpClient client = new PortalHttpClient()) {
            PortalHttpClient.Page page = client.get(url("/messages"));

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Активный житель Томской области", "--civic-primary:#2E7D32",
                    "href=\"messages/" + number + "\"", "civic-feed-item", "<form class=\"civic-feed-filters\"",
                    "Ленинский район г. Томска");
            // the resident's text is shown as text
            assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; " + marker)
                    .doesNotContain("<script>alert(1)");
            // no session, no Vaadin: nothing kept on the server for a reader
            assertThat(client.cookies.getCookies()).noneMatch(c -> c.getName().equals("JSESSIONID"));
            assertThat(page.body()).doesNotContain("v-r=init").doesNotContain("window.Vaadin");
        }
    }

    @Test
    void filtersAndPagesAreInTheAddress() throws Exception {
        String leninsky = published("Разбитый тротуар " + marker, 56.52, 84.90);
        String sovetsky = published("Сломанная скамейка " + marker, 56.45, 85.00);
        try (PortalHttpClient client = new PortalHttpClient()) {
            String body = client.get(url("/messages?district=sovetsky")).body();
            assertThat(body).contains("messages/" + sovetsky).doesNotContain("messages/" + leninsky)
                    .contains("<option value=\"sovetsky\" selected>");
            // unknown values are ignored, not an error page
            assertThat(client.get(url("/messages?district=nowhere&status=BOGUS&from=yesterday&page=x")).status())
                    .isEqualTo(200);
            for (int i = 0; i < 21; i++) {
                published("Ещё сообщение " + i + " " + marker, 56.52, 84.90); // pages of 20: a second page
            }
            String paged = client.get(url("/messages?order=MOST_SUPPORTED&page=2")).body();
            assertThat(paged).contains("rel=\"prev\" href=\"messages?order=MOST_SUPPORTED\"");
        }
    }

    @Test
    void aVisitorWithASessionGetsTheInteractivePortal() throws Exception {
        try (PortalHttpClient client = new PortalHttpClient()) {
            PortalHttpClient.Page interactive = client.get(url("/messages?interactive"));
            assertThat(interactive.status()).isEqualTo(200);
            assertThat(client.cookies.getCookies()).anyMatch(c -> c.getName().equals("JSESSIONID"));
            // now that the visitor has a session, the same address is the Vaadin page
            assertThat(client.get(url("/messages")).body()).doesNotContain("<form class=\"civic-feed-filters\"");
        }
    }
}
