package ru.civic.portal.feed;

import java.time.ZoneId;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import ru.civic.platform.message.FeedPage;
import ru.civic.platform.message.FeedQuery;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PlaceMap;
import ru.civic.portal.shell.PortalLayout;

/**
 * The public feed: published messages of the tenant, newest or most supported first, filtered by category (with its
 * subcategories), status, district and period, a page at a time, as a list or on the map.
 */
@Route(value = "messages", layout = PortalLayout.class)
@StyleSheet("context://civic/feed.css")
@AnonymousAllowed
@ru.civic.portal.shell.PublicReading
class MessageListView extends Div implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    static final int PAGE_SIZE = 20;

    private final FeedPages lookup;
    private final TenantConfiguration tenant;
    private final ZoneId zone;
    private final Div list = new Div();
    private final ComboBox<String> category = new ComboBox<>();
    private final ComboBox<StageStatus> status = new ComboBox<>();
    private final ComboBox<String> district = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<FeedQuery.Order> order = new Select<>();
    private final Span total = new Span();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Span pageInfo = new Span();
    private final Tabs mode = new Tabs();
    private final Tab asList = new Tab();
    private final Tab onMap = new Tab();
    private PlaceMap map;
    private int page;
    private FeedPage shown;

    MessageListView(FeedPages lookup, TenantRegistry tenants) {
        this.lookup = lookup;
        this.tenant = tenants.currentConfiguration();
        this.zone = tenant.zoneId();
        addClassName("civic-feed");

        // Combo boxes, not selects: a select makes a component of each item (Tomsk: 38 categories, 8 statuses, 4
        // districts) on every page view, kept in the session; a combo box sends its items only when the visitor opens
        // it, and lets them type to filter.
        category.setLabel(getTranslation("portal.feed.category"));
        category.addClassName("civic-filter-category");
        category.setClearButtonVisible(true);
        category.setPlaceholder(getTranslation("portal.feed.any"));
        category.setItems(tenant.allCategories().stream().map(TenantConfiguration.Category::id).toList());
        category.setItemLabelGenerator(tenant::categoryTitle);

        status.setLabel(getTranslation("portal.feed.status"));
        status.addClassName("civic-filter-status");
        status.setClearButtonVisible(true);
        status.setPlaceholder(getTranslation("portal.feed.any"));
        status.setItems(StageStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("portal.status." + s.name()));

        district.setLabel(getTranslation("portal.feed.district"));
        district.addClassName("civic-filter-district");
        district.setClearButtonVisible(true);
        district.setPlaceholder(getTranslation("portal.feed.any"));
        district.setItems(tenant.districts().stream().map(TenantConfiguration.District::id).toList());
        district.setItemLabelGenerator(id -> tenant.district(id).map(TenantConfiguration.District::name).orElse(id));
        district.setVisible(!tenant.districts().isEmpty());

        from.setLabel(getTranslation("portal.feed.from"));
        from.addClassName("civic-filter-from");
        to.setLabel(getTranslation("portal.feed.to"));
        to.addClassName("civic-filter-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));

        order.setLabel(getTranslation("portal.feed.order"));
        order.addClassName("civic-filter-order");
        order.setItems(FeedQuery.Order.values());
        order.setItemLabelGenerator(o -> getTranslation("portal.feed.order." + o.name()));
        order.setValue(FeedQuery.Order.NEWEST);

        category.addValueChangeListener(e -> firstPage());
        status.addValueChangeListener(e -> firstPage());
        district.addValueChangeListener(e -> firstPage());
        order.addValueChangeListener(e -> firstPage());
        from.addValueChangeListener(e -> firstPage());
        to.addValueChangeListener(e -> firstPage());

        FlexLayout filters = new FlexLayout(category, status, district, from, to, order);
        filters.addClassName("civic-feed-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");

        asList.setLabel(getTranslation("portal.feed.asList"));
        onMap.setLabel(getTranslation("portal.feed.onMap"));
        mode.add(asList, onMap);
        mode.setVisible(tenant.features().map());
        mode.addSelectedChangeListener(e -> render());

        total.addClassName("civic-feed-total");
        list.addClassName("civic-feed-list");
        list.getElement().setAttribute("aria-live", "polite");

        previous.setText(getTranslation("portal.feed.previous"));
        next.setText(getTranslation("portal.feed.next"));
        previous.addClassName("civic-feed-previous");
        next.addClassName("civic-feed-next");
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        previous.addClickListener(e -> showPage(page - 1));
        next.addClickListener(e -> showPage(page + 1));
        FlexLayout pager = new FlexLayout(previous, pageInfo, next);
        pager.setAlignItems(FlexLayout.Alignment.CENTER);
        pager.getStyle().set("gap", "var(--lumo-space-m)");

        add(new H2(getTranslation("portal.feed.title")), filters, mode, total, list, pager);
        showPage(0);
    }

    private void firstPage() {
        if (!applyingParameters) {
            showPage(0);
        }
    }

    private boolean applyingParameters;

    /**
     * The filters from the address (the same parameters as the server-rendered page's form, {@link FeedParameters}),
     * so a filtered or paged link opens the same feed here; {@code ?interactive} opens the map.
     */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.isEmpty()) {
            return;
        }
        FeedQuery q = FeedParameters.parse(parameters, tenant, PAGE_SIZE);
        applyingParameters = true;
        try {
            category.setValue(q.categoryId());
            status.setValue(q.status());
            district.setValue(q.districtId());
            from.setValue(q.from());
            to.setValue(q.to());
            order.setValue(q.order());
            if (parameters.containsKey("interactive") && tenant.features().map()) {
                mode.setSelectedTab(onMap);
            }
        } finally {
            applyingParameters = false;
        }
        showPage(q.page());
    }

    /** Package-private for tests: the query the filters make. */
    FeedQuery query(int pageNumber) {
        return new FeedQuery(category.getValue(), status.getValue(), district.getValue(), from.getValue(),
                to.getValue(), order.getValue(), pageNumber, PAGE_SIZE);
    }

    private void showPage(int pageNumber) {
        page = Math.max(0, pageNumber);
        shown = lookup.feed(query(page));
        total.setText(getTranslation("portal.feed.total", shown.total()));
        pageInfo.setText(shown.pages() <= 1 ? "" : getTranslation("portal.feed.page", page + 1, shown.pages()));
        previous.setEnabled(page > 0);
        next.setEnabled(page + 1 < shown.pages());
        previous.setVisible(shown.pages() > 1);
        next.setVisible(shown.pages() > 1);
        render();
    }

    private void render() {
        list.removeAll();
        if (mode.getSelectedTab() == onMap) {
            map = new PlaceMap(tenant, getTranslation("portal.feed.map.label"));
            map.setHeight("480px");
            map.setMarkers(shown.items().stream().filter(i -> i.latitude() != null)
                    .map(i -> new PlaceMap.Marker(i.latitude(), i.longitude(), i.number() + " · "
                            + (i.categoryName() == null ? "" : i.categoryName()), "messages/" + i.number()))
                    .toList());
            list.add(map);
            return;
        }
        if (shown.items().isEmpty()) {
            list.add(new Paragraph(getTranslation("portal.feed.empty")));
            return;
        }
        // The whole page of cards is one element whose content is HTML built here, every value escaped, and the same
        // String for every reader of the page (FeedPages keeps it with the page). Vaadin keeps each component of every
        // open page in the visitor's session: twenty cards of a dozen components each (number, status, date,
        // category, district, supports, text, address, photo) were 400 nodes, most of a view's 535 KB of session heap
        // and of its 140 KB of UIDL; as one node they cost next to nothing (docs/benchmarks/portal-pages.md). The
        // numbers are plain links, which the router still handles.
        Div cards = new Div();
        cards.addClassName("civic-feed-cards");
        cards.getElement().setProperty("innerHTML", lookup.html(shown, getLocale(), p -> FeedCards.render(p, zone, this::getTranslation)));
        list.add(cards);
    }

    // For the browserless tests of this package.
    ComboBox<String> districtFilter() { return district; }
    ComboBox<String> categoryFilter() { return category; }
    DatePicker fromFilter() { return from; }
    DatePicker toFilter() { return to; }
    Tabs mode() { return mode; }
    Tab mapTab() { return onMap; }
    PlaceMap map() { return map; }
    FeedPage shown() { return shown; }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.feed.title");
    }
}
