package ru.civic.portal.feed;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import ru.civic.platform.message.MessageLookup;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PortalLayout;

/**
 * The public feed: published messages of the tenant, newest or most supported first, filtered by category and status.
 * (Districts and periods come with the rest of the portal, issue 4.)
 */
@Route(value = "messages", layout = PortalLayout.class)
@AnonymousAllowed
class MessageListView extends Div implements HasDynamicTitle {

    enum Order { NEWEST, MOST_SUPPORTED }

    private final List<MessageView> published;
    private final Div list = new Div();
    private final Select<String> category = new Select<>();
    private final Select<StageStatus> status = new Select<>();
    private final Select<Order> order = new Select<>();

    MessageListView(MessageLookup lookup, TenantRegistry tenants) {
        addClassName("civic-feed");
        TenantConfiguration tenant = tenants.currentConfiguration();
        published = lookup.published(200);

        category.setLabel(getTranslation("portal.feed.category"));
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("portal.feed.any"));
        category.setItems(tenant.allCategories().stream().map(TenantConfiguration.Category::id).toList());
        category.setItemLabelGenerator(id -> id == null ? getTranslation("portal.feed.any")
                : tenant.category(id).map(TenantConfiguration.Category::name).orElse(id));
        status.setLabel(getTranslation("portal.feed.status"));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("portal.feed.any"));
        status.setItems(StageStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("portal.feed.any")
                : getTranslation("portal.status." + s.name()));
        order.setLabel(getTranslation("portal.feed.order"));
        order.setItems(Order.values());
        order.setItemLabelGenerator(o -> getTranslation("portal.feed.order." + o.name()));
        order.setValue(Order.NEWEST);
        category.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        order.addValueChangeListener(e -> refresh());

        list.addClassName("civic-feed-list");
        add(new H2(getTranslation("portal.feed.title")), new HorizontalLayout(category, status, order), list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        Comparator<MessageView> comparator = order.getValue() == Order.MOST_SUPPORTED
                ? Comparator.comparingInt(MessageView::supportCount).reversed()
                        .thenComparing(MessageView::receivedAt, Comparator.reverseOrder())
                : Comparator.comparing(MessageView::receivedAt, Comparator.reverseOrder());
        List<MessageView> shown = published.stream()
                .filter(m -> category.getValue() == null || Objects.equals(category.getValue(), m.categoryId()))
                .filter(m -> status.getValue() == null || status.getValue() == m.status())
                .sorted(comparator)
                .toList();
        if (shown.isEmpty()) {
            list.add(new Paragraph(getTranslation("portal.feed.empty")));
        }
        for (MessageView m : shown) {
            Div card = new Div();
            card.addClassName("civic-feed-item");
            card.add(new Anchor("messages/" + m.number(), m.number()));
            card.add(new Span(" · " + getTranslation("portal.status." + m.status().name())));
            if (m.categoryName() != null) {
                card.add(new Span(" · " + m.categoryName()));
            }
            Span supports = new Span(" · " + getTranslation("portal.feed.supports", m.supportCount()));
            supports.addClassName("civic-support-count");
            card.add(supports);
            card.add(new Paragraph(m.text().length() > 300 ? m.text().substring(0, 300) + "…" : m.text()));
            list.add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.feed.title");
    }
}
