package ru.civic.portal.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

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
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(tenants.currentLocale()));
    }
}
