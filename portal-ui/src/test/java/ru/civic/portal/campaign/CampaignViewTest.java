package ru.civic.portal.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.CampaignFixture;
import ru.civic.portal.TestSignIn;
import ru.civic.portal.shell.Branding;

/**
 * The portal's «Обсуждения»: the link only where the tenant runs campaigns; a resident's idea form shows each problem
 * at its field and keeps what was typed; a sent idea waits for the moderator and is not shown before.
 */
@SpringBootTest
class CampaignViewTest extends SpringBrowserlessTest {

    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ru.civic.platform.tenancy.TenantRegistry tenants;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private CampaignView open(UUID campaign) {
        cleanVaadinEnvironment();
        return TenantContext.callAs(GUBKINSKY, () -> {
            initVaadinEnvironment();
            return navigate("campaign/" + campaign, CampaignView.class);
        });
    }

    @Test
    void theLinkIsThereOnlyWhereTheTenantRunsCampaigns() {
        assertThat(Branding.navigation(tenants.getRequired(GUBKINSKY).configuration()))
                .extracting(Branding.NavLink::href).contains("campaigns");
        assertThat(Branding.navigation(tenants.getRequired(TenantId.of("tomsk")).configuration()))
                .extracting(Branding.NavLink::href).doesNotContain("campaigns");
    }

    @Test
    void aGuestIsInvitedToSignInAndSeesNoForm() {
        UUID campaign = CampaignFixture.openCampaign(jdbc, GUBKINSKY, "Гостевое обсуждение " + marker,
                "upr-general-policy");
        CampaignView view = open(campaign);
        assertThat(view.submitIdeaButton().isAttached()).isFalse();
        assertThat(find(Anchor.class).all()).extracting(Anchor::getText)
                .contains("Войдите, чтобы предложить идею или прокомментировать");
    }

    @Test
    void theIdeaFormShowsProblemsAtTheirFieldsKeepsTheTextAndSendsToModeration() {
        UUID campaign = CampaignFixture.openCampaign(jdbc, GUBKINSKY, "Парк " + marker, "upr-general-policy");
        Account citizen = TenantContext.callAs(GUBKINSKY, () -> accounts.create("idea-" + marker, "x",
                "Ольга Смирнова", "idea-" + marker + "@example.ru", Set.of(Role.CITIZEN), null));
        TestSignIn.asUser("gubkinsky", citizen.getUsername(), citizen.getDisplayName(), "CITIZEN");
        CampaignView view = open(campaign);

        TenantContext.runAs(GUBKINSKY, () -> {
            test(view.ideaText()).setValue("Поставить скамейки вдоль аллеи");
            test(view.submitIdeaButton()).click();
        });
        assertThat(view.ideaTitle().isInvalid()).isTrue();
        assertThat(view.ideaTitle().getErrorMessage()).isEqualTo("Заполните это поле.");
        assertThat(view.ideaText().isInvalid()).isFalse();
        assertThat(view.ideaText().getValue()).isEqualTo("Поставить скамейки вдоль аллеи");

        TenantContext.runAs(GUBKINSKY, () -> {
            test(view.ideaTitle()).setValue("Скамейки в парке");
            test(view.submitIdeaButton()).click();
        });
        assertThat(view.ideaTitle().isInvalid()).isFalse();
        assertThat(view.ideaNotice().isVisible()).isTrue();
        assertThat(view.ideaNotice().getText()).startsWith("Идея отправлена на модерацию");
        assertThat(view.ideaTitle().getValue()).isEmpty();
        assertThat(TenantContext.callAs(GUBKINSKY, () -> jdbc.sql("select status from campaign_idea"
                + " where campaign_id = ? and title = 'Скамейки в парке'").param(campaign).query(String.class)
                .single())).isEqualTo("MODERATION");
    }
}
