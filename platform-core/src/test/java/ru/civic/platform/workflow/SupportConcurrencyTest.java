package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.Supporter;
import ru.civic.platform.message.Supports;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/** One support per person per message, however many times and however concurrently the person clicks. */
@SpringBootTest
class SupportConcurrencyTest extends LifecycleTestSupport {

    private static final TenantId TOMSK = TenantId.of("tomsk");

    @Autowired
    Supports supports;

    private String publishedMessage() {
        Actor author = account(TOMSK, "sup-author", null);
        Actor operator = account(TOMSK, "sup-operator", null, Role.OPERATOR);
        Receipt receipt = submit(TOMSK, author, "Нужна пешеходная дорожка к остановке", "sidewalks",
                place(56.5, 84.9, null), null, false, List.of());
        act(TOMSK, receipt.number(), "publish", ActionInput.none(), operator);
        return receipt.number();
    }

    private List<Supports.Outcome> inParallel(int n, java.util.function.IntFunction<Callable<Supports.Outcome>> task)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Supports.Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Supports.Outcome> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<Supports.Outcome> outcomes = new ArrayList<>();
            for (Future<Supports.Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyParallelSupportsByOnePersonMakeExactlyOneRow() throws Exception {
        String number = publishedMessage();
        Actor neighbour = account(TOMSK, "sup-neighbour", null);

        List<Supports.Outcome> outcomes = inParallel(50, i -> () -> TenantContext.callAs(TOMSK,
                () -> supports.support(number, Supporter.account(neighbour.accountId()))));

        assertThat(outcomes).filteredOn(Supports.Outcome::added).hasSize(1);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.count()).isEqualTo(1));
        TenantContext.runAs(TOMSK, () -> {
            assertThat(jdbc.sql("select count(*) from message_support s join message m on m.id = s.message_id "
                    + "where m.number = ?").param(number).query(Long.class).single()).isEqualTo(1L);
            assertThat(view(TOMSK, number, null).supportCount()).isEqualTo(1);
        });
    }

    @Test
    void fiftyDifferentGuestsCountFiftyTimesWhereGuestsMaySupport() throws Exception {
        String number = publishedMessage();

        List<Supports.Outcome> outcomes = inParallel(50, i -> {
            UUID guest = UUID.randomUUID();
            return () -> TenantContext.callAs(TOMSK, () -> supports.support(number, Supporter.guest(guest)));
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.added()).isTrue());
        assertThat(view(TOMSK, number, null).supportCount()).isEqualTo(50);
    }
}
