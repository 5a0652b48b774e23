package ru.civic.portal.shell;

import java.util.Locale;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Every new UI starts in the tenant's default language (Russian for all five), not the browser's: the portals are
 * Russian public services. English stays available for a user who chooses it ({@link LanguageSwitch}); the choice
 * is kept in the session and wins over the default.
 */
@Component
class TenantLocale implements VaadinServiceInitListener {

    private final TenantRegistry tenants;

    TenantLocale(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            Locale chosen = LanguageSwitch.chosen(ui.getUI().getSession());
            ui.getUI().setLocale(chosen != null ? chosen : tenants.currentLocale());
        });
    }
}
