package ru.civic.portal.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.points.PointsAction;
import ru.civic.platform.points.PointsEntry;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/** The cabinet's points: the balance and each entry in words with its sign and reason, where the tenant awards. */
@SpringBootTest
class CabinetPointsTest extends SpringBrowserlessTest {

    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");
    private static final TenantId VOLGOGRAD = TenantId.of("volgograd");

    @Autowired
    AccountService accounts;
    @Autowired
    PointsLedger ledger;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private Account citizen(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> accounts.create("cab-pts-" + marker, "x", "Житель " + marker,
                null, Set.of(Role.CITIZEN), null));
    }

    private CabinetView open(TenantId tenant, Account who) {
        TestSignIn.asUser(tenant.value(), who.getUsername(), who.getDisplayName(), "CITIZEN");
        cleanVaadinEnvironment();
        return TenantContext.callAs(tenant, () -> {
            initVaadinEnvironment();
            return navigate("cabinet", CabinetView.class);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGubkinskyResidentSeesTheBalanceAndHistoryWithTheAnnulmentsReason() {
        Account resident = citizen(GUBKINSKY);
        TenantContext.runAs(GUBKINSKY, () -> {
            ledger.award(resident.getId(), PointsAction.IDEA_PUBLISHED, "idea:" + marker);
            ledger.award(resident.getId(), PointsAction.VOTE, "poll:" + marker);
            ledger.annulAwards(resident.getId(), "Реклама в идеях", "moderator");
            ledger.award(resident.getId(), PointsAction.COMMENT, "comment:" + marker);
        });

        CabinetView view = open(GUBKINSKY, resident);
        TenantContext.runAs(GUBKINSKY, () -> view.tabs().setSelectedTab(view.pointsTab()));

        assertThat(find(Paragraph.class).withClassName("civic-points-balance").single().getText())
                .isEqualTo("Баллов на счёте: 1");
        Grid<PointsEntry> grid = find(Grid.class).withClassName("civic-points-history").single();
        PointsPanel panel = find(PointsPanel.class).single();
        List<String> rows = grid.getGenericDataView().getItems()
                .map(e -> panel.what(e) + " " + PointsPanel.signed(e.amount())).toList();
        assertThat(rows).hasSize(5).contains("Опубликован комментарий +1", "Опубликована идея +10",
                "Участие в голосовании +2", "Аннулирование баллов — причина: Реклама в идеях −10",
                "Аннулирование баллов — причина: Реклама в идеях −2");
        assertThat(rows.getFirst()).isEqualTo("Опубликован комментарий +1"); // newest first
        // Earned in the last 30 days: the comment only (the idea and the vote were annulled); a place among others.
        assertThat(find(Paragraph.class).withClassName("civic-points-place").single().getText())
                .matches("Заработано за последние 30 дней: 1\\. Ваше место среди участников: \\d+ из \\d+\\.");
    }

    @Test
    void aResidentSeesTheirPlaceAmongThoseWhoEarnedPointsInTheLastThirtyDays() {
        Account resident = citizen(GUBKINSKY);
        TenantContext.runAs(GUBKINSKY, () -> {
            // More than anyone earns elsewhere in the tests: first place, whoever else earned.
            for (int i = 0; i < 120; i++) {
                ledger.award(resident.getId(), PointsAction.IDEA_PUBLISHED, "idea:" + marker + "-" + i);
            }
        });

        CabinetView view = open(GUBKINSKY, resident);
        TenantContext.runAs(GUBKINSKY, () -> view.tabs().setSelectedTab(view.pointsTab()));

        assertThat(find(Paragraph.class).withClassName("civic-points-place").single().getText())
                .matches("Заработано за последние 30 дней: 1200\\. Ваше место среди участников: 1 из \\d+\\.");
    }

    @Test
    void whereTheTenantAwardsNoPointsTheCabinetHasNoPointsTab() {
        Account resident = citizen(VOLGOGRAD);

        CabinetView view = open(VOLGOGRAD, resident);

        assertThat(view.pointsTab().getParent()).isEmpty();
        assertThat(find(PointsPanel.class).all()).isEmpty();
    }
}
