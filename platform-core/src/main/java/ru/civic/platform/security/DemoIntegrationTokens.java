package ru.civic.platform.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Local use only ({@code platform.demo-data=true}): an integration token {@code civic_demo_<tenant>} per tenant, so
 * the REST API and Open311 can be tried with curl right after the first start (see docs/api.md).
 */
@Component
@ConditionalOnBooleanProperty("platform.demo-data")
class DemoIntegrationTokens {

    private static final Logger log = LoggerFactory.getLogger(DemoIntegrationTokens.class);

    private final IntegrationTokens tokens;
    private final TenantRegistry tenants;

    DemoIntegrationTokens(IntegrationTokens tokens, TenantRegistry tenants) {
        this.tokens = tokens;
        this.tenants = tenants;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        tenants.all().forEach(tenant -> TenantContext.runAs(tenant.id(), () -> tokens.registerKnownIfAbsent(
                "Демо-интеграция", IntegrationTokens.PREFIX + "demo_" + tenant.id().value(), Set.of())));
        log.warn("Demo integration tokens civic_demo_<tenant> are enabled. Never in production.");
    }
}
