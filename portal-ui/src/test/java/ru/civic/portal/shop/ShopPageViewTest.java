package ru.civic.portal.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.shared.Role;
import ru.civic.platform.shop.ItemDraft;
import ru.civic.platform.shop.ItemKind;
import ru.civic.platform.shop.Shop;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/** The portal's shop: a resident exchanges points, sees the order in «Мои заказы» and may cancel it. */
@SpringBootTest
class ShopPageViewTest extends SpringBrowserlessTest {

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

    private Component open(TenantId tenant, String location) {
        cleanVaadinEnvironment();
        return TenantContext.callAs(tenant, () -> {
            initVaadinEnvironment();
            return navigate(location, Component.class);
        });
    }

    private UUID certificateWithStock(int stock) {
        TestSignIn.as("gubkinsky", "SHOP_ADMIN");
        UUID id = TenantContext.callAs(GUBKINSKY, () -> {
            UUID created = shop.create(new ItemDraft("Сертификат в бассейн " + marker, "Одно посещение",
                    ItemKind.MUNICIPAL_CERTIFICATE, 120, new BigDecimal("300"), null, null, null));
            shop.receive(created, stock, null);
            return created;
        });
        TestSignIn.out();
        return id;
    }

    @Test
    void aResidentExchangesPointsAndSeesTheOrderInMyOrders() {
        UUID item = certificateWithStock(2);
        Account resident = TenantContext.callAs(GUBKINSKY, () -> accounts.create("shopper-" + marker, "x",
                "Покупатель " + marker, null, Set.of(Role.CITIZEN), null));
        TenantContext.runAs(GUBKINSKY, () -> ledger.correct(resident.getId(), 200, "Баллы для проверки", "test"));
        TestSignIn.asUser("gubkinsky", resident.getUsername(), resident.getDisplayName(), "CITIZEN");

        ShopPageView page = (ShopPageView) open(GUBKINSKY, "shop");
        assertThat(find(Anchor.class).all()).anyMatch(a -> "shop".equals(a.getHref()));
        assertThat(page.balance().getText()).contains("200");
        assertThat(page.getElement().getOuterHTML()).contains("Сертификат в бассейн " + marker).contains("Осталось: 2");
        TenantContext.runAs(GUBKINSKY, () -> test(page.exchangeButtons().get(item)).click());
        assertThat(page.outcome().getText()).contains("Сертификат в бассейн " + marker).contains("списано 120");
        assertThat(page.balance().getText()).contains("80");
        assertThat(page.getElement().getOuterHTML()).contains("Осталось: 1");

        // Not enough points left for a second one: refused at the item with the balance and the price.
        TenantContext.runAs(GUBKINSKY, () -> test(page.exchangeButtons().get(item)).click());
        assertThat(page.itemProblems().get(item).getText()).isEqualTo("Недостаточно баллов: на счёте 80, нужно 120.");

        MyOrdersView orders = (MyOrdersView) open(GUBKINSKY, "shop/orders");
        assertThat(orders.list().getElement().getOuterHTML()).contains("Сертификат в бассейн " + marker)
                .contains("Ждёт выдачи");
        Button cancel = orders.list().getChildren().flatMap(Component::getChildren)
                .filter(Button.class::isInstance).map(Button.class::cast).findFirst().orElseThrow();
        TenantContext.runAs(GUBKINSKY, () -> test(cancel).click());
        assertThat(orders.outcome().getText()).contains("120 баллов возвращены");
        assertThat(orders.list().getElement().getOuterHTML()).contains("Отменён");
        assertThat(TenantContext.callAs(GUBKINSKY, () -> ledger.balance(resident.getId()))).isEqualTo(200);
    }

    @Test
    void aPortalWithoutTheShopHasNoLinkToIt() {
        open(TenantId.of("tomsk"), "");
        assertThat(find(Anchor.class).all()).noneMatch(a -> "shop".equals(a.getHref()));
    }
}
