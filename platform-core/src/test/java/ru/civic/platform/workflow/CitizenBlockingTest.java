package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import ru.civic.platform.account.Account;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Blocking a citizen from the back office (Gubkinsky 3.9): with a reason, announced for the points ledger; the citizen
 * submits nothing more; only an operator lifts the block.
 */
@SpringBootTest
@RecordApplicationEvents
class CitizenBlockingTest extends LifecycleTestSupport {

    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");
    private static final TenantId TOMSK = TenantId.of("tomsk");

    @Autowired
    CitizenBlocking blocking;
    @Autowired
    ApplicationEvents events;

    private Account stored(TenantId tenant, Actor who) {
        return TenantContext.callAs(tenant, () -> accounts.find(who.accountId()).orElseThrow());
    }

    @Test
    @WithMockUser(roles = "MODERATOR")
    void aBlockedCitizenCannotSubmitAndTheReasonIsKept() {
        Actor citizen = account(GUBKINSKY, "blk-citizen", null);
        assertThat(TenantContext.callAs(GUBKINSKY, () -> blocking.search("blk-citizen-" + marker)))
                .extracting(Account::getId).containsExactly(citizen.accountId());

        assertThatThrownBy(() -> TenantContext.runAs(GUBKINSKY, () -> blocking.block(citizen.accountId(), "  ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code()).containsExactly("reason:citizen.block.reasonRequired"));
        assertThat(stored(GUBKINSKY, citizen).isBlocked()).isFalse();

        TenantContext.runAs(GUBKINSKY, () -> blocking.block(citizen.accountId(), "Реклама в каждой идее"));

        assertThat(stored(GUBKINSKY, citizen).getBlockedReason()).isEqualTo("Реклама в каждой идее");
        assertThat(TenantContext.callAs(GUBKINSKY, blocking::blocked)).extracting(Account::getId)
                .contains(citizen.accountId());
        assertThat(events.stream(AuthorBlocked.class)).singleElement().satisfies(e -> {
            assertThat(e.accountId()).isEqualTo(citizen.accountId());
            assertThat(e.tenantId()).isEqualTo("gubkinsky");
            assertThat(e.messageNumber()).isNull();
        });
        assertThatThrownBy(() -> submit(GUBKINSKY, citizen, "Ещё одна идея " + marker, "yards", null, null, false,
                List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).containsExactly("message.author.blocked"));
        // The moderator may block but not lift a block.
        assertThatThrownBy(() -> TenantContext.runAs(GUBKINSKY, () -> blocking.unblock(citizen.accountId())))
                .isInstanceOf(AuthorizationDeniedException.class);
        // Another tenant's citizen is out of reach.
        assertThat(TenantContext.callAs(TOMSK, () -> blocking.search("blk-citizen-" + marker))).isEmpty();
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void anOperatorLiftsABlockAndTheCitizenSubmitsAgain() {
        Actor citizen = account(GUBKINSKY, "unblk-citizen", null);
        TenantContext.runAs(GUBKINSKY, () -> blocking.block(citizen.accountId(), "Оскорбления"));
        TenantContext.runAs(GUBKINSKY, () -> blocking.unblock(citizen.accountId()));

        assertThat(stored(GUBKINSKY, citizen).isBlocked()).isFalse();
        assertThat(submit(GUBKINSKY, citizen, "Новая идея " + marker, "yards", null, null, false, List.of()).number())
                .isNotBlank();
    }

    @Test
    @WithMockUser(roles = "EXECUTOR")
    void anExecutorCannotBlock() {
        Actor citizen = account(TOMSK, "blk-exec-citizen", null);
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> blocking.block(citizen.accountId(), "Спам")))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(stored(TOMSK, citizen).isBlocked()).isFalse();
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void aStaffAccountIsNotACitizenToBlock() {
        Actor moderator = account(TOMSK, "blk-mod", null, Role.MODERATOR);
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> blocking.block(moderator.accountId(), "Спам")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stored(TOMSK, moderator).isBlocked()).isFalse();
    }
}
