package ru.civic.portal.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.message.MessageFigures;
import ru.civic.platform.news.News;
import ru.civic.platform.news.NewsDraft;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/** A tenant's home page: maintenance notices first, live figures, the newest news; and the language switch. */
@SpringBootTest
class HomePageTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId ZARECHNY = TenantId.of("zarechny");

    @Autowired
    News news;
    @Autowired
    MessageFigures figures;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    private void openHome(TenantId tenant) {
        cleanVaadinEnvironment();
        TenantContext.callAs(tenant, () -> {
            initVaadinEnvironment();
            return navigate(HomeView.class);
        });
    }

    @Test
    void homeShowsAnnouncedMaintenanceAsAStatusAndTheTenantsOwnNews() {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TenantContext.runAs(TOMSK, () -> {
            news.publishUnchecked(NewsDraft.news("Открыт новый раздел " + marker, "Подробности на портале."));
            news.publishUnchecked(NewsDraft.maintenance("Обновление портала " + marker, "Портал будет недоступен.",
                    start, start.plus(2, ChronoUnit.HOURS)));
        });

        openHome(TOMSK);

        Div notice = find(Div.class).withClassName("civic-maintenance").all().stream()
                .filter(d -> d.getElement().getTextRecursively().contains(marker)).findFirst().orElseThrow();
        assertThat(notice.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(notice.getElement().getTextRecursively()).startsWith("Запланированы технические работы");
        // The window in Tomsk's own time, its offset said.
        assertThat(find(Span.class).withClassName("civic-maintenance-window").from(notice).single().getText())
                .contains("(UTC+07:00)");
        assertThat(find(H3.class).from(find(Article.class).first()).all()).isNotEmpty();
        assertThat(find(H3.class).all()).extracting(H3::getText).contains("Открыт новый раздел " + marker);

        openHome(ZARECHNY);
        assertThat(find(H3.class).all()).extracting(H3::getText).doesNotContain("Открыт новый раздел " + marker);
        assertThat(find(Div.class).withClassName("civic-maintenance").all())
                .noneMatch(d -> d.getElement().getTextRecursively().contains(marker));
    }

    @Test
    void homeShowsTheTenantsLiveFigures() {
        MessageFigures.Figures expected = TenantContext.callAs(TOMSK, figures::current);

        openHome(TOMSK);

        assertThat(find(Span.class).withClassName("civic-figure-label").all()).extracting(Span::getText)
                .containsExactly("сообщений получено", "опубликовано", "получили ответ", "поддержек жителей");
        assertThat(find(Span.class).withClassName("civic-figure-value").all()).extracting(Span::getText)
                .first().isEqualTo(java.text.NumberFormat.getIntegerInstance(java.util.Locale.of("ru"))
                        .format(expected.received()));
    }

    @Test
    void switchingToEnglishShowsTheNavigationInEnglish() {
        openHome(TOMSK);
        assertThat(find(Anchor.class).all()).extracting(Anchor::getText).contains("Организации", "Вопросы и ответы");

        Button english = find(Button.class).withText("EN").single();
        TenantContext.runAs(TOMSK, () -> test(english).click());

        assertThat(find(Anchor.class).all()).extracting(Anchor::getText)
                .contains("Messages", "Organisations", "Contacts", "Questions and answers", "Sign in")
                .doesNotContain("Организации");
        assertThat(find(Span.class).withClassName("civic-figure-label").all()).extracting(Span::getText)
                .contains("messages received");

        // The choice holds on the next page of the visit: in this UI, and in a page opened afresh in the session.
        TenantContext.callAs(TOMSK, () -> navigate("faq", com.vaadin.flow.component.Component.class));
        assertThat(find(com.vaadin.flow.component.html.H2.class).first().getText()).isEqualTo("Questions and answers");
        com.vaadin.flow.component.UI nextPage = new com.vaadin.flow.component.UI();
        nextPage.getInternals().setSession(com.vaadin.flow.server.VaadinSession.getCurrent());
        TenantContext.runAs(TOMSK, () -> com.vaadin.flow.server.VaadinService.getCurrent()
                .fireUIInitListeners(nextPage));
        assertThat(nextPage.getLocale()).isEqualTo(java.util.Locale.ENGLISH);
    }

    @Test
    void aVisitorWhoHasNotChosenSeesTheTenantsLanguage() {
        openHome(TOMSK);

        assertThat(find(Button.class).withText("RU").single().getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(find(Anchor.class).all()).extracting(Anchor::getText).contains("Сообщения", "Контакты");
    }
}
