package ru.civic.platform.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.points.PointsEntry;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.shared.Role;
import ru.civic.platform.shop.internal.CertificateSupply;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.testsupport.TestClock;

/** The bonus shop on the real database (Gubkinsky 2, 4): exact stock and points, issuing, refunds, supply alerts. */
@SpringBootTest
class ShopTest {

    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");
    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final ZoneId GUBKINSKY_ZONE = ZoneId.of("Asia/Yekaterinburg");

    @Autowired
    Shop shop;
    @Autowired
    CertificateSupply supply;
    @Autowired
    PointsLedger ledger;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource bundle;
    @Autowired
    TestClock clock;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    private Account account(TenantId tenant, String name, Role role, int points) {
        String username = name + "-" + marker;
        Account account = TenantContext.callAs(tenant, () -> accounts.create(username, "secret-123",
                "Житель " + username, username + "@example.ru", Set.of(role), null));
        if (points > 0) {
            TenantContext.runAs(tenant, () -> ledger.correct(account.getId(), points, "Баллы для проверки", "test"));
        }
        return account;
    }

    private static void signIn(Account account) {
        List<SimpleGrantedAuthority> authorities = account.getRoles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(account.getUsername(), null, authorities));
    }

    private static <T> T as(Account account, TenantId tenant, Callable<T> work) {
        signIn(account);
        try {
            return TenantContext.callAs(tenant, () -> {
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static ItemDraft goods(String name, int price, String cost) {
        return new ItemDraft(name, "Кружка с символикой города", ItemKind.GOODS, price, new BigDecimal(cost),
                "17-П", LocalDate.of(2026, 3, 2), null);
    }

    private UUID itemWithStock(Account admin, ItemDraft draft, int stock) {
        return as(admin, GUBKINSKY, () -> {
            UUID id = shop.create(draft);
            if (stock > 0) {
                shop.receive(id, stock, "Поставка по договору");
            }
            return id;
        });
    }

    private static List<String> codes(Throwable e) {
        return ((InvalidInputException) e).problems().stream().map(p -> p.field() + " " + p.code()).toList();
    }

    @Test
    void aHundredParallelRedemptionsOfTenUnitsMakeExactlyTenOrdersAndNoBalanceGoesNegative() throws Exception {
        Account admin = account(GUBKINSKY, "shop-admin", Role.SHOP_ADMIN, 0);
        UUID item = itemWithStock(admin, goods("Термокружка " + marker, 30, "450.00"), 10);
        List<Account> residents = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            residents.add(account(GUBKINSKY, "buyer" + i, Role.CITIZEN, 100));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Account resident = residents.get(i % residents.size());
            results.add(pool.submit(() -> {
                start.await();
                try {
                    as(resident, GUBKINSKY, () -> shop.redeem(item));
                    return "ordered";
                } catch (InvalidInputException e) {
                    return e.problems().getFirst().code();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();

        assertThat(outcomes.stream().filter("ordered"::equals)).hasSize(10);
        assertThat(outcomes).allMatch(o -> Set.of("ordered", "shop.item.outOfStock", "shop.points.insufficient")
                .contains(o));
        TenantContext.runAs(GUBKINSKY, () -> {
            assertThat(jdbc.sql("select count(*) from shop_order where item_id = ?").param(item)
                    .query(Integer.class).single()).isEqualTo(10);
            long spent = 0;
            for (Account resident : residents) {
                long balance = ledger.balance(resident.getId());
                assertThat(balance).isNotNegative();
                assertThat(ledger.history(resident.getId()).stream().mapToLong(PointsEntry::amount).sum())
                        .isEqualTo(balance);
                spent += 100 - balance;
            }
            assertThat(spent).isEqualTo(10 * 30);
        });
        ShopItem after = as(admin, GUBKINSKY, () -> shop.item(item));
        assertThat(after.available()).isZero();
        assertThat(after.reserved()).isEqualTo(10);
    }

    @Test
    void aUnitCostAboveTheTenantsMaximumIsRefusedAtTheFieldNamingTheMaximum() {
        Account admin = account(GUBKINSKY, "shop-admin", Role.SHOP_ADMIN, 0);
        assertThatThrownBy(() -> as(admin, GUBKINSKY, () -> shop.create(goods("Велосипед " + marker, 500,
                "10001"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    FieldProblem problem = e.problems().getFirst();
                    assertThat(problem.field()).isEqualTo("unitCostRub");
                    assertThat(problem.code()).isEqualTo("shop.item.unitCost.tooHigh");
                    String text = bundle.getMessage(problem.code(), problem.args().toArray(), Locale.of("ru"))
                            .replace('\u00a0', ' ').replace('\u202f', ' ');
                    assertThat(text).startsWith("Стоимость единицы не может превышать 10 000 ₽");
                });
        UUID atTheLimit = as(admin, GUBKINSKY, () -> shop.create(goods("Самокат " + marker, 500, "10000.00")));
        assertThat(as(admin, GUBKINSKY, () -> shop.item(atTheLimit)).unitCostRub()).isEqualByComparingTo("10000");
        // Budget goods name their approving protocol (4.3); a sponsor's certificate need not.
        assertThatThrownBy(() -> as(admin, GUBKINSKY, () -> shop.create(new ItemDraft("Рюкзак", "", ItemKind.GOODS,
                100, new BigDecimal("900"), " ", null, null)))).satisfies(e -> assertThat(codes(e))
                .containsExactlyInAnyOrder("protocolNumber shop.item.protocol.required",
                        "protocolDate shop.item.protocol.required"));
        assertThat(as(admin, GUBKINSKY, () -> shop.create(new ItemDraft("Сертификат кафе " + marker, "",
                ItemKind.SPONSOR_CERTIFICATE, 100, new BigDecimal("500"), null, null, null)))).isNotNull();
    }

    @Test
    void theShopAdministratorIssuesOrCancelsAndACancelRefundsThePointsAndReleasesTheUnit() {
        Account admin = account(GUBKINSKY, "shop-admin", Role.SHOP_ADMIN, 0);
        Account resident = account(GUBKINSKY, "resident", Role.CITIZEN, 100);
        Account neighbour = account(GUBKINSKY, "neighbour", Role.CITIZEN, 100);
        UUID item = itemWithStock(admin, goods("Шарф " + marker, 40, "700"), 3);

        ShopOrder first = as(resident, GUBKINSKY, () -> shop.redeem(item));
        assertThat(first.status()).isEqualTo(OrderStatus.RESERVED);
        assertThat(as(resident, GUBKINSKY, () -> shop.myBalance())).isEqualTo(60);
        as(admin, GUBKINSKY, () -> {
            shop.issue(first.id());
            return null;
        });
        ShopItem afterIssue = as(admin, GUBKINSKY, () -> shop.item(item));
        assertThat(afterIssue.onHand()).isEqualTo(2);
        assertThat(afterIssue.available()).isEqualTo(2);
        ShopOrder issued = as(resident, GUBKINSKY, () -> shop.myOrders()).getFirst();
        assertThat(issued.status()).isEqualTo(OrderStatus.ISSUED);
        assertThat(issued.issuedBy()).isEqualTo(admin.getDisplayName());
        assertThat(issued.issuedAt()).isNotNull();
        assertThatThrownBy(() -> as(admin, GUBKINSKY, () -> {
            shop.cancel(first.id(), "Передумал");
            return null;
        })).satisfies(e -> assertThat(codes(e)).containsExactly("item shop.order.notReserved"));

        ShopOrder second = as(resident, GUBKINSKY, () -> shop.redeem(item));
        assertThat(as(admin, GUBKINSKY, () -> shop.item(item)).available()).isEqualTo(1);
        assertThatThrownBy(() -> as(admin, GUBKINSKY, () -> {
            shop.cancel(second.id(), "  ");
            return null;
        })).satisfies(e -> assertThat(codes(e)).containsExactly("reason shop.order.reasonRequired"));
        as(admin, GUBKINSKY, () -> {
            shop.cancel(second.id(), "Товар повреждён при доставке");
            return null;
        });
        assertThat(as(resident, GUBKINSKY, () -> shop.myBalance())).isEqualTo(60);
        ShopItem afterCancel = as(admin, GUBKINSKY, () -> shop.item(item));
        assertThat(afterCancel.available()).isEqualTo(2);
        assertThat(afterCancel.onHand()).isEqualTo(2);
        assertThat(as(resident, GUBKINSKY, () -> shop.myOrders())).filteredOn(o -> o.id().equals(second.id()))
                .singleElement().satisfies(o -> {
                    assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
                    assertThat(o.cancelReason()).isEqualTo("Товар повреждён при доставке");
                });

        // The resident may take back their own reserved order, not a neighbour's.
        ShopOrder third = as(resident, GUBKINSKY, () -> shop.redeem(item));
        assertThatThrownBy(() -> as(neighbour, GUBKINSKY, () -> {
            shop.cancelMine(third.id());
            return null;
        })).satisfies(e -> assertThat(codes(e)).containsExactly("item shop.order.notFound"));
        as(resident, GUBKINSKY, () -> {
            shop.cancelMine(third.id());
            return null;
        });
        assertThat(as(resident, GUBKINSKY, () -> shop.myBalance())).isEqualTo(60);
        assertThat(as(admin, GUBKINSKY, () -> shop.item(item)).available()).isEqualTo(2);

        // Short of points: refused with the balance and the price, nothing reserved.
        Account poor = account(GUBKINSKY, "poor", Role.CITIZEN, 10);
        assertThatThrownBy(() -> as(poor, GUBKINSKY, () -> shop.redeem(item))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> {
                    assertThat(e.problems().getFirst().code()).isEqualTo("shop.points.insufficient");
                    assertThat(e.problems().getFirst().args()).containsExactly(10L, 40);
                });
        assertThat(as(admin, GUBKINSKY, () -> shop.item(item)).available()).isEqualTo(2);
    }

    private void at(LocalDate day) {
        clock.set(LocalDateTime.of(day, LocalTime.NOON).atZone(GUBKINSKY_ZONE));
    }

    private int alertsTo(Account admin, String monthText) {
        return TenantContext.callAs(GUBKINSKY, () -> jdbc.sql(
                        "select count(*) from email_outbox where to_address = ? and subject like ?")
                .params(admin.getEmail(), "%" + monthText + "%").query(Integer.class).single());
    }

    @Test
    void theSupplyCheckAlertsTheShopAdministratorOnceForAMonthBelowItsMinimumAndNotWhenItIsMet() {
        Account admin = account(GUBKINSKY, "shop-admin", Role.SHOP_ADMIN, 0);
        // July is a summer month in Gubkinsky: the minimum is 10, and 9 arrived by the 25th.
        at(LocalDate.of(2031, 7, 3));
        UUID certificates = itemWithStock(admin, new ItemDraft("Сертификат в бассейн " + marker, "",
                ItemKind.MUNICIPAL_CERTIFICATE, 50, new BigDecimal("300"), null, null, null), 9);
        at(LocalDate.of(2031, 7, 19));
        assertThat(TenantContext.callAs(GUBKINSKY, () -> supply.checkDue()))
                .noneMatch(s -> s.month().equals(YearMonth.of(2031, 7)));
        at(LocalDate.of(2031, 7, 25));
        List<MonthlySupply> alerted = TenantContext.callAs(GUBKINSKY, () -> supply.checkDue());
        assertThat(alerted).filteredOn(s -> s.month().equals(YearMonth.of(2031, 7))).singleElement()
                .satisfies(s -> {
                    assertThat(s.received()).isEqualTo(9);
                    assertThat(s.minimum()).isEqualTo(10);
                    assertThat(s.alertSentAt()).isNotNull();
                });
        assertThat(TenantContext.callAs(GUBKINSKY, () -> supply.checkDue()))
                .noneMatch(s -> s.month().equals(YearMonth.of(2031, 7)));
        at(LocalDate.of(2031, 8, 2)); // the month-end check finds it alerted already
        TenantContext.callAs(GUBKINSKY, () -> supply.checkDue());
        assertThat(alertsTo(admin, "июль 2031")).isEqualTo(1);
        assertThat(as(admin, GUBKINSKY, () -> shop.supply(YearMonth.of(2031, 7))).belowMinimum()).isTrue();

        // August: 10 arrived, the summer minimum is met: no alert.
        at(LocalDate.of(2031, 8, 10));
        as(admin, GUBKINSKY, () -> {
            shop.receive(certificates, 10, null);
            return null;
        });
        at(LocalDate.of(2031, 8, 28));
        assertThat(TenantContext.callAs(GUBKINSKY, () -> supply.checkDue()))
                .noneMatch(s -> s.month().equals(YearMonth.of(2031, 8)));
        MonthlySupply august = as(admin, GUBKINSKY, () -> shop.supply(YearMonth.of(2031, 8)));
        assertThat(august.received()).isEqualTo(10);
        assertThat(august.belowMinimum()).isFalse();
        assertThat(august.alertSentAt()).isNull();
        assertThat(alertsTo(admin, "август 2031")).isZero();

        // October is not summer: 12 is below the minimum of 15.
        at(LocalDate.of(2031, 10, 5));
        as(admin, GUBKINSKY, () -> {
            shop.receive(certificates, 12, null);
            return null;
        });
        at(LocalDate.of(2031, 10, 21));
        assertThat(TenantContext.callAs(GUBKINSKY, () -> supply.checkDue()))
                .filteredOn(s -> s.month().equals(YearMonth.of(2031, 10))).singleElement()
                .satisfies(s -> assertThat(s.minimum()).isEqualTo(15));
        assertThat(alertsTo(admin, "октябрь 2031")).isEqualTo(1);
    }

    @Test
    void anotherTenantSeesNoneOfTheItemsAndTenantsWithoutAShopRefuseRedemption() {
        Account admin = account(GUBKINSKY, "shop-admin", Role.SHOP_ADMIN, 0);
        UUID item = itemWithStock(admin, goods("Значок " + marker, 5, "50"), 5);
        Account tomskOperator = account(TOMSK, "operator", Role.OPERATOR, 0);
        Account tomskResident = account(TOMSK, "resident", Role.CITIZEN, 100);

        assertThat(as(tomskOperator, TOMSK, () -> shop.catalogue())).noneMatch(i -> i.id().equals(item));
        assertThatThrownBy(() -> as(tomskOperator, TOMSK, () -> shop.item(item)))
                .satisfies(e -> assertThat(codes(e)).containsExactly("item shop.item.notFound"));
        assertThat(TenantContext.callAs(TOMSK, () -> jdbc.sql("select count(*) from shop_item where id = ?")
                .param(item).query(Integer.class).single())).isZero();
        // Tomsk runs no shop (shop.enabled false): redemption is refused before anything else.
        assertThatThrownBy(() -> as(tomskResident, TOMSK, () -> shop.redeem(item)))
                .satisfies(e -> assertThat(codes(e)).containsExactly("item shop.closed"));
        assertThat(as(admin, GUBKINSKY, () -> shop.item(item)).available()).isEqualTo(5);
    }

    @Test
    void aResidentIsRefusedByTheCatalogueServiceAndTheOperatorMayOnlyRead() {
        Account resident = account(GUBKINSKY, "resident", Role.CITIZEN, 0);
        Account operator = account(GUBKINSKY, "operator", Role.OPERATOR, 0);
        assertThatThrownBy(() -> as(resident, GUBKINSKY, () -> shop.create(goods("Кепка", 10, "100"))))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> as(resident, GUBKINSKY, () -> shop.catalogue()))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> as(resident, GUBKINSKY, () -> shop.orders()))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(as(operator, GUBKINSKY, () -> shop.catalogue())).isNotNull();
        assertThatThrownBy(() -> as(operator, GUBKINSKY, () -> shop.create(goods("Кепка", 10, "100"))))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> as(operator, GUBKINSKY, () -> shop.redeem(UUID.randomUUID())))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}
