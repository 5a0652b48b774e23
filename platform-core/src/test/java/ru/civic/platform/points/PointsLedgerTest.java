package ru.civic.platform.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/** The ledger on the real database: append-only, idempotent awards, exact balances under parallel spending. */
@SpringBootTest
class PointsLedgerTest {

    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");
    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId TYNDA = TenantId.of("tynda");

    @Autowired
    PointsLedger ledger;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    private UUID resident(TenantId tenant) {
        String name = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
        return TenantContext.callAs(tenant,
                () -> accounts.registerCitizen("Житель " + name, name + "@example.ru", "secret-123").getId());
    }

    @Test
    void awardsTheTenantsPriceOncePerSource() {
        UUID resident = resident(GUBKINSKY);
        TenantContext.runAs(GUBKINSKY, () -> {
            assertThat(ledger.award(resident, PointsAction.IDEA_PUBLISHED, "idea:1")).get()
                    .extracting(PointsEntry::amount).isEqualTo(10);
            assertThat(ledger.award(resident, PointsAction.IDEA_PUBLISHED, "idea:1")).isEmpty();
            assertThat(ledger.award(resident, PointsAction.COMMENT, "comment:1")).isPresent();
            assertThat(ledger.balance(resident)).isEqualTo(11);
            assertThat(ledger.history(resident)).extracting(PointsEntry::action)
                    .containsExactly(PointsAction.COMMENT, PointsAction.IDEA_PUBLISHED);
        });
    }

    @Test
    void awardsNothingWherePointsAreOffOrTheActionIsNotPriced() {
        UUID tyndaResident = resident(TYNDA);
        UUID gubkinskyResident = resident(GUBKINSKY);
        TenantContext.runAs(TYNDA, () -> {
            assertThat(ledger.award(tyndaResident, PointsAction.MESSAGE_PUBLISHED, "message:1")).isEmpty();
            assertThat(ledger.balance(tyndaResident)).isZero();
        });
        TenantContext.runAs(GUBKINSKY, () -> assertThat(
                ledger.award(gubkinskyResident, PointsAction.MESSAGE_PUBLISHED, "message:1")).isEmpty());
    }

    @Test
    void anotherTenantsResidentIsNeitherAwardedNorSeen() {
        UUID gubkinskyResident = resident(GUBKINSKY);
        TenantContext.runAs(GUBKINSKY, () -> ledger.award(gubkinskyResident, PointsAction.VOTE, "poll:1"));
        TenantContext.runAs(TOMSK, () -> {
            assertThat(ledger.award(gubkinskyResident, PointsAction.VOTE, "poll:2")).isEmpty();
            assertThat(ledger.history(gubkinskyResident)).isEmpty();
            assertThat(ledger.balance(gubkinskyResident)).isZero();
        });
        TenantContext.runAs(GUBKINSKY, () -> assertThat(ledger.balance(gubkinskyResident)).isEqualTo(2));
    }

    @Test
    void entriesCannotBeEditedOrDeleted() {
        UUID resident = resident(GUBKINSKY);
        TenantContext.runAs(GUBKINSKY, () -> {
            PointsEntry award = ledger.award(resident, PointsAction.IDEA_PUBLISHED, "idea:2").orElseThrow();
            assertThatThrownBy(() -> jdbc.sql("update points_entry set amount = 1000 where id = :id")
                    .param("id", award.id()).update()).hasMessageContaining("points_entry");
            assertThatThrownBy(() -> jdbc.sql("delete from points_entry where id = :id")
                    .param("id", award.id()).update()).hasMessageContaining("points_entry");
            assertThat(ledger.balance(resident)).isEqualTo(10);
        });
    }

    @Test
    void parallelDebitsNeverOverdrawAndTheBalanceIsTheSumOfEntries() throws Exception {
        UUID resident = resident(GUBKINSKY);
        TenantContext.runAs(GUBKINSKY, () -> ledger.correct(resident, 100, "Начальный остаток для проверки", "test"));
        int attempts = 25;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return TenantContext.callAs(GUBKINSKY, () -> {
                    try {
                        ledger.debit(resident, 10, "order:" + n, "Заказ", "test");
                        return true;
                    } catch (InsufficientPointsException e) {
                        return false;
                    }
                });
            }));
        }
        start.countDown();
        int debited = 0;
        for (Future<Boolean> result : results) {
            debited += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(debited).isEqualTo(10);
        TenantContext.runAs(GUBKINSKY, () -> {
            assertThat(ledger.balance(resident)).isZero();
            assertThat(ledger.history(resident).stream().mapToLong(PointsEntry::amount).sum()).isZero();
        });
    }

    @Test
    void annulmentReversesEveryAwardOnceWithTheReason() {
        UUID resident = resident(GUBKINSKY);
        TenantContext.runAs(GUBKINSKY, () -> {
            ledger.award(resident, PointsAction.IDEA_PUBLISHED, "idea:3");
            ledger.award(resident, PointsAction.VOTE, "poll:3");
            PointsEntry spent = ledger.debit(resident, 5, "order:3", "Заказ", "test");
            List<PointsEntry> reversals = ledger.annulAwards(resident, "Блокировка, п. 3.9", "moderator");
            assertThat(reversals).extracting(PointsEntry::amount).containsExactlyInAnyOrder(-10, -2);
            assertThat(reversals).allSatisfy(r -> {
                assertThat(r.kind()).isEqualTo(EntryKind.ANNULMENT);
                assertThat(r.reason()).isEqualTo("Блокировка, п. 3.9");
            });
            assertThat(ledger.annulAwards(resident, "Ещё раз", "moderator")).isEmpty();
            assertThat(ledger.balance(resident)).isEqualTo(-5);
            assertThatThrownBy(() -> ledger.debit(resident, 1, "order:4", "Заказ", "test"))
                    .isInstanceOf(InsufficientPointsException.class);
            ledger.refund(spent.id(), "Заказ отменён", "shop");
            assertThat(ledger.balance(resident)).isZero();
            assertThatThrownBy(() -> ledger.refund(spent.id(), "Снова", "shop"))
                    .isInstanceOf(IllegalStateException.class);
        });
    }
}
