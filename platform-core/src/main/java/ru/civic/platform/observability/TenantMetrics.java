package ru.civic.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Business metrics carry the tenant as a tag ({@code tenant="<tenant id>"}, or {@code _platform} on the platform host), so
 * the platform owner's dashboards can split every figure by tenant.
 */
@Component
class TenantMetrics {

    private final MeterRegistry meters;

    TenantMetrics(MeterRegistry meters, TenantRegistry tenants) {
        this.meters = meters;
        Gauge.builder("civic.tenants", tenants, t -> t.all().size())
                .description("Tenants served by this deployment").register(meters);
        Gauge.builder("civic.tenants.active", tenants, t -> t.all().stream().filter(x -> x.isActive()).count())
                .description("Tenants whose portals are not suspended").register(meters);
    }

    @EventListener
    void onSignIn(AuthenticationSuccessEvent event) {
        meters.counter("civic.signins", "tenant", tag(), "outcome", "success").increment();
    }

    @EventListener
    void onSignInFailure(AbstractAuthenticationFailureEvent event) {
        meters.counter("civic.signins", "tenant", tag(), "outcome", "failure").increment();
    }

    private static String tag() {
        String value = TenantContext.settingValue();
        return value.isEmpty() ? "none" : value;
    }
}
