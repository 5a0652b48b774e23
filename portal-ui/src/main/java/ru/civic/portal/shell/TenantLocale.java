package ru.civic.portal.shell;

import java.util.Locale;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Every new UI starts in the tenant's default language (Russian for all five), not the browser's: the portals are
 * Russian public services. English stays available for a user who chooses it.
 */
@Component
class TenantLocale implements VaadinServiceInitListener {

    private final TenantRegistry tenants;

    TenantLocale(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(defaultLocale()));
    }

    private Locale defaultLocale() {
        return TenantContext.currentTenant().flatMap(tenants::find)
                .map(t -> Locale.forLanguageTag(t.configuration().defaultLocale()))
                .orElse(Locale.of("ru"));
    }
}
