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
 * The staff member's queue: every message waiting for them, by their roles and organisation, or because the
 * message names them (moderation, coordination, execution, agreement, approval, rework, as the tenant's workflow has
 * them).
 */
@Route(value = "admin/queue", layout = AdminLayout.class)
@Menu(title = "admin.menu.queue", order = 10)
@RolesAllowed({Permissions.MODERATOR, Permissions.COORDINATOR, Permissions.EXECUTOR, Permissions.HEAD,
        Permissions.CURATOR, Permissions.OPERATOR, Permissions.ANALYST})
class QueueView extends WorkListView {

    QueueView(WorkflowService workflow, Actors actors, AuthenticationContext authentication, TenantRegistry tenants,
            Clock clock, WorkSignals signals, BulkActions bulk, AccountService accounts, Attachments attachments) {
        super("admin.queue.title", workflow, actors, authentication, tenants, clock, signals, bulk, accounts,
                attachments);
        addClassName("civic-queue");
    }

    @Override
    List<QueueItem> load(Actor me) {
        return workflow.queue(me);
    }
}
