package ru.civic.admin.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.points.PointsAction;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.rating.Ratings;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/** The analyst's ratings screen: a period, residents by points, and a wrong period told at the field. */
@SpringBootTest
class RatingsViewTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");

    @Autowired
    AccountService accounts;
    @Autowired
    PointsLedger ledger;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private RatingsView openAs(Role role) {
        Account me = TenantContext.callAs(TOMSK, () -> accounts.create("r-" + role + "-" + marker, "x",
                "Сотрудник " + marker, null, Set.of(role), null));
        TestSignIn.asUser("tomsk", me.getUsername(), me.getDisplayName(), role.name());
        cleanVaadinEnvironment();
        return (RatingsView) TenantContext.callAs(TOMSK, () -> {
            initVaadinEnvironment();
            return navigate("admin/ratings", Component.class);
        });
    }

    @Test
    void anAnalystSeesResidentsRankedByPointsForTheChosenPeriod() {
        UUID leader = TenantContext.callAs(TOMSK, () -> accounts.create("rv-leader-" + marker, "x",
                "Лидер " + marker, null, Set.of(Role.CITIZEN), null).getId());
        TenantContext.runAs(TOMSK, () -> {
            ledger.award(leader, PointsAction.MESSAGE_PUBLISHED, "message:" + marker);
            ledger.award(leader, PointsAction.VOTE, "poll:" + marker);
        });
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tomsk"));
        RatingsView view = openAs(Role.ANALYST);

        TenantContext.runAs(TOMSK, () -> {
            test(view.from()).setValue(today.minusDays(1));
            test(view.to()).setValue(today.plusDays(1));
            test(view.show()).click();
        });

        assertThat(view.users().getGenericDataView().getItems().filter(u -> u.name().endsWith(marker)))
                .singleElement().satisfies(u -> {
                    assertThat(u.points()).isEqualTo(12);
                    assertThat(u.place()).isPositive();
                });
        assertThat(view.placeText(new Ratings.Score(3, 3, null))).isEqualTo("недостаточно данных");
    }

    @Test
    void aReversedPeriodIsToldAtTheEndDateAndTheDatesStay() {
        RatingsView view = openAs(Role.OPERATOR);

        TenantContext.runAs(TOMSK, () -> {
            test(view.from()).setValue(LocalDate.of(2032, 3, 10));
            test(view.to()).setValue(LocalDate.of(2032, 3, 1));
            test(view.show()).click();
        });

        assertThat(view.to().isInvalid()).isTrue();
        assertThat(view.to().getErrorMessage()).isEqualTo("Дата окончания раньше даты начала");
        assertThat(view.from().getValue()).isEqualTo(LocalDate.of(2032, 3, 10));
        assertThat(view.to().getValue()).isEqualTo(LocalDate.of(2032, 3, 1));
    }
}
