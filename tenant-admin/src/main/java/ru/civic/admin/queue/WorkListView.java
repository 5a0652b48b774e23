package ru.civic.admin.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Attachments;
import ru.civic.platform.message.Actors;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.workflow.BulkActions;
import ru.civic.platform.workflow.QueueItem;
import ru.civic.platform.workflow.WorkArrived;
import ru.civic.platform.workflow.WorkSignals;
import ru.civic.platform.workflow.WorkflowService;

/**
 * A list of messages in the staff workspace: overdue first, with the time left; filters by category,
 * organisation, district, status and period, and search by number or text; a row's number opens the message card;
 * refreshed when work moves anywhere in the cluster; several rows can be acted on at once where every one of them
 * allows the same action (bulk moderation). What the list holds is the subclass's: the person's own queue, or
 * everything in flight.
 */
abstract class WorkListView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    protected final WorkflowService workflow;
    private final Actors actors;
    private final AuthenticationContext authentication;
    private final java.time.Clock clock;
    private final TenantConfiguration tenant;
    private final ZoneId zone;
    private final Grid<QueueItem> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<String> category = new ComboBox<>();
    private final ComboBox<String> organisation = new ComboBox<>();
    private final ComboBox<String> district = new ComboBox<>();
    private final ComboBox<StageStatus> status = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Span summary = new Span();
    private final WorkSignals signals;
    private List<QueueItem> all = List.of();
    private Actor me;
    private WorkSignals.Registration subscription;
    private final java.util.concurrent.atomic.AtomicBoolean refreshPending = new java.util.concurrent.atomic.AtomicBoolean();

    private final String titleKey;
    private final BulkBar bulk;

    WorkListView(String titleKey, WorkflowService workflow, Actors actors, AuthenticationContext authentication,
            TenantRegistry tenants, java.time.Clock clock, WorkSignals signals, BulkActions bulkActions,
            AccountService accounts, Attachments attachments) {
        this.titleKey = titleKey;
        this.workflow = workflow;
        this.signals = signals;
        this.actors = actors;
        this.authentication = authentication;
        this.clock = clock;
        this.tenant = tenants.currentConfiguration();
        this.zone = tenant.zoneId();
        addClassName("civic-work-list");

        search.setLabel(getTranslation("admin.queue.search"));
        search.addClassName("civic-queue-search");
        search.setPlaceholder(getTranslation("admin.queue.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        combo(category, "admin.queue.category", tenant.allCategories().stream()
                .map(TenantConfiguration.Category::id).toList(),
                tenant::categoryTitle);
        combo(organisation, "admin.queue.organisation", tenant.organisations().stream()
                .map(TenantConfiguration.Organisation::id).toList(),
                id -> tenant.organisation(id).map(TenantConfiguration.Organisation::name).orElse(id));
        combo(district, "admin.queue.district", tenant.districts().stream().map(TenantConfiguration.District::id)
                .toList(), id -> tenant.district(id).map(TenantConfiguration.District::name).orElse(id));
        district.setVisible(!tenant.districts().isEmpty());
        status.setLabel(getTranslation("admin.queue.status"));
        status.setClearButtonVisible(true);
        status.setItems(StageStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("admin.card.status." + s.name()));
        from.setLabel(getTranslation("admin.queue.from"));
        to.setLabel(getTranslation("admin.queue.to"));
        search.addValueChangeListener(e -> filter());
        category.addValueChangeListener(e -> filter());
        organisation.addValueChangeListener(e -> filter());
        district.addValueChangeListener(e -> filter());
        status.addValueChangeListener(e -> filter());
        from.addValueChangeListener(e -> filter());
        to.addValueChangeListener(e -> filter());
        FlexLayout filters = new FlexLayout(search, category, organisation, district, status, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");

        grid.addComponentColumn(q -> new Anchor("admin/messages/" + q.number(), q.number()))
                .setHeader(getTranslation("admin.queue.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(q -> countdown(q)).setHeader(getTranslation("admin.queue.deadline")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(QueueItem::stageName).setHeader(getTranslation("admin.queue.stage")).setAutoWidth(true);
        grid.addColumn(q -> q.categoryName() == null ? "" : q.categoryName())
                .setHeader(getTranslation("admin.queue.category")).setAutoWidth(true);
        grid.addColumn(q -> q.organisationName() == null ? "" : q.organisationName())
                .setHeader(getTranslation("admin.queue.organisation")).setFlexGrow(1);
        grid.addColumn(q -> DAY.format(q.receivedAt().atZone(zone))).setHeader(getTranslation("admin.queue.received"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(QueueItem::excerpt).setHeader(getTranslation("admin.queue.text")).setFlexGrow(2);
        grid.setPartNameGenerator(q -> q.overdue() ? "civic-overdue" : null);
        grid.addClassName("civic-queue-grid");
        grid.setAllRowsVisible(false);
        grid.setHeight("70vh");
        summary.addClassName("civic-queue-summary");
        // Screen readers hear the new count when work arrives without a reload.
        summary.getElement().setAttribute("role", "status");
        bulk = new BulkBar(bulkActions, tenant, accounts, attachments, this::reload);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.asMultiSelect().addValueChangeListener(e -> bulk.select(me,
                grid.getSelectedItems().stream().map(QueueItem::number).toList()));
        add(new H1(getTranslation(titleKey)), filters, summary, bulk, grid);
    }

    private void combo(ComboBox<String> box, String label, List<String> items, Function<String, String> name) {
        box.setLabel(getTranslation(label));
        box.setClearButtonVisible(true);
        box.setItems(items);
        box.setItemLabelGenerator(name::apply);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        me = AdminLayout.issuedForThisHost(authentication) ? actors.current().orElse(null) : null;
        if (me == null) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class, getTranslation("admin.denied"));
            return;
        }
        all = load(me);
        filter();
    }

    /** The messages this list shows to this person. */
    abstract List<QueueItem> load(Actor me);

    /** After a bulk action: the list and the selection afresh. */
    private void reload() {
        all = load(me);
        grid.deselectAll();
        filter();
    }

    /**
     * Work that moves anywhere in the cluster refreshes this queue through the server push of the frame. The
     * signal arrives on a cluster thread: the refresh runs in this UI's session, in the tenant it was opened for.
     */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        TenantId tenantId = tenant.tenantId();
        subscription = signals.subscribe(tenantId, work -> {
            // A burst of signals (a bulk action, a busy morning) becomes one re-read: while a refresh waits for
            // the session, further signals have nothing to add.
            if (!refreshPending.compareAndSet(false, true)) {
                return;
            }
            try {
                ui.access(() -> {
                    refreshPending.set(false);
                    TenantContext.runAs(tenantId, () -> refresh(work));
                });
            } catch (UIDetachedException closed) {
                // The page was closed between the signal and its delivery: nothing to refresh.
                refreshPending.set(false);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        super.onDetach(detachEvent);
    }

    /** Re-reads the queue; a message that was not in it before is announced. */
    void refresh(WorkArrived work) {
        if (me == null) {
            return;
        }
        java.util.Set<String> before = all.stream().map(QueueItem::number).collect(java.util.stream.Collectors.toSet());
        all = load(me);
        filter();
        all.stream().filter(q -> !before.contains(q.number())).map(QueueItem::number).findFirst()
                .ifPresent(number -> {
                    Notification note = Notification.show(getTranslation("admin.queue.arrived", number), 5000,
                            Notification.Position.BOTTOM_END);
                    note.addClassName("civic-queue-arrived");
                });
    }

    /** The time left (or overdue) on the nearer deadline, in days, with its date. */
    String countdown(QueueItem q) {
        Instant due = q.nearestDue();
        if (due == null) {
            return getTranslation("admin.queue.noDeadline");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = due.atZone(zone).toLocalDate();
        long days = Duration.between(today.atStartOfDay(), day.atStartOfDay()).toDays();
        String date = DAY.format(day);
        if (q.overdue()) {
            return getTranslation("admin.queue.overdue", Math.max(1, -days), date);
        }
        return days == 0 ? getTranslation("admin.queue.dueToday", date) : getTranslation("admin.queue.left", days, date);
    }

    private void filter() {
        String text = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        List<QueueItem> shown = all.stream()
                .filter(q -> text.isEmpty() || q.number().toLowerCase(Locale.ROOT).contains(text)
                        || q.excerpt().toLowerCase(Locale.ROOT).contains(text))
                .filter(q -> category.getValue() == null || inCategory(q.categoryId(), category.getValue()))
                .filter(q -> organisation.getValue() == null || Objects.equals(q.organisationId(), organisation.getValue()))
                .filter(q -> district.getValue() == null || Objects.equals(q.districtId(), district.getValue()))
                .filter(q -> status.getValue() == null || q.status() == status.getValue())
                .filter(q -> from.getValue() == null || !q.receivedAt().atZone(zone).toLocalDate().isBefore(from.getValue()))
                .filter(q -> to.getValue() == null || !q.receivedAt().atZone(zone).toLocalDate().isAfter(to.getValue()))
                .toList();
        grid.setItems(shown);
        long overdue = shown.stream().filter(QueueItem::overdue).count();
        summary.setText(getTranslation("admin.queue.summary", shown.size(), overdue));
    }

    /** A category filter includes its subcategories. */
    private boolean inCategory(String categoryId, String chosen) {
        return categoryId != null && tenant.categoryPath(categoryId).stream().anyMatch(c -> c.id().equals(chosen));
    }

    // For the browserless tests of this package.
    Grid<QueueItem> grid() { return grid; }
    BulkBar bulk() { return bulk; }
    TextField search() { return search; }
    ComboBox<String> organisation() { return organisation; }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
