package ru.civic.admin.platform;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.platform.console.PlatformConsole;
import ru.civic.platform.console.PlatformConsole.Figures;
import ru.civic.platform.console.PlatformConsole.OpenWork;
import ru.civic.platform.console.PlatformConsole.TenantDetail;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * One tenant for the platform owner: its figures, where its open and overdue work lies (by category and
 * organisation), what happened lately, its hosts, its configuration's versions; and suspending or resuming it, each
 * after a confirmation.
 */
@Route(value = "admin/platform/tenant", layout = AdminLayout.class)
@RolesAllowed(Permissions.PLATFORM_OWNER)
class PlatformTenantView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final PlatformConsole console;
    private final TenantRegistry tenants;
    private final AuthenticationContext authentication;
    private TenantId id;
    private String title = "";

    PlatformTenantView(PlatformConsole console, TenantRegistry tenants, AuthenticationContext authentication) {
        this.console = console;
        this.tenants = tenants;
        this.authentication = authentication;
        addClassName("civic-platform-tenant-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        if (!TenantId.isValid(parameter) || tenants.find(TenantId.of(parameter)).isEmpty()) {
            throw new NotFoundException(getTranslation("admin.platform.tenant.notFound", parameter));
        }
        id = TenantId.of(parameter);
        show();
    }

    private void show() {
        removeAll();
        TenantDetail detail = console.tenant(id, PlatformConsoleView.PERIODS.getFirst());
        Tenant tenant = detail.tenant();
        title = tenant.configuration().name();
        add(new H1(getTranslation("admin.platform.tenant.title", title, id.value())));
        Span status = new Span(getTranslation("admin.platform.status." + tenant.status().name()));
        status.addClassName("civic-platform-status");
        add(new Paragraph(new Span(getTranslation("admin.platform.status") + ": "), status,
                new Span(" · " + getTranslation("admin.platform.tenant.versionZone", tenant.version(),
                        tenant.configuration().timeZone()))));
        add(statusButton(tenant));

        UnorderedList hosts = new UnorderedList();
        hosts.addClassName("civic-platform-hosts");
        for (String host : tenant.configuration().hosts()) {
            hosts.add(new ListItem(new Anchor("https://" + host + "/", host)));
        }
        hosts.add(new ListItem(getTranslation("admin.platform.tenant.localHost", id.value())));
        add(new H2(getTranslation("admin.platform.tenant.hosts")), hosts);

        add(new H2(getTranslation("admin.platform.tenant.figures")), figures(detail.figures()));
        add(new H2(getTranslation("admin.platform.tenant.byCategory")),
                openWork(detail.byCategory(), "admin.platform.tenant.noCategory", "civic-platform-by-category"));
        add(new H2(getTranslation("admin.platform.tenant.byOrganisation")),
                openWork(detail.byOrganisation(), "admin.platform.tenant.noOrganisation",
                        "civic-platform-by-organisation"));

        add(new H2(getTranslation("admin.platform.tenant.activity")));
        if (detail.recentActivity().isEmpty()) {
            add(new Paragraph(getTranslation("admin.platform.tenant.noActivity")));
        } else {
            Grid<PlatformConsole.Activity> activity = new Grid<>();
            activity.addClassName("civic-platform-activity");
            activity.addColumn(a -> PlatformConsoleView.time(this, a.at()))
                    .setHeader(getTranslation("admin.platform.tenant.at")).setAutoWidth(true);
            activity.addColumn(PlatformConsole.Activity::number)
                    .setHeader(getTranslation("admin.platform.tenant.number")).setAutoWidth(true);
            activity.addColumn(PlatformConsole.Activity::action)
                    .setHeader(getTranslation("admin.platform.tenant.action")).setFlexGrow(1);
            activity.addColumn(a -> a.role() == null ? "" : a.role())
                    .setHeader(getTranslation("admin.platform.tenant.role")).setAutoWidth(true);
            activity.setItems(detail.recentActivity());
            activity.setAllRowsVisible(true);
            add(activity);
        }

        add(new H2(getTranslation("admin.platform.tenant.history")));
        Grid<PlatformConsole.Revision> history = new Grid<>();
        history.addClassName("civic-platform-history");
        history.addColumn(PlatformConsole.Revision::version).setHeader(getTranslation("admin.platform.version"))
                .setAutoWidth(true);
        history.addColumn(r -> PlatformConsoleView.time(this, r.changedAt()))
                .setHeader(getTranslation("admin.platform.tenant.at")).setAutoWidth(true);
        history.addColumn(PlatformConsole.Revision::changedBy)
                .setHeader(getTranslation("admin.platform.tenant.changedBy")).setAutoWidth(true);
        history.addColumn(PlatformConsole.Revision::source)
                .setHeader(getTranslation("admin.platform.tenant.source")).setAutoWidth(true);
        history.addColumn(r -> getTranslation("admin.platform.status." + r.status().name()))
                .setHeader(getTranslation("admin.platform.status")).setAutoWidth(true);
        history.setItems(detail.history());
        history.setAllRowsVisible(true);
        add(history);
    }

    private Div figures(Figures f) {
        Div figures = new Div();
        figures.addClassName("civic-platform-figures");
        figures.add(figure("admin.platform.received", Long.toString(f.received())),
                figure("admin.platform.receivedRecently", Long.toString(f.receivedRecently())),
                figure("admin.platform.open", Long.toString(f.open())),
                figure("admin.platform.overdue", Long.toString(f.overdue())),
                figure("admin.platform.compliance", PlatformConsoleView.compliance(this, f)),
                figure("admin.platform.activeUsers", Long.toString(f.activeUsers())),
                figure("admin.platform.lastActivity", PlatformConsoleView.time(this, f.lastActivity())));
        return figures;
    }

    private Paragraph figure(String key, String value) {
        Span label = new Span(getTranslation(key) + ": ");
        Span shown = new Span(value);
        shown.addClassName("civic-figure-value");
        Paragraph figure = new Paragraph(label, shown);
        figure.addClassName("civic-figure");
        figure.getElement().setAttribute("data-figure", key.substring(key.lastIndexOf('.') + 1));
        return figure;
    }

    private Div openWork(List<OpenWork> rows, String noneKey, String className) {
        Div wrapper = new Div();
        if (rows.isEmpty()) {
            wrapper.add(new Paragraph(getTranslation("admin.platform.tenant.noOpenWork")));
            return wrapper;
        }
        Grid<OpenWork> grid = new Grid<>();
        grid.addClassName(className);
        grid.addColumn(w -> w.id() == null ? getTranslation(noneKey) : w.title())
                .setHeader(getTranslation("admin.platform.tenant.where")).setFlexGrow(1);
        grid.addColumn(OpenWork::open).setHeader(getTranslation("admin.platform.open")).setAutoWidth(true);
        grid.addColumn(OpenWork::overdue).setHeader(getTranslation("admin.platform.overdue")).setAutoWidth(true)
                .setPartNameGenerator(w -> w.overdue() > 0 ? "civic-overdue" : null);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        wrapper.add(grid);
        return wrapper;
    }

    private Button statusButton(Tenant tenant) {
        boolean active = tenant.isActive();
        Button button = new Button(getTranslation(active ? "admin.platform.suspend" : "admin.platform.resume"),
                e -> confirm(active));
        button.addClassName("civic-platform-status-change");
        if (active) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return button;
    }

    /** Suspension stops a whole city's portal: it is asked for twice, and the question says what it does. */
    private void confirm(boolean suspend) {
        Dialog dialog = new Dialog();
        dialog.addClassName("civic-platform-confirm");
        dialog.setHeaderTitle(getTranslation(suspend ? "admin.platform.suspend.title" : "admin.platform.resume.title",
                title));
        dialog.add(new Paragraph(getTranslation(suspend ? "admin.platform.suspend.text"
                : "admin.platform.resume.text")));
        Button yes = new Button(getTranslation(suspend ? "admin.platform.suspend" : "admin.platform.resume"), e -> {
            String by = authentication.getPrincipalName().orElse("platform-owner");
            if (suspend) {
                console.suspend(id, by);
            } else {
                console.resume(id, by);
            }
            dialog.close();
            Notification.show(getTranslation(suspend ? "admin.platform.suspended" : "admin.platform.resumed", title));
            show();
        });
        yes.addClassName("civic-platform-confirm-yes");
        yes.addThemeVariants(suspend ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        Button no = new Button(getTranslation("admin.action.cancel"), e -> dialog.close());
        dialog.getFooter().add(no, yes);
        add(dialog);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
