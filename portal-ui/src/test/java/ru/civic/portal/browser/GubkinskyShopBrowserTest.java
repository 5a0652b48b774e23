package ru.civic.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.shared.Role;
import ru.civic.platform.shop.ItemDraft;
import ru.civic.platform.shop.ItemKind;
import ru.civic.platform.shop.OrderStatus;
import ru.civic.platform.shop.Shop;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/**
 * Gubkinsky's «Магазин» in a real browser (section 4): a resident exchanges points for a certificate and sees the
 * order; the bonus-programme administrator finds it on the shop desk and issues it; the resident's points are spent
 * once and the unit is written off.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = Chromium.SWITCH, matches = "skip", disabledReason = "-Dbrowser.tests=skip")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GubkinskyShopBrowserTest {

    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");
    private static Chromium browser;

    @LocalServerPort
    int port;
    @Autowired
    Shop shop;
    @Autowired
    AccountService accounts;
    @Autowired
    PointsLedger ledger;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start();
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private static void awaitContains(String css, String text) {
        browser.awaitTrue("const e = document.querySelector(arguments[0]); return e != null && e.textContent.includes(arguments[1])",
                css, text);
    }

    @Test
    void aResidentExchangesPointsAndTheShopAdministratorIssuesTheOrder() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String itemName = "Билет в краеведческий музей " + marker;
        TestSignIn.as("gubkinsky", "SHOP_ADMIN");
        UUID item = TenantContext.callAs(GUBKINSKY, () -> {
            UUID created = shop.create(new ItemDraft(itemName, "Взрослый билет, действует до конца года",
                    ItemKind.MUNICIPAL_CERTIFICATE, 150, new BigDecimal("400"), null, null, null));
            shop.receive(created, 3, null);
            return created;
        });
        TestSignIn.out();
        Account resident = TenantContext.callAs(GUBKINSKY, () -> accounts.create("museum-" + marker,
                "museum-pass-" + marker, "Житель " + marker, null, Set.of(Role.CITIZEN), null));
        TenantContext.runAs(GUBKINSKY,
                () -> ledger.correct(resident.getId(), 400, "Баллы за участие (проверка)", "test"));

        String base = "http://gubkinsky.localhost:" + port;
        browser.signIn(base, resident.getUsername(), "museum-pass-" + marker);
        browser.open(base + "/shop");
        browser.awaitVaadin();
        awaitContains(".civic-shop-balance", "400 баллов");
        String card = "//div[contains(@class,'civic-shop-item')][.//h3[normalize-space()='" + itemName + "']]";
        browser.await(By.xpath(card + "//vaadin-button[contains(@class,'civic-shop-exchange')]")).click();
        awaitContains(".civic-shop-balance", "250 баллов");
        assertThat(browser.await(By.xpath(card)).getText()).contains("Осталось: 2");
        browser.screenshot("gubkinsky-shop-exchanged");

        browser.open(base + "/shop/orders");
        browser.awaitVaadin();
        awaitContains(".civic-my-orders", itemName);
        browser.screenshot("gubkinsky-my-orders");

        browser.signIn(base, "shop-admin", "demo");
        browser.open(base + "/admin/shop");
        browser.awaitVaadin();
        browser.await(By.xpath("//vaadin-grid[contains(@class,'civic-shop-orders')]"
                + "//vaadin-grid-cell-content[contains(.,'" + itemName + "')]")).click();
        browser.await(By.cssSelector("vaadin-button.civic-shop-issue")).click();
        awaitContains(".civic-shop-done", "выдан");
        browser.screenshot("gubkinsky-shop-desk-issued");

        TestSignIn.as("gubkinsky", "SHOP_ADMIN");
        try {
            TenantContext.runAs(GUBKINSKY, () -> {
                assertThat(shop.orders().stream().filter(o -> o.itemName().equals(itemName)))
                        .singleElement().extracting(o -> o.status()).isEqualTo(OrderStatus.ISSUED);
                assertThat(shop.item(item).onHand()).isEqualTo(2);
                assertThat(ledger.balance(resident.getId())).isEqualTo(250);
            });
        } finally {
            TestSignIn.out();
        }
    }
}
