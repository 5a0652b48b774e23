package ru.civic.portal.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

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
 * The public feed, the message page and the lookup by number, as a guest sees them: published messages only, the
 * status timeline, and the support button where the tenant lets guests support.
 */
@SpringBootTest
class FeedViewsTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId VOLGOGRAD = TenantId.of("volgograd");

    @Autowired
    MessageIntake intake;
    @Autowired
    WorkflowService workflow;
    @Autowired
    AccountService accounts;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    private String published(TenantId tenant, String category, String publishAction, ActionInput input, Role staffRole,
            boolean publicity, Instant occurredAt) {
        return TenantContext.callAs(tenant, () -> {
            Actor author = Actors.of(accounts.create("feed-a-" + marker, "x", "Автор", null, Set.of(Role.CITIZEN), null));
            Actor staff = Actors.of(accounts.create("feed-s-" + marker, "x", "Сотрудник", null, Set.of(staffRole), null));
            String number = intake.submit(new SubmitMessage(null, "Разбита дорога у школы " + marker, category,
                    new Place(56.5, 84.9, "ул. Школьная, 1"), occurredAt, publicity, List.of(), null, null),
                    new Author(author.accountId(), author.name(), null, null), Message.Channel.PORTAL).number();
            workflow.act(number, publishAction, input, staff);
            return number;
        });
    }

    private void openIn(TenantId tenant, String location, Class<? extends com.vaadin.flow.component.Component> view) {
        cleanVaadinEnvironment();
        TenantContext.callAs(tenant, () -> {
            initVaadinEnvironment();
            return navigate(location, view);
        });
    }

    /** The feed's cards: HTML the view builds, one node for the page. */
    private Document cards() {
        return Jsoup.parseBodyFragment(find(Div.class).withClassName("civic-feed-cards").all().stream()
                .map(d -> d.getElement().getProperty("innerHTML")).findFirst().orElse(""));
    }

    /** The texts of what matches {@code css} in the feed's cards. */
    private List<String> feed(String css) {
        return cards().select(css).stream().map(Element::text).toList();
    }

    @Test
    void aMessageTextThatLooksLikeMarkupIsShownAsTextInTheFeed() {
        String number = TenantContext.callAs(TOMSK, () -> {
            Actor author = Actors.of(accounts.create("feed-x-" + marker, "x", "Автор", null, Set.of(Role.CITIZEN), null));
            Actor staff = Actors.of(accounts.create("feed-y-" + marker, "x", "Оператор", null, Set.of(Role.OPERATOR), null));
            String n = intake.submit(new SubmitMessage(null, "<img src=x onerror=alert(1)> яма <b>у школы</b> " + marker,
                    "potholes", new Place(56.5, 84.9, "<script>alert(2)</script>"), null, false, List.of(), null, null),
                    new Author(author.accountId(), author.name(), null, null), Message.Channel.PORTAL).number();
            workflow.act(n, "publish", ActionInput.none(), staff);
            return n;
        });

        openIn(TOMSK, "messages", MessageListView.class);

        Element html = cards().select("div.civic-feed-item").stream()
                .filter(card -> card.select("a.civic-feed-number").text().equals(number)).findFirst().orElseThrow();
        assertThat(html.select("script, b, img[onerror]")).isEmpty();
        assertThat(html.select("p.civic-feed-text").text()).startsWith("<img src=x onerror=alert(1)> яма <b>у школы</b>");
        assertThat(html.select("span.civic-feed-address").text()).isEqualTo("<script>alert(2)</script>");
        assertThat(html.select("a.civic-feed-number").attr("href")).isEqualTo("messages/" + number);
    }

    @Test
    void guestFindsThePublishedMessageInTheFeedAndSupportsItOnce() {
        String number = published(TOMSK, "potholes", "publish", ActionInput.none(), Role.OPERATOR, false, null);

        openIn(TOMSK, "messages", MessageListView.class);
        assertThat(feed("a.civic-feed-number")).contains(number);

        openIn(TOMSK, "messages/" + number, MessageDetailsView.class);
        assertThat(find(Span.class).withClassName("civic-status").single().getText()).isEqualTo("Опубликовано");
        assertThat(find(ListItem.class).all()).extracting(ListItem::getText)
                .anySatisfy(t -> assertThat(t).contains("Сообщение получено"))
                .anySatisfy(t -> assertThat(t).contains("Опубликовать"));
        Button support = find(Button.class).withClassName("civic-support-button").single();
        TenantContext.runAs(TOMSK, () -> test(support).click());

        assertThat(find(Span.class).withClassName("civic-support-count").single().getText()).isEqualTo("Поддержали: 1");
        assertThat(find(Span.class).withClassName("civic-support-hint").single().getText())
                .isEqualTo("Спасибо, ваша поддержка учтена.");
        assertThat(support.isEnabled()).isFalse();
    }

    @Test
    void volgogradGuestsReadButCannotSupport() {
        String number = published(VOLGOGRAD, "potholes", "route",
                ActionInput.builder().organisation("kom-transport").publicity(true).build(), Role.MODERATOR, true,
                Instant.now().minusSeconds(3600));

        openIn(VOLGOGRAD, "messages/" + number, MessageDetailsView.class);

        Button support = find(Button.class).withClassName("civic-support-button").single();
        assertThat(support.isEnabled()).isFalse();
        assertThat(find(Span.class).withClassName("civic-support-hint").single().getText())
                .contains("только зарегистрированные пользователи");
    }

    @Test
    void lookupSaysWhatIsWrongNextToTheField() {
        openIn(TOMSK, "lookup", LookupView.class);
        LookupView view = find(LookupView.class).single();
        TenantContext.runAs(TOMSK, () -> {
            test(view.number).setValue("TOM-1999-000001");
            test(find(Button.class).withText("Найти").single()).click();
        });

        assertThat(view.number.isInvalid()).isTrue();
        assertThat(view.number.getErrorMessage()).isEqualTo("Сообщения с номером TOM-1999-000001 нет или оно не опубликовано.");
    }

    @Test
    void unpublishedMessageIsNotShownToGuests() {
        String number = TenantContext.callAs(TOMSK, () -> {
            Actor author = Actors.of(accounts.create("feed-u-" + marker, "x", "Автор", null, Set.of(Role.CITIZEN), null));
            return intake.submit(new SubmitMessage(null, "Не вывозят мусор " + marker, "potholes",
                    new Place(56.5, 84.9, null), null, false, List.of(), null, null),
                    new Author(author.accountId(), author.name(), null, null), Message.Channel.PORTAL).number();
        });

        openIn(TOMSK, "messages/" + number, MessageDetailsView.class);

        assertThat(find(com.vaadin.flow.component.html.H2.class).single().getText()).isEqualTo("Сообщение не найдено");
        openIn(TOMSK, "messages", MessageListView.class);
        assertThat(feed("a.civic-feed-number")).doesNotContain(number);
    }

    @Test
    void feedFiltersByDistrictAndPeriodAndShowsTheMessagesOnTheMap() {
        // Tomsk's districts: 56.52, 84.90 is in Leninsky; the helper's point 56.5, 84.9 too
        String number = published(TOMSK, "potholes", "publish", ActionInput.none(), Role.OPERATOR, false, null);

        openIn(TOMSK, "messages", MessageListView.class);
        MessageListView feed = find(MessageListView.class).single();
        TenantContext.runAs(TOMSK, () -> test(feed.districtFilter()).selectItem("Ленинский район г. Томска"));
        assertThat(feed("a.civic-feed-number")).contains(number);
        assertThat(feed("span.civic-feed-district")).isNotEmpty().allMatch(t -> t.contains("Ленинский район"));
        TenantContext.runAs(TOMSK, () -> test(feed.districtFilter()).selectItem("Советский район г. Томска"));
        assertThat(feed("a.civic-feed-number")).doesNotContain(number);

        TenantContext.runAs(TOMSK, () -> {
            test(feed.districtFilter()).selectItem("Ленинский район г. Томска");
            test(feed.toFilter()).setValue(java.time.LocalDate.now().minusDays(2));
        });
        assertThat(feed("a.civic-feed-number")).doesNotContain(number);
        TenantContext.runAs(TOMSK, () -> {
            test(feed.toFilter()).setValue(null);
            test(feed.fromFilter()).setValue(java.time.LocalDate.now().minusDays(1));
        });
        assertThat(feed("a.civic-feed-number")).contains(number);

        TenantContext.runAs(TOMSK, () -> feed.mode().setSelectedTab(feed.mapTab()));
        assertThat(feed.map().getMarkers()).anySatisfy(m -> {
            assertThat(m.label()).startsWith(number);
            assertThat(m.href()).isEqualTo("messages/" + number);
            assertThat(m.latitude()).isEqualTo(56.5);
        });
    }

    @Test
    void messagePageShowsPlaceOnTheMapAndLetsTheAuthorRateTheAnswerWithRemarks() {
        TenantId zarechny = TenantId.of("zarechny");
        Actor author = TenantContext.callAs(zarechny, () -> Actors.of(accounts.create("rate-a-" + marker, "x",
                "Автор Оценки", null, Set.of(Role.CITIZEN), null)));
        String number = TenantContext.callAs(zarechny, () -> {
            Actor moderator = Actors.of(accounts.create("rate-m-" + marker, "x", "Модератор", null,
                    Set.of(Role.MODERATOR), "adm-infra"));
            Actor executor = Actors.of(accounts.create("rate-e-" + marker, "x", "Исполнитель", null,
                    Set.of(Role.EXECUTOR), "adm-infra"));
            String n = intake.submit(new SubmitMessage(null, "Яма у дома 12 " + marker, "potholes",
                    new Place(53.205, 45.17, "ул. Ленина, 12"), Instant.now().minusSeconds(3600), false, List.of(),
                    null, null), new Author(author.accountId(), author.name(), null, null),
                    Message.Channel.PORTAL).number();
            workflow.act(n, "register", ActionInput.none(), moderator);
            workflow.act(n, "answer", ActionInput.builder().answer("Яма засыпана").build(), executor);
            return n;
        });
        String username = TenantContext.callAs(zarechny, () -> accounts.find(author.accountId()).orElseThrow()
                .getUsername());
        ru.civic.portal.TestSignIn.asUser("zarechny", username, author.name(), "CITIZEN");
        try {
            openIn(zarechny, "messages/" + number, MessageDetailsView.class);
            assertThat(find(ru.civic.portal.shell.PlaceMap.class).single().getMarkers())
                    .singleElement().satisfies(m -> assertThat(m.latitude()).isEqualTo(53.205));
            assertThat(find(com.vaadin.flow.component.html.Div.class).withClassName("civic-answer").single()
                    .getElement().getTextRecursively()).contains("Яма засыпана");

            @SuppressWarnings("unchecked")
            var options = (com.vaadin.flow.component.radiobutton.RadioButtonGroup<Object>) find(
                    com.vaadin.flow.component.radiobutton.RadioButtonGroup.class).single();
            TenantContext.runAs(zarechny, () -> {
                test(options).selectItem("Ответ не устраивает, требуется доработка");
                test(find(Button.class).withClassName("civic-rating-send").single()).click();
            });
            // a negative rating without remarks: the error is at the remarks field, nothing is sent
            var remarks = find(com.vaadin.flow.component.textfield.TextArea.class).withClassName("civic-rating-remarks")
                    .single();
            assertThat(remarks.isInvalid()).isTrue();
            assertThat(remarks.getErrorMessage()).contains("опишите");

            TenantContext.runAs(zarechny, () -> {
                test(remarks).setValue("Яму только засыпали песком");
                test(find(Button.class).withClassName("civic-rating-send").single()).click();
            });
            assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withClassName("civic-rating-given")
                    .single().getText()).contains("Ответ не устраивает");
            assertThat(find(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class).all()).isEmpty();
        } finally {
            ru.civic.portal.TestSignIn.out();
        }
    }
}
