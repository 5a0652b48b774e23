package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.workflow.internal.DeadlineWatch;

/**
 * Overdue work is marked once, the stage's staff are told, the breach is counted per tenant and organisation, and
 * only one instance of the cluster does it at a time.
 */
@SpringBootTest
class DeadlineWatchTest extends LifecycleTestSupport {

    private static final TenantId ZARECHNY = TenantId.of("zarechny");

    @Autowired
    DeadlineWatch watch;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DataSource dataSource;

    private double breaches(String organisation) {
        var counter = meters.find("civic_deadline_breaches").tags("tenant", "zarechny", "organisation", organisation,
                "kind", "STAGE").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void missedRegistrationDeadlineIsMarkedOnceNotifiedAndCounted() {
        Actor citizen = account(ZARECHNY, "dw-citizen", null);
        Actor moderator = account(ZARECHNY, "dw-moderator", "adm-infra", Role.MODERATOR);
        at("Europe/Moscow", 2026, 3, 2, 10, 0);
        Receipt receipt = submit(ZARECHNY, citizen, "Не убран снег во дворе дома 3", "snow",
                place(53.19, 45.17, null), java.time.Instant.parse("2026-03-01T10:00:00Z"), false, List.of());
        double before = breaches("adm-infra");

        clock.set(receipt.stageDueAt().plus(Duration.ofMinutes(1)));
        assertThat(watch.runOnce()).isGreaterThanOrEqualTo(1);
        int again = watch.runOnce();

        assertThat(breaches("adm-infra")).isEqualTo(before + 1);
        assertThat(inbox(ZARECHNY, moderator)).anySatisfy(n -> {
            assertThat(n.messageNumber()).isEqualTo(receipt.number());
            assertThat(n.subject()).isEqualTo("Нарушен срок по сообщению " + receipt.number());
        });
        assertThat(inbox(ZARECHNY, moderator)).filteredOn(n -> n.messageNumber().equals(receipt.number()))
                .hasSize(1);
        MessageView forStaff = view(ZARECHNY, receipt.number(), moderator);
        assertThat(forStaff.timeline()).extracting(MessageView.TimelineEntry::title)
                .containsOnlyOnce("Срок рассмотрения нарушен");
        assertThat(view(ZARECHNY, receipt.number(), citizen).timeline()).isNotEmpty();
        assertThat(again).isGreaterThanOrEqualTo(0);
    }

    @Test
    void doesNothingWhileAnotherInstanceHoldsTheLock() throws Exception {
        try (Connection other = dataSource.getConnection();
                PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, 0x63697669635F646CL);
            lock.execute();
            assertThat(watch.runOnce()).isEqualTo(-1);
            try (PreparedStatement unlock = other.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, 0x63697669635F646CL);
                unlock.execute();
            }
        }
        assertThat(watch.runOnce()).isGreaterThanOrEqualTo(0);
    }
}
