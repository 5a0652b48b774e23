package ru.civic.portal.feed;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.servlet.http.Cookie;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.MessageLookup;
import ru.civic.platform.message.MessageNotFoundException;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.Supporter;
import ru.civic.platform.message.Supports;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PortalLayout;

/**
 * One message as its reader may see it (Zarechny 6.5: the answer is found by the number): text, place, status with
 * deadline, the public timeline, the answer, and the support button.
 */
@Route(value = "messages/:number", layout = PortalLayout.class)
@AnonymousAllowed
class MessageDetailsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String GUEST_COOKIE = "civic_guest";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final MessageLookup lookup;
    private final Supports supports;
    private final Actors actors;
    private final TenantRegistry tenants;
    private String title = "";

    MessageDetailsView(MessageLookup lookup, Supports supports, Actors actors, TenantRegistry tenants) {
        this.lookup = lookup;
        this.supports = supports;
        this.actors = actors;
        this.tenants = tenants;
        addClassName("civic-message");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String number = event.getRouteParameters().get("number").orElse("");
        removeAll();
        MessageView message;
        try {
            message = lookup.view(number, actors.current());
        } catch (MessageNotFoundException e) {
            title = getTranslation("portal.message.notFound");
            add(new H2(title), new Paragraph(getTranslation("portal.message.notFound.detail", number)));
            return;
        }
        show(message);
    }

    private void show(MessageView m) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        ZoneId zone = tenant.zoneId();
        title = getTranslation("portal.message.title", m.number());
        add(new H2(title));
        Span status = new Span(getTranslation("portal.status." + m.status().name()));
        status.addClassName("civic-status");
        add(status);
        if (m.dueAt() != null) {
            Span due = new Span(" · " + getTranslation("portal.message.dueAt", DAY.format(m.dueAt().atZone(zone))));
            due.addClassName("civic-deadline");
            add(due);
        }
        if (m.categoryName() != null) {
            add(new Paragraph(getTranslation("portal.feed.category") + ": " + m.categoryName()));
        }
        Paragraph text = new Paragraph(m.text());
        text.addClassName("civic-message-text");
        add(text);
        if (m.place() != null && m.place().address() != null) {
            add(new Paragraph(getTranslation("portal.message.place") + ": " + m.place().address()));
        }
        add(supportBlock(tenant, m));
        if (m.answer() != null) {
            Div answer = new Div(new H3(getTranslation("portal.message.answer")), new Paragraph(m.answer().text()));
            answer.addClassName("civic-answer");
            add(answer);
        }
        add(new H3(getTranslation("portal.message.timeline")));
        OrderedList timeline = new OrderedList();
        timeline.addClassName("civic-timeline");
        for (MessageView.TimelineEntry entry : m.timeline()) {
            StringBuilder line = new StringBuilder(MOMENT.format(entry.at().atZone(zone))).append(" — ")
                    .append(entry.title()).append(" (").append(getTranslation("portal.status." + entry.status().name()))
                    .append(")");
            if (entry.reason() != null) {
                line.append(". ").append(getTranslation("portal.message.reason")).append(": ").append(entry.reason());
            }
            if (entry.comment() != null) {
                line.append(". ").append(entry.comment());
            }
            timeline.add(new ListItem(line.toString()));
        }
        add(timeline);
    }

    private Div supportBlock(TenantConfiguration tenant, MessageView m) {
        Div block = new Div();
        block.addClassName("civic-support");
        Span count = new Span(getTranslation("portal.feed.supports", m.supportCount()));
        count.addClassName("civic-support-count");
        block.add(count);
        if (!m.published()) {
            return block;
        }
        Optional<Actor> actor = actors.current();
        boolean signedIn = actor.map(a -> a.accountId() != null).orElse(false);
        Button support = new Button(getTranslation("portal.message.support"));
        support.addClassName("civic-support-button");
        Span hint = new Span();
        hint.addClassName("civic-support-hint");
        if (!signedIn && !tenant.guests().support()) {
            support.setEnabled(false);
            hint.setText(getTranslation("support.guestsNotAllowed"));
        }
        support.addClickListener(click -> {
            try {
                Supporter supporter = signedIn ? Supporter.account(actor.get().accountId()) : Supporter.guest(guestId());
                Supports.Outcome outcome = supports.support(m.number(), supporter);
                count.setText(getTranslation("portal.feed.supports", outcome.count()));
                hint.setText(getTranslation(outcome.added() ? "portal.message.supported" : "portal.message.supportedBefore"));
                support.setEnabled(false);
            } catch (InvalidInputException e) {
                hint.setText(e.problems().stream().map(p -> getTranslation(p.code(), p.args().toArray()))
                        .reduce((a, b) -> a + " " + b).orElse(""));
            }
        });
        block.add(support, hint);
        return block;
    }

    /** The guest's random id from the cookie the platform issued (the same one the REST API reads). */
    private static UUID guestId() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (GUEST_COOKIE.equals(cookie.getName())) {
                    try {
                        return UUID.fromString(cookie.getValue());
                    } catch (IllegalArgumentException ignored) {
                        // replaced below
                    }
                }
            }
        }
        UUID id = UUID.randomUUID();
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(GUEST_COOKIE, id.toString());
            cookie.setHttpOnly(true);
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            response.addCookie(cookie);
        }
        return id;
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    static String format(Instant instant, ZoneId zone) {
        return MOMENT.format(instant.atZone(zone));
    }
}
