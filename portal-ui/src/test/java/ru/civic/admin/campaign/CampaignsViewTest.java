package ru.civic.admin.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.campaign.Campaigns;
import ru.civic.platform.campaign.IdeaDraft;
import ru.civic.platform.campaign.ModerationItem;
import ru.civic.platform.message.Actors;
import ru.civic.platform.notification.CabinetNotification;
import ru.civic.platform.notification.Notifications;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration.RefusalReason;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.CampaignFixture;
import ru.civic.portal.TestSignIn;

/**
 * The moderator's queue of campaign ideas: a refusal needs one of the tenant's reasons and a reply, each problem at
 * its field with the reply kept; a refused idea leaves the queue and its author is told why.
 */
@SpringBootTest
class CampaignsViewTest extends SpringBrowserlessTest {

    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");

    @Autowired
    AccountService accounts;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Notifications notifications;
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

    private Component open(String location) {
        cleanVaadinEnvironment();
        return TenantContext.callAs(GUBKINSKY, () -> {
            initVaadinEnvironment();
            return navigate(location, Component.class);
        });
    }

    @Test
    void aRefusalNeedsAReasonAndAReplyAndTellsTheAuthorWhy() {
        UUID campaign = CampaignFixture.openCampaign(jdbc, GUBKINSKY, "Дворы " + marker, "upr-zhkh");
        Account author = account("mod-author", Role.CITIZEN);
        TestSignIn.asUser("gubkinsky", author.getUsername(), author.getDisplayName(), "CITIZEN");
        UUID idea = TenantContext.callAs(GUBKINSKY, () -> campaigns.submitIdea(campaign,
                new IdeaDraft("Качели " + marker, "Поставить качели во дворе"), Actors.of(author)));

        Account moderator = account("mod-moderator", Role.MODERATOR);
        TestSignIn.asUser("gubkinsky", moderator.getUsername(), moderator.getDisplayName(), "MODERATOR");
        CampaignsView view = (CampaignsView) open("admin/campaigns");
        ModerationItem item = view.queue().getGenericDataView().getItems().filter(i -> i.id().equals(idea))
                .findFirst().orElseThrow();

        TenantContext.runAs(GUBKINSKY, () -> {
            view.queue().asSingleSelect().setValue(item);
            test(view.reply()).setValue("Такая идея уже предложена в этом обсуждении.");
            test(view.refuseButton()).click();
        });
        assertThat(view.reason().isInvalid()).isTrue();
        assertThat(view.reason().getErrorMessage()).isEqualTo("Выберите причину отказа из перечня.");
        assertThat(view.reply().isInvalid()).isFalse();
        assertThat(view.reply().getValue()).isEqualTo("Такая идея уже предложена в этом обсуждении.");

        RefusalReason duplicate = view.reason().getListDataView().getItems()
                .filter(r -> r.code().equals("duplicate")).findFirst().orElseThrow();
        TenantContext.runAs(GUBKINSKY, () -> {
            view.reason().setValue(duplicate);
            test(view.refuseButton()).click();
        });
        assertThat(view.done().isVisible()).isTrue();
        assertThat(view.queue().getGenericDataView().getItems().map(ModerationItem::id)).doesNotContain(idea);

        assertThat(TenantContext.callAs(GUBKINSKY, () -> notifications.inbox(author.getId(), 10)))
                .singleElement().satisfies((CabinetNotification n) -> {
                    assertThat(n.subject()).isEqualTo("Идея «Качели " + marker + "» не допущена к публикации");
                    assertThat(n.body()).contains("дублируют").contains("Такая идея уже предложена");
                });
    }

    @Test
    void theModeratorPublishesAnIdeaWhichThePortalThenShows() {
        UUID campaign = CampaignFixture.openCampaign(jdbc, GUBKINSKY, "Спорт " + marker, "upr-sport");
        Account author = account("pub-author", Role.CITIZEN);
        TestSignIn.asUser("gubkinsky", author.getUsername(), author.getDisplayName(), "CITIZEN");
        UUID idea = TenantContext.callAs(GUBKINSKY, () -> campaigns.submitIdea(campaign,
                new IdeaDraft("Каток " + marker, "Залить каток у школы"), Actors.of(author)));
        assertThat(TenantContext.callAs(GUBKINSKY, () -> campaigns.page(campaign)).orElseThrow().ideas()).isEmpty();

        Account moderator = account("pub-moderator", Role.MODERATOR);
        TestSignIn.asUser("gubkinsky", moderator.getUsername(), moderator.getDisplayName(), "MODERATOR");
        CampaignsView view = (CampaignsView) open("admin/campaigns");
        ModerationItem item = view.queue().getGenericDataView().getItems().filter(i -> i.id().equals(idea))
                .findFirst().orElseThrow();
        TenantContext.runAs(GUBKINSKY, () -> {
            view.queue().asSingleSelect().setValue(item);
            test(view.publishButton()).click();
        });

        assertThat(TenantContext.callAs(GUBKINSKY, () -> campaigns.page(campaign)).orElseThrow().ideas())
                .extracting(i -> i.title()).containsExactly("Каток " + marker);
    }

    @Test
    void theMenuOffersDiscussionsOnlyWhereTheTenantRunsThem() {
        Account gubkinsky = account("menu-moderator", Role.MODERATOR);
        TestSignIn.asUser("gubkinsky", gubkinsky.getUsername(), gubkinsky.getDisplayName(), "MODERATOR");
        open("admin");
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).all())
                .extracting(com.vaadin.flow.component.html.Anchor::getText).contains("Обсуждения");

        TenantId tomsk = TenantId.of("tomsk");
        Account tomskModerator = TenantContext.callAs(tomsk, () -> accounts.create("menu-tomsk-" + marker, "x",
                "Модератор", null, Set.of(Role.MODERATOR), null));
        TestSignIn.asUser("tomsk", tomskModerator.getUsername(), "Модератор", "MODERATOR");
        cleanVaadinEnvironment();
        TenantContext.runAs(tomsk, () -> {
            initVaadinEnvironment();
            navigate("admin", Component.class);
            assertThat(find(com.vaadin.flow.component.html.Anchor.class).all())
                    .extracting(com.vaadin.flow.component.html.Anchor::getText).contains("Очередь")
                    .doesNotContain("Обсуждения", "Перечень тематик");
            navigate("admin/campaigns", Component.class);
            assertThat(getCurrentView()).isNotInstanceOf(CampaignsView.class);
        });
    }
}
