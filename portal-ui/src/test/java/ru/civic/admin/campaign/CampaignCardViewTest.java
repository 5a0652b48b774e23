package ru.civic.admin.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.campaign.CampaignPage;
import ru.civic.platform.campaign.Campaigns;
import ru.civic.platform.campaign.IdeaDraft;
import ru.civic.platform.campaign.IdeaView;
import ru.civic.platform.campaign.ModerationItem;
import ru.civic.platform.message.Actors;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration.RefusalReason;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.CampaignFixture;
import ru.civic.portal.TestSignIn;

/**
 * A Gubkinsky campaign from moderation to the implementation report in the back office (3.8, 3.13–3.14): one idea
 * published, another refused with one of the tenant's reasons; after the end the overdue results are marked, a
 * refused idea cannot win, the published one does; the plan's late report is marked overdue, an empty report is
 * refused and the text recorded; the ideas CSV downloaded from the card carries them all.
 */
@SpringBootTest
class CampaignCardViewTest extends SpringBrowserlessTest {

    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");
    private static final ZoneId ZONE = ZoneId.of("Asia/Yekaterinburg");

    @Autowired
    AccountService accounts;
    @Autowired
    Campaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private Account account(String name, Role role) {
        return TenantContext.callAs(GUBKINSKY, () -> accounts.create(name + "-" + marker, "x", name + " " + marker,
                name + "-" + marker + "@example.ru", Set.of(role), null));
    }

    private <T extends com.vaadin.flow.component.Component> T open(String location, Class<T> view) {
        cleanVaadinEnvironment();
        return TenantContext.callAs(GUBKINSKY, () -> {
            initVaadinEnvironment();
            return navigate(location, view);
        });
    }

    private UUID submit(UUID campaign, Account author, String title, String text) {
        TestSignIn.asUser("gubkinsky", author.getUsername(), author.getDisplayName(), "CITIZEN");
        return TenantContext.callAs(GUBKINSKY, () -> campaigns.submitIdea(campaign, new IdeaDraft(title, text),
                Actors.of(author)));
    }

    /** The campaign ended three days ago and its results were due yesterday (the fixture's clock is the real one). */
    private void endCampaign(UUID campaign) {
        Instant now = Instant.now();
        TenantContext.runAs(GUBKINSKY, () -> jdbc.sql("update campaign set starts_at = ?, ends_at = ?,"
                        + " results_due_at = ? where id = ?")
                .params(now.minus(Duration.ofDays(10)).atOffset(ZoneOffset.UTC),
                        now.minus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC),
                        now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC), campaign)
                .update());
    }

    private IdeaView idea(CampaignCardView card, UUID id) {
        return card.ideas().getGenericDataView().getItems().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private void click(String className) {
        TenantContext.runAs(GUBKINSKY, () -> test($(Button.class).withClassName(className).single()).click());
    }

    @Test
    void aCampaignIsModeratedItsWinnersResultsPlanAndReportRecordedAndItsIdeasExported() {
        UUID campaign = CampaignFixture.openCampaign(jdbc, GUBKINSKY, "Набережная " + marker, "upr-general-policy");
        UUID bikeLane = submit(campaign, account("card-anna", Role.CITIZEN), "Велодорожка " + marker,
                "Проложить велодорожку вдоль реки");
        UUID scooters = submit(campaign, account("card-boris", Role.CITIZEN), "Самокаты " + marker,
                "Покупайте самокаты в нашем магазине");

        // The moderator publishes one idea and refuses the other with one of Gubkinsky's reasons (3.8).
        Account moderator = account("card-moderator", Role.MODERATOR);
        TestSignIn.asUser("gubkinsky", moderator.getUsername(), moderator.getDisplayName(), "MODERATOR");
        CampaignsView desk = open("admin/campaigns", CampaignsView.class);
        ModerationItem first = desk.queue().getGenericDataView().getItems().filter(i -> i.id().equals(bikeLane))
                .findFirst().orElseThrow();
        TenantContext.runAs(GUBKINSKY, () -> {
            desk.queue().asSingleSelect().setValue(first);
            test(desk.publishButton()).click();
        });
        ModerationItem second = desk.queue().getGenericDataView().getItems().filter(i -> i.id().equals(scooters))
                .findFirst().orElseThrow();
        RefusalReason advertising = desk.reason().getListDataView().getItems()
                .filter(r -> r.code().equals("advertising")).findFirst().orElseThrow();
        TenantContext.runAs(GUBKINSKY, () -> {
            desk.queue().asSingleSelect().setValue(second);
            desk.reason().setValue(advertising);
            test(desk.reply()).setValue("Идея рекламирует магазин.");
            test(desk.refuseButton()).click();
        });
        assertThat(desk.queue().getGenericDataView().getItems().map(ModerationItem::id))
                .doesNotContain(bikeLane, scooters);

        // The campaign is over; its results are late.
        endCampaign(campaign);
        CampaignCardView card = open("admin/campaign/" + campaign, CampaignCardView.class);
        assertThat(card.getElement().getTextRecursively()).contains("Итоги инициатору до")
                .contains("ПРОСРОЧЕНО").contains("Завершено");
        assertThat(card.ideas().getGenericDataView().getItems()).extracting(IdeaView::title)
                .containsExactlyInAnyOrder("Велодорожка " + marker, "Самокаты " + marker);
        assertThat(idea(card, scooters).refusalReason()).isEqualTo("advertising");

        // A refused idea cannot win; the published one does.
        TenantContext.runAs(GUBKINSKY, () -> {
            card.ideas().asMultiSelect().select(idea(card, scooters));
            test(card.publishWinnersButton()).click();
        });
        assertThat(card.winnersError().isVisible()).isTrue();
        assertThat(card.winnersError().getText())
                .isEqualTo("Победителем может быть только опубликованная идея этого обсуждения.");
        TenantContext.runAs(GUBKINSKY, () -> {
            card.ideas().asMultiSelect().clear();
            card.ideas().asMultiSelect().select(idea(card, bikeLane));
            test(card.publishWinnersButton()).click();
        });
        assertThat(card.done().getText()).isEqualTo("Победители опубликованы.");
        assertThat(idea(card, bikeLane).winner()).isTrue();
        assertThat(card.publishWinnersButton().isEnabled()).isFalse();

        TenantContext.runAs(GUBKINSKY, () -> test(card.sendResultsButton()).click());
        assertThat(card.done().getText()).isEqualTo("Итоги направлены.");
        assertThat(TenantContext.callAs(GUBKINSKY, () -> campaigns.campaign(campaign)).orElseThrow())
                .satisfies(c -> {
                    assertThat(c.resultsSentAt()).isNotNull();
                    assertThat(c.resultsOverdue()).as("sent late stays marked").isTrue();
                });

        // The plan's last date was 40 days ago: the report (10 calendar days later) is overdue.
        LocalDate implemented = LocalDate.now(ZONE).minusDays(40);
        TenantContext.runAs(GUBKINSKY, () -> {
            test(card.planTitle()).setValue("Строительство велодорожки");
            card.planDue().setValue(implemented);
        });
        click("civic-campaign-plan-add");
        click("civic-campaign-plan-save");
        assertThat(card.done().getText()).isEqualTo("План реализации сохранён.");
        assertThat(card.getElement().getTextRecursively()).contains("Отчёт о реализации до");
        assertThat(TenantContext.callAs(GUBKINSKY, () -> campaigns.campaign(campaign)).orElseThrow())
                .satisfies(c -> {
                    assertThat(c.implementationDueOn()).isEqualTo(implemented);
                    assertThat(c.reportOverdue()).isTrue();
                });
        assertThat(card.getElement().getTextRecursively().split("ПРОСРОЧЕНО", -1)).as("results and report")
                .hasSize(3);

        // An empty report is refused and nothing is published; the text is recorded.
        click("civic-campaign-report-publish");
        assertThat(card.reportError().isVisible()).isTrue();
        assertThat(card.reportError().getText()).isEqualTo("Заполните это поле.");
        TenantContext.runAs(GUBKINSKY, () -> test(card.report()).setValue("Велодорожка построена " + marker));
        click("civic-campaign-report-publish");
        assertThat(card.done().getText()).isEqualTo("Отчёт опубликован.");
        CampaignPage page = TenantContext.callAs(GUBKINSKY, () -> campaigns.page(campaign)).orElseThrow();
        assertThat(page.report()).isEqualTo("Велодорожка построена " + marker);
        assertThat(page.winners()).extracting(IdeaView::id).containsExactly(bikeLane);

        // The CSV the card offers: a header, the winner and the refused idea with its reason's wording.
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        TenantContext.runAs(GUBKINSKY,
                () -> test($(Anchor.class).withClassName("civic-campaign-csv").single()).download(csv));
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).isEqualTo("\"Дата\";\"Статус\";\"Заголовок\";\"Текст\";\"Автор\";"
                + "\"Причина отказа\";\"Ответ автору\";\"Победитель\";\"Комментарии\"");
        assertThat(lines.get(1)).matches("\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\";.*").endsWith(
                ";\"Опубликовано\";\"Велодорожка " + marker + "\";\"Проложить велодорожку вдоль реки\";"
                        + "\"card-anna " + marker + "\";\"\";\"\";\"1\";\"0\"");
        assertThat(lines.get(2)).endsWith(";\"Не допущено\";\"Самокаты " + marker + "\";"
                + "\"Покупайте самокаты в нашем магазине\";\"card-boris " + marker + "\";"
                + "\"Явная или скрытая реклама товаров, услуг или сторонних ресурсов\";\"Идея рекламирует магазин.\";"
                + "\"0\";\"0\"");
    }

    @Test
    void anAnalystReadsTheCardButTheServiceRefusesThemTheWinners() {
        UUID campaign = CampaignFixture.openCampaign(jdbc, GUBKINSKY, "Сквер " + marker, "upr-general-policy");
        UUID idea = submit(campaign, account("card-vera", Role.CITIZEN), "Фонтан " + marker, "Поставить фонтан");
        endCampaign(campaign);

        Account analyst = account("card-analyst", Role.ANALYST);
        TestSignIn.asUser("gubkinsky", analyst.getUsername(), analyst.getDisplayName(), "ANALYST");
        CampaignCardView card = open("admin/campaign/" + campaign, CampaignCardView.class);
        assertThat(card.ideas().getGenericDataView().getItems()).extracting(IdeaView::id).containsExactly(idea);
        assertThat($(Button.class).all()).doesNotContain(card.publishWinnersButton(), card.sendResultsButton());
        assertThatThrownBy(() -> TenantContext.runAs(GUBKINSKY,
                () -> campaigns.publishWinners(campaign, List.of(idea), Actors.of(analyst))))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> TenantContext.runAs(GUBKINSKY,
                () -> campaigns.publishReport(campaign, "Отчёт", Actors.of(analyst))))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}
