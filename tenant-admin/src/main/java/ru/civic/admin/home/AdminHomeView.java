package ru.civic.admin.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.security.TenantClaims;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The entry of the back office. On a tenant host: the staff workspace of that tenant (its queues come with the
 * message lifecycle). On the platform host: forwards to the platform owner's console.
 */
@Route(value = "admin", layout = AdminLayout.class)
@RolesAllowed({Permissions.MODERATOR, Permissions.COORDINATOR, Permissions.EXECUTOR, Permissions.HEAD,
        Permissions.CURATOR, Permissions.OPERATOR, Permissions.ANALYST, Permissions.SHOP_ADMIN,
        Permissions.DATA_PROVIDER, Permissions.PLATFORM_OWNER})
class AdminHomeView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final TenantRegistry tenants;
    private final AuthenticationContext authentication;

    private final ru.civic.platform.message.Actors actors;
    private final ru.civic.platform.workflow.WorkflowService workflow;

    AdminHomeView(TenantRegistry tenants, AuthenticationContext authentication,
            ru.civic.platform.message.Actors actors, ru.civic.platform.workflow.WorkflowService workflow) {
        this.actors = actors;
        this.workflow = workflow;
        this.tenants = tenants;
        this.authentication = authentication;
        addClassName("civic-admin");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OidcUser user = authentication.getAuthenticatedUser(OidcUser.class).orElse(null);
        boolean platform = TenantContext.isPlatformScope();
        if (user == null || !AdminLayout.issuedForThisHost(authentication)) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class,
                    getTranslation("admin.denied"));
            return;
        }
        removeAll();
        if (platform) {
            // The platform owner's console has its own pages (ru.civic.admin.platform).
            event.forwardTo("admin/platform");
        } else {
            showWorkspace(user);
        }
    }

    private void showWorkspace(OidcUser user) {
        Tenant tenant = tenants.getRequired(TenantContext.getRequiredTenantId());
        add(new H1(getTranslation("admin.workspace.title", tenant.configuration().name())));
        add(new Paragraph(getTranslation("admin.workspace.user",
                user.getClaimAsString(TenantClaims.NAME) == null ? user.getSubject()
                        : user.getClaimAsString(TenantClaims.NAME),
                String.join(", ", TenantClaims.rolesOf(user)))));
        // What waits for this person, at a glance; the queue itself has the details.
        actors.current().ifPresent(me -> {
            java.util.List<ru.civic.platform.workflow.QueueItem> waiting = workflow.queue(me);
            long overdue = waiting.stream().filter(ru.civic.platform.workflow.QueueItem::overdue).count();
            Paragraph summary = new Paragraph(getTranslation("admin.workspace.waiting", waiting.size(), overdue));
            summary.addClassName("civic-workspace-waiting");
            add(summary);
        });
        com.vaadin.flow.component.html.Anchor queue = new com.vaadin.flow.component.html.Anchor("admin/queue",
                getTranslation("admin.workspace.queue"));
        queue.addClassName("civic-queue-link");
        add(queue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.title");
    }
}
