package ru.civic.portal.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

import ru.civic.platform.message.Actors;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The tenant's {@code guests.read}: where it is off, a guest opening a {@link PublicReading} view is sent to
 * {@link SignInRequiredView} instead. All five shipped tenants let guests read; a new one may not.
 */
@Component
class GuestReadAccess implements VaadinServiceInitListener {

    private final TenantRegistry tenants;
    private final Actors actors;

    GuestReadAccess(TenantRegistry tenants, Actors actors) {
        this.tenants = tenants;
        this.actors = actors;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            if (!enter.getNavigationTarget().isAnnotationPresent(PublicReading.class)
                    || TenantContext.currentTenant().isEmpty()) {
                return;
            }
            boolean guestsRead = tenants.currentConfiguration().guests() == null
                    || tenants.currentConfiguration().guests().read();
            if (!guestsRead && actors.current().isEmpty()) {
                enter.rerouteTo(SignInRequiredView.class);
            }
        }));
    }
}
