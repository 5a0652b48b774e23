package ru.civic.admin.queue;

import java.time.Clock;
import java.util.List;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Attachments;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.workflow.BulkActions;
import ru.civic.platform.workflow.QueueItem;
import ru.civic.platform.workflow.WorkSignals;
import ru.civic.platform.workflow.WorkflowService;

/**
 * The curator's view: every message still in the authorities' hands, at any stage and with whomever, overdue
 * first, so that the curator sees where work is stuck and by how long; rows open the card like the queue's.
 */
@Route(value = "admin/in-flight", layout = AdminLayout.class)
@Menu(title = "admin.menu.inFlight", order = 20)
@RolesAllowed({Permissions.CURATOR, Permissions.OPERATOR, Permissions.ANALYST})
class InFlightView extends WorkListView {

    InFlightView(WorkflowService workflow, Actors actors, AuthenticationContext authentication, TenantRegistry tenants,
            Clock clock, WorkSignals signals, BulkActions bulk, AccountService accounts, Attachments attachments) {
        super("admin.inFlight.title", workflow, actors, authentication, tenants, clock, signals, bulk, accounts,
                attachments);
        addClassName("civic-in-flight");
    }

    @Override
    List<QueueItem> load(Actor me) {
        return workflow.inFlight();
    }
}
