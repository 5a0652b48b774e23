package ru.civic.admin.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.shared.Role;
import ru.civic.platform.shop.ItemKind;
import ru.civic.platform.shop.OrderStatus;
import ru.civic.platform.shop.Shop;
import ru.civic.platform.shop.ShopItem;
import ru.civic.platform.shop.ShopOrder;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/** The back office's shop desk: the shop administrator adds an item (the cost limit at its field), stocks it, issues. */
@SpringBootTest
class ShopViewTest extends SpringBrowserlessTest {

    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");

    @Autowired
    Shop shop;
    @Autowired
    AccountService accounts;
    @Autowired
    PointsLedger ledger;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private Account admin() {
        return TenantContext.callAs(GUBKINSKY, () -> accounts.findByUsername("s-admin-" + marker)
                .orElseGet(() -> accounts.create("s-admin-" + marker, "x", "Администратор " + marker, null,
                        Set.of(Role.SHOP_ADMIN), null)));
    }

    private ShopView openDesk(Account me) {
        TestSignIn.asUser("gubkinsky", me.getUsername(), me.getDisplayName(), Role.SHOP_ADMIN.name());
        cleanVaadinEnvironment();
        return TenantContext.callAs(GUBKINSKY, () -> {
            initVaadinEnvironment();
            return navigate("admin/shop", ShopView.class);
        });
    }

    @Test
    void theShopAdministratorAddsAnItemWithTheCostLimitAtItsFieldStocksItAndIssuesAnOrder() {
        Account me = admin();
        ShopView desk = openDesk(me);
        assertThat(desk.supply().getText()).contains("минимум");
        String name = "Термос " + marker;
        TenantContext.runAs(GUBKINSKY, () -> {
            test(desk.name()).setValue(name);
            desk.kind().setValue(ItemKind.GOODS);
            desk.pricePoints().setValue(90);
            desk.unitCostRub().setValue(new BigDecimal("10001"));
            test(desk.protocolNumber()).setValue("12-П");
            desk.protocolDate().setValue(LocalDate.of(2026, 2, 10));
            test(desk.saveButton()).click();
        });
        assertThat(desk.unitCostRub().isInvalid()).isTrue();
        assertThat(desk.unitCostRub().getErrorMessage().replace('\u00a0', ' ').replace('\u202f', ' '))
                .startsWith("Стоимость единицы не может превышать 10 000 ₽");
        assertThat(desk.name().getValue()).isEqualTo(name); // nothing typed is lost
        assertThat(desk.protocolNumber().getValue()).isEqualTo("12-П");
        assertThat(TenantContext.callAs(GUBKINSKY, () -> shop.catalogue())).noneMatch(i -> i.name().equals(name));

        TenantContext.runAs(GUBKINSKY, () -> {
            desk.unitCostRub().setValue(new BigDecimal("10000"));
            test(desk.saveButton()).click();
        });
        assertThat(desk.unitCostRub().isInvalid()).isFalse();
        ShopItem item = TenantContext.callAs(GUBKINSKY, () -> shop.catalogue()).stream()
                .filter(i -> i.name().equals(name)).findFirst().orElseThrow();
        TenantContext.runAs(GUBKINSKY, () -> {
            desk.quantity().setValue(3);
            test(desk.receiveButton()).click();
        });
        assertThat(desk.done().getText()).contains("Оприходовано 3");

        // A resident orders one; the desk issues it.
        Account resident = TenantContext.callAs(GUBKINSKY, () -> accounts.create("s-buyer-" + marker, "x",
                "Житель " + marker, null, Set.of(Role.CITIZEN), null));
        TenantContext.runAs(GUBKINSKY, () -> ledger.correct(resident.getId(), 100, "Баллы для проверки", "test"));
        TestSignIn.asUser("gubkinsky", resident.getUsername(), resident.getDisplayName(), "CITIZEN");
        ShopOrder order = TenantContext.callAs(GUBKINSKY, () -> shop.redeem(item.id()));

        ShopView again = openDesk(me);
        ShopOrder row = again.orders().getGenericDataView().getItems().filter(o -> o.id().equals(order.id()))
                .findFirst().orElseThrow();
        TenantContext.runAs(GUBKINSKY, () -> again.orders().asSingleSelect().setValue(row));
        Button issue = again.selectedOrder().getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> b.hasClassName("civic-shop-issue")).findFirst().orElseThrow();
        TenantContext.runAs(GUBKINSKY, () -> test(issue).click());
        assertThat(again.done().getText()).contains(order.number());
        ShopOrder issued = TenantContext.callAs(GUBKINSKY, () -> shop.orders()).stream()
                .filter(o -> o.id().equals(order.id())).findFirst().orElseThrow();
        assertThat(issued.status()).isEqualTo(OrderStatus.ISSUED);
        assertThat(issued.issuedBy()).isEqualTo(me.getDisplayName());
        ShopItem after = TenantContext.callAs(GUBKINSKY, () -> shop.item(item.id()));
        assertThat(after.onHand()).isEqualTo(2);
        assertThat(after.available()).isEqualTo(2);
    }
}
