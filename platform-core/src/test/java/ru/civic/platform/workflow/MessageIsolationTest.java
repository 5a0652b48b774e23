package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.MessageNotFoundException;
import ru.civic.platform.message.MessageStore;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.Supporter;
import ru.civic.platform.message.Supports;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/** Two tenants' messages side by side: nothing of one is visible or changeable from the other. */
@SpringBootTest
class MessageIsolationTest extends LifecycleTestSupport {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId ZARECHNY = TenantId.of("zarechny");

    @Autowired
    MessageStore store;
    @Autowired
    Supports supports;

    @Test
    void anotherTenantCannotReadSupportOrActOnAMessage() {
        Actor author = account(TOMSK, "iso-author", null);
        Actor operator = account(TOMSK, "iso-operator", null, Role.OPERATOR);
        Actor zarechnyModerator = account(ZARECHNY, "iso-zar-mod", null, Role.MODERATOR, Role.OPERATOR);
        Receipt receipt = submit(TOMSK, author, "Сломана скамейка в парке", "potholes", place(56.4, 84.9, null),
                null, false, List.of());
        act(TOMSK, receipt.number(), "publish", ActionInput.none(), operator);

        TenantContext.runAs(ZARECHNY, () -> {
            assertThat(store.findByNumber(receipt.number())).isEmpty();
            assertThat(store.find(receipt.id())).isEmpty();
            assertThatThrownBy(() -> lookup.view(receipt.number(), java.util.Optional.empty()))
                    .isInstanceOf(MessageNotFoundException.class);
            assertThatThrownBy(() -> supports.support(receipt.number(), Supporter.guest(java.util.UUID.randomUUID())))
                    .isInstanceOf(MessageNotFoundException.class);
            assertThatThrownBy(() -> workflow.act(receipt.number(), "answer", ActionInput.none(), zarechnyModerator))
                    .isInstanceOf(MessageNotFoundException.class);
            // Native SQL that forgets the tenant: row-level security still hides every message table's rows.
            for (String table : List.of("message", "message_transition", "message_photo", "message_support")) {
                assertThat(jdbc.sql("select count(*) from " + table + " where tenant_id = 'tomsk'")
                        .query(Long.class).single()).as(table).isZero();
            }
            assertThat(jdbc.sql("update message set text = 'взлом' where id = ?").param(receipt.id()).update())
                    .isZero();
        });
        assertThat(view(TOMSK, receipt.number(), null).text()).isEqualTo("Сломана скамейка в парке");
    }
}
