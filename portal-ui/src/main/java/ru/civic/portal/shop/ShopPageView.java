package ru.civic.portal.shop;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.shop.Shop;
import ru.civic.platform.shop.ShopItem;
import ru.civic.platform.shop.ShopOrder;
import ru.civic.portal.shell.PortalLayout;

/**
 * The bonus shop (Gubkinsky 4, «Магазин»): items on offer with photo, price and what is left; a signed-in resident
 * sees their balance and exchanges points with «Обменять», and a refusal says why at the item. Only where the tenant
 * runs a shop: elsewhere the page does not exist.
 */
@Route(value = "shop", layout = PortalLayout.class)
@AnonymousAllowed
class ShopPageView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final Shop shop;
    private final Actors actors;
    private final AuthenticationContext authentication;
    private final Paragraph balance = new Paragraph();
    private final Span outcome = new Span();
    private final Div list = new Div();
    private final Map<UUID, Span> itemProblems = new HashMap<>();
    private final Map<UUID, Button> exchangeButtons = new HashMap<>();
    private boolean resident;

    ShopPageView(Shop shop, Actors actors, AuthenticationContext authentication) {
        this.shop = shop;
        this.actors = actors;
        this.authentication = authentication;
        addClassName("civic-shop");
        balance.addClassName("civic-shop-balance");
        outcome.addClassName("civic-shop-outcome");
        outcome.getElement().setAttribute("role", "status");
        list.addClassName("civic-shop-items");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!shop.open()) {
            throw new NotFoundException();
        }
        Optional<Actor> me = actors.current().filter(a -> a.accountId() != null);
        resident = me.isPresent() && authentication.hasRole("CITIZEN");
        removeAll();
        add(new H2(getPageTitle()));
        if (resident) {
            Div summary = new Div(balance, new Anchor("shop/orders", getTranslation("portal.shop.myOrders")));
            summary.addClassName("civic-shop-summary");
            add(summary);
        } else {
            add(new Paragraph(getTranslation(me.isPresent() ? "portal.shop.residentsOnly" : "portal.shop.signIn")));
        }
        add(outcome, list);
        render();
    }

    private void render() {
        if (resident) {
            balance.setText(getTranslation("portal.shop.balance", shop.myBalance()));
        }
        list.removeAll();
        itemProblems.clear();
        exchangeButtons.clear();
        var offer = shop.offer();
        if (offer.isEmpty()) {
            list.add(new Paragraph(getTranslation("portal.shop.empty")));
        }
        for (ShopItem item : offer) {
            list.add(card(item));
        }
    }

    private Div card(ShopItem item) {
        Div card = new Div();
        card.addClassName("civic-shop-item");
        if (item.thumbnailKey() != null) {
            Image photo = new Image("api/v1/photos/" + item.thumbnailKey(), item.name());
            photo.addClassName("civic-shop-photo");
            card.add(photo);
        }
        Span kind = new Span(getTranslation("portal.shop.kind." + item.kind().name()));
        kind.addClassName("civic-shop-kind");
        card.add(kind, new H3(item.name()));
        if (!item.description().isBlank()) {
            card.add(new Paragraph(item.description()));
        }
        Paragraph price = new Paragraph(getTranslation("portal.shop.price", item.pricePoints()));
        price.addClassName("civic-shop-price");
        Paragraph left = new Paragraph(item.available() > 0 ? getTranslation("portal.shop.left", item.available())
                : getTranslation("portal.shop.soldOut"));
        left.addClassName("civic-shop-left");
        card.add(price, left);
        if (resident) {
            Button exchange = new Button(getTranslation("portal.shop.exchange"), click -> exchange(item));
            exchange.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            exchange.addClassName("civic-shop-exchange");
            exchange.setEnabled(item.available() > 0);
            Span problem = new Span();
            problem.addClassName("civic-shop-item-problem");
            problem.getElement().setAttribute("role", "alert");
            itemProblems.put(item.id(), problem);
            exchangeButtons.put(item.id(), exchange);
            card.add(exchange, problem);
        }
        return card;
    }

    private void exchange(ShopItem item) {
        try {
            ShopOrder order = shop.redeem(item.id());
            render();
            outcome.setText(getTranslation("portal.shop.ordered", order.itemName(), order.number(), order.points()));
        } catch (InvalidInputException e) {
            String text = String.join(" ", e.problems().stream()
                    .map(p -> getTranslation(p.code(), p.args().toArray())).toList());
            render();
            Span problem = itemProblems.get(item.id());
            if (problem != null) {
                problem.setText(text);
            } else {
                outcome.setText(text);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.shop.title");
    }

    // For the browserless tests of this package.
    Span outcome() { return outcome; }
    Paragraph balance() { return balance; }
    Map<UUID, Span> itemProblems() { return itemProblems; }
    Map<UUID, Button> exchangeButtons() { return exchangeButtons; }
}
