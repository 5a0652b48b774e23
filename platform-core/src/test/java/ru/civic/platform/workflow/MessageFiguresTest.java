package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.MessageFigures;
import ru.civic.platform.message.MessageFigures.Figures;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.Supporter;
import ru.civic.platform.message.Supports;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/** The home page figures: what was received, published, answered and supported, per tenant, briefly cached. */
@SpringBootTest
class MessageFiguresTest extends LifecycleTestSupport {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId ZARECHNY = TenantId.of("zarechny");

    @Autowired
    MessageFigures figures;
    @Autowired
    Supports supports;

    private Figures figuresOf(TenantId tenant) {
        return TenantContext.callAs(tenant, figures::current);
    }

    @Test
    void figuresCountReceivedPublishedAnsweredAndSupportedMessagesOfTheTenantOnly() {
        at("Asia/Tomsk", 2026, 4, 14, 10, 0);
        Figures tomskBefore = figuresOf(TOMSK);
        Figures zarechnyBefore = figuresOf(ZARECHNY);

        Actor author = account(TOMSK, "fig-author", null);
        Actor operator = account(TOMSK, "fig-operator", "operator", Role.OPERATOR);
        Actor executor = account(TOMSK, "fig-executor", "dep-transport", Role.EXECUTOR);
        Receipt answered = submit(TOMSK, author, "Яма на дороге у дома 5 " + marker, "potholes",
                place(56.48, 84.95, null), null, false, List.of());
        Receipt published = submit(TOMSK, author, "Нет освещения во дворе " + marker, "potholes",
                place(56.48, 84.95, null), null, false, List.of());
        submit(TOMSK, author, "Ещё не проверенное предложение " + marker, "potholes", place(56.48, 84.95, null),
                null, false, List.of());
        act(TOMSK, answered.number(), "publish", ActionInput.none(), operator);
        act(TOMSK, published.number(), "publish", ActionInput.none(), operator);
        act(TOMSK, answered.number(), "answer", ActionInput.builder().answer("Ремонт в мае").build(), executor);
        TenantContext.runAs(TOMSK, () -> {
            supports.support(published.number(), Supporter.guest(UUID.randomUUID()));
            supports.support(published.number(), Supporter.guest(UUID.randomUUID()));
            supports.support(answered.number(), Supporter.account(account(TOMSK, "fig-neighbour", null).accountId()));
        });

        // Within the cache's lifetime the home page shows what it counted a moment ago, without asking the database.
        assertThat(figuresOf(TOMSK)).isEqualTo(tomskBefore);

        clock.advance(MessageFigures.LIFETIME.plus(Duration.ofSeconds(1)));
        Figures tomskAfter = figuresOf(TOMSK);
        assertThat(tomskAfter.received() - tomskBefore.received()).isEqualTo(3);
        assertThat(tomskAfter.published() - tomskBefore.published()).isEqualTo(2);
        assertThat(tomskAfter.answered() - tomskBefore.answered()).isEqualTo(1);
        assertThat(tomskAfter.supports() - tomskBefore.supports()).isEqualTo(3);
        // Another tenant's figures do not move with Tomsk's messages.
        assertThat(figuresOf(ZARECHNY)).isEqualTo(zarechnyBefore);
    }
}
