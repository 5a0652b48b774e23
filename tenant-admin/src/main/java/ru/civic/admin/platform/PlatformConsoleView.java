package ru.civic.admin.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalDouble;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.platform.console.PlatformConsole;
import ru.civic.platform.console.PlatformConsole.Figures;
import ru.civic.platform.console.PlatformConsole.TenantSummary;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.Tenant;

/**
 * Every tenant at a glance, for the platform owner on the platform host: messages received (all and lately), open
 * and overdue work, deadline compliance over a chosen period, active users, last activity, status and configuration
 * version. A tenant's id opens its page.
 */
@Route(value = "admin/platform", layout = AdminLayout.class)
@Menu(title = "admin.menu.platform", order = 90)
@RolesAllowed(Permissions.PLATFORM_OWNER)
class PlatformConsoleView extends Div implements HasDynamicTitle {

    /**
     * The platform owner serves tenants in many zones and has none of their own: times on the platform's pages are
     * Moscow time, the country's reference, and say so.
     */
    static final ZoneId PLATFORM_ZONE = ZoneId.of("Europe/Moscow");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    /** Periods the compliance is counted over, in days; the first is the default. */
    static final List<Integer> PERIODS = List.of(90, 30, 365);

    private final PlatformConsole console;
    private final Grid<TenantSummary> grid = new Grid<>();
    private final Select<Integer> period = new Select<>();

    PlatformConsoleView(PlatformConsole console) {
        this.console = console;
        addClassName("civic-platform-console");
        add(new H1(getTranslation("admin.platform.title")));

        period.setLabel(getTranslation("admin.platform.period"));
        period.setItems(PERIODS);
        period.setItemLabelGenerator(days -> getTranslation("admin.platform.period.days", days));
        period.setValue(PERIODS.getFirst());
        period.addValueChangeListener(e -> refresh());
        Anchor create = new Anchor("admin/platform/new", getTranslation("admin.platform.create"));
        create.addClassName("civic-platform-create");
        Anchor announcements = new Anchor("admin/platform/announcements",
                getTranslation("admin.platform.announcements"));
        FlexLayout tools = new FlexLayout(period, create, announcements);
        tools.setAlignItems(FlexLayout.Alignment.BASELINE);
        tools.getStyle().set("gap", "var(--lumo-space-l)");
        add(tools);

        grid.addComponentColumn(s -> tenantLink(s.tenant())).setHeader(getTranslation("admin.platform.id"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.tenant().configuration().name()).setHeader(getTranslation("admin.platform.name"))
                .setFlexGrow(1);
        grid.addColumn(s -> getTranslation("admin.platform.status." + s.tenant().status().name()))
                .setHeader(getTranslation("admin.platform.status")).setAutoWidth(true);
        grid.addColumn(s -> s.figures().received()).setHeader(getTranslation("admin.platform.received"))
                .setAutoWidth(true);
        grid.addColumn(s -> s.figures().receivedRecently())
                .setHeader(getTranslation("admin.platform.receivedRecently")).setAutoWidth(true);
        grid.addColumn(s -> s.figures().open()).setHeader(getTranslation("admin.platform.open")).setAutoWidth(true);
        grid.addColumn(s -> s.figures().overdue()).setHeader(getTranslation("admin.platform.overdue"))
                .setAutoWidth(true).setPartNameGenerator(s -> s.figures().overdue() > 0 ? "civic-overdue" : null);
        grid.addColumn(s -> compliance(this, s.figures())).setHeader(getTranslation("admin.platform.compliance"))
                .setAutoWidth(true);
        grid.addColumn(s -> s.figures().activeUsers()).setHeader(getTranslation("admin.platform.activeUsers"))
                .setAutoWidth(true);
        grid.addColumn(s -> time(this, s.figures().lastActivity()))
                .setHeader(getTranslation("admin.platform.lastActivity")).setAutoWidth(true);
        grid.addColumn(s -> s.tenant().version()).setHeader(getTranslation("admin.platform.version"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);
        add(new Paragraph(getTranslation("admin.platform.legend", PlatformConsole.RECENT.toDays(),
                PlatformConsole.LIFETIME.toSeconds())));
        refresh();
    }

    private void refresh() {
        grid.setItems(console.overview(period.getValue()));
    }

    private Component tenantLink(Tenant tenant) {
        Anchor link = new Anchor("admin/platform/tenant/" + tenant.id().value(), tenant.id().value());
        link.addClassName("civic-platform-tenant");
        return link;
    }

    /** The share answered in time as whole per cent, or a dash when nothing was answered in the period. */
    static String compliance(Component where, Figures figures) {
        OptionalDouble share = figures.compliance();
        return share.isEmpty() ? "—" : where.getTranslation("admin.platform.percent",
                Math.round(share.getAsDouble() * 100), figures.answeredInTime(), figures.answered());
    }

    static String time(Component where, Instant instant) {
        return instant == null ? where.getTranslation("admin.platform.never")
                : where.getTranslation("admin.platform.moscowTime", TIME.format(instant.atZone(PLATFORM_ZONE)));
    }

    Grid<TenantSummary> grid() {
        return grid;
    }

    Select<Integer> period() {
        return period;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.platform.title");
    }
}
