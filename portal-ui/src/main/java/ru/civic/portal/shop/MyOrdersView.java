package ru.civic.portal.shop;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.shop.OrderStatus;
import ru.civic.platform.shop.Shop;
import ru.civic.platform.shop.ShopOrder;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PortalLayout;

/** «Мои заказы»: the resident's orders with their state; an order not yet issued can be cancelled for the points. */
@Route(value = "shop/orders", layout = PortalLayout.class)
@PermitAll
class MyOrdersView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Shop shop;
    private final AuthenticationContext authentication;
    private final ZoneId zone;
    private final Span outcome = new Span();
    private final Div list = new Div();

    MyOrdersView(Shop shop, AuthenticationContext authentication, TenantRegistry tenants) {
        this.shop = shop;
        this.authentication = authentication;
        this.zone = tenants.currentConfiguration().zoneId();
        addClassName("civic-my-orders");
        outcome.addClassName("civic-my-orders-outcome");
        outcome.getElement().setAttribute("role", "status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!shop.open()) {
            throw new NotFoundException();
        }
        removeAll();
        add(new H2(getPageTitle()));
        if (!authentication.hasRole("CITIZEN")) {
            add(new Paragraph(getTranslation("portal.shop.residentsOnly")));
            return;
        }
        add(new Anchor("shop", getTranslation("portal.shop.back")), outcome, list);
        render();
    }

    private void render() {
        list.removeAll();
        var orders = shop.myOrders();
        if (orders.isEmpty()) {
            list.add(new Paragraph(getTranslation("portal.shop.orders.none")));
        }
        for (ShopOrder order : orders) {
            Div row = new Div();
            row.addClassName("civic-my-order");
            row.add(new Paragraph(getTranslation("portal.shop.orders.line", order.number(), order.itemName(),
                    order.points(), WHEN.format(order.createdAt().atZone(zone)))));
            Paragraph status = new Paragraph(switch (order.status()) {
                case RESERVED -> getTranslation("portal.shop.orders.RESERVED");
                case ISSUED -> getTranslation("portal.shop.orders.ISSUED", WHEN.format(order.issuedAt().atZone(zone)));
                case CANCELLED -> getTranslation("portal.shop.orders.CANCELLED", order.cancelReason());
            });
            status.addClassName("civic-my-order-status");
            row.add(status);
            if (order.status() == OrderStatus.RESERVED) {
                Button cancel = new Button(getTranslation("portal.shop.orders.cancel"), click -> cancel(order));
                cancel.addClassName("civic-my-order-cancel");
                row.add(cancel);
            }
            list.add(row);
        }
    }

    private void cancel(ShopOrder order) {
        try {
            shop.cancelMine(order.id());
            outcome.setText(getTranslation("portal.shop.orders.cancelled", order.number(), order.points()));
        } catch (InvalidInputException e) {
            outcome.setText(String.join(" ", e.problems().stream()
                    .map(p -> getTranslation(p.code(), p.args().toArray())).toList()));
        }
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.shop.orders.title");
    }

    // For the browserless tests of this package.
    Span outcome() { return outcome; }
    Div list() { return list; }
}
