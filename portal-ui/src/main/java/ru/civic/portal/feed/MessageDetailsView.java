package ru.civic.portal.feed;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
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
import ru.civic.platform.workflow.ActionInput;
import ru.civic.platform.workflow.AvailableAction;
import ru.civic.platform.workflow.WorkflowService;
import ru.civic.portal.shell.PlaceMap;
import ru.civic.portal.shell.PortalLayout;

/**
 * One message as its reader may see it (Zarechny 6.5: the answer is found by the number): text, place, status with
 * deadline, the public timeline, the answer, and the support button.
 */
@Route(value = "messages/:number", layout = PortalLayout.class)
@AnonymousAllowed
@ru.civic.portal.shell.PublicReading
class MessageDetailsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final MessageLookup lookup;
    private final Supports supports;
    private final Actors actors;
    private final TenantRegistry tenants;
    private final WorkflowService workflow;
    private String title = "";

    MessageDetailsView(MessageLookup lookup, Supports supports, Actors actors, TenantRegistry tenants,
            WorkflowService workflow) {
        this.workflow = workflow;
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
        status.getElement().getThemeList().add("badge");
        add(status);
        if (m.dueAt() != null) {
            Span due = new Span(" · " + getTranslation("portal.message.dueAt", DAY.format(m.dueAt().atZone(zone))));
            due.addClassName("civic-deadline");
            add(due);
        }
        Div facts = new Div();
        facts.addClassName("civic-message-facts");
        fact(facts, "portal.message.received", MOMENT.format(m.receivedAt().atZone(zone)));
        if (m.categoryName() != null) {
            fact(facts, "portal.feed.category", m.categoryName());
        }
        if (m.organisationName() != null) {
            fact(facts, "portal.message.organisation", m.organisationName());
        }
        if (m.districtName() != null) {
            fact(facts, "portal.feed.district", m.districtName());
        }
        if (m.place() != null && m.place().address() != null) {
            fact(facts, "portal.message.place", m.place().address());
        }
        if (m.occurredAt() != null) {
            fact(facts, "portal.message.occurredAt", MOMENT.format(m.occurredAt().atZone(zone)));
        }
        add(facts);
        Paragraph text = new Paragraph(m.text());
        text.addClassName("civic-message-text");
        text.getStyle().set("white-space", "pre-line");
        add(text);
        if (!m.photos().isEmpty()) {
            Div gallery = new Div();
            gallery.addClassName("civic-message-photos");
            gallery.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
            int i = 1;
            for (MessageView.PhotoRef photo : m.photos()) {
                Image thumb = new Image("api/v1/photos/" + photo.thumbnailKey(),
                        getTranslation("portal.message.photo", i++, m.number()));
                thumb.setHeight("120px");
                thumb.getStyle().set("border-radius", "var(--lumo-border-radius-s)");
                Anchor full = new Anchor("api/v1/photos/" + photo.key(), thumb);
                full.setRouterIgnore(true);
                full.setTarget("_blank");
                gallery.add(full);
            }
            add(gallery);
        }
        if (m.place() != null && m.place().hasPoint()) {
            PlaceMap map = new PlaceMap(tenant, getTranslation("portal.message.map"));
            map.setHeight("280px");
            map.setMarkers(List.of(new PlaceMap.Marker(m.place().latitude(), m.place().longitude(), m.number(), null)));
            add(map);
        }
        add(supportBlock(tenant, m));
        if (m.answer() != null) {
            add(answerBlock(m, zone));
        }
        if (m.rating() != null) {
            // shown apart from the answer: after a negative rating the answer is being reworked
            Paragraph rating = new Paragraph(getTranslation("portal.message.rated", tenant.answerRating(m.rating())
                    .map(TenantConfiguration.AnswerRatingOption::title).orElse(m.rating())));
            rating.addClassName("civic-rating-given");
            add(rating);
            if (m.ratingRemarks() != null) {
                add(new Paragraph(getTranslation("portal.message.remarks") + ": " + m.ratingRemarks()));
            }
        }
        if (m.mine()) {
            ratingBlock(tenant, m).ifPresent(this::add);
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
            if (entry.dueAt() != null) {
                line.append(". ").append(getTranslation("portal.message.dueAt", DAY.format(entry.dueAt().atZone(zone))));
            }
            timeline.add(new ListItem(line.toString()));
        }
        add(timeline);
    }

    private void fact(Div facts, String labelKey, String value) {
        Paragraph p = new Paragraph();
        p.getStyle().set("margin", "var(--lumo-space-xs) 0");
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        p.add(label, new Span(value));
        facts.add(p);
    }

    private Div answerBlock(MessageView m, ZoneId zone) {
        MessageView.Answer a = m.answer();
        // Staff also read the draft an executor prepared before it is given; it must not look like the answer.
        Div answer = new Div(new H3(getTranslation(a.answeredAt() == null ? "portal.message.answerDraft"
                : "portal.message.answer")));
        answer.addClassName("civic-answer");
        answer.getStyle().set("border-left", "4px solid var(--civic-primary, var(--lumo-primary-color))")
                .set("padding-left", "var(--lumo-space-m)");
        if (a.answeredAt() != null) {
            answer.add(new Paragraph(getTranslation("portal.message.answeredAt", MOMENT.format(a.answeredAt().atZone(zone)))));
        }
        if (a.result() != null) {
            answer.add(new Paragraph(getTranslation("portal.message.result." + a.result().name())));
        }
        if (a.postponedUntil() != null) {
            answer.add(new Paragraph(getTranslation("portal.message.postponedUntil", DAY.format(a.postponedUntil()))));
        }
        Paragraph text = new Paragraph(a.text());
        text.getStyle().set("white-space", "pre-line");
        answer.add(text);
        if (a.executorPosition() != null) {
            answer.add(new Paragraph(a.executorPosition()));
        }
        if (!a.attachments().isEmpty()) {
            Div files = new Div();
            files.addClassName("civic-answer-attachments");
            int i = 1;
            for (String key : a.attachments()) {
                Anchor file = new Anchor("api/v1/attachments/" + key,
                        getTranslation("portal.message.attachment", i++, key.endsWith(".pdf") ? "PDF" : getTranslation("portal.message.image")));
                file.setRouterIgnore(true);
                file.setTarget("_blank");
                file.getStyle().set("margin-right", "var(--lumo-space-m)");
                files.add(file);
            }
            answer.add(files);
        }
        return answer;
    }

    /** The author rates the answer where the workflow offers it now; a negative rating needs remarks (server-checked). */
    private Optional<Div> ratingBlock(TenantConfiguration tenant, MessageView m) {
        Optional<Actor> actor = actors.current();
        if (actor.isEmpty()) {
            return Optional.empty();
        }
        Optional<AvailableAction> rate = workflow.availableActions(m.number(), actor.get()).stream()
                .filter(a -> a.type() == TenantConfiguration.ActionType.RATE).findFirst();
        if (rate.isEmpty() || tenant.answerRatings().isEmpty()) {
            return Optional.empty();
        }
        Div block = new Div(new H3(getTranslation("portal.message.rate")));
        block.addClassName("civic-rating");
        RadioButtonGroup<TenantConfiguration.AnswerRatingOption> options = new RadioButtonGroup<>();
        options.setLabel(getTranslation("portal.message.rate.options"));
        options.addClassName("civic-rating-options");
        options.setItems(tenant.answerRatings());
        options.setItemLabelGenerator(TenantConfiguration.AnswerRatingOption::title);
        options.setRequiredIndicatorVisible(true);
        TextArea remarks = new TextArea(getTranslation("portal.message.remarks"));
        remarks.addClassName("civic-rating-remarks");
        remarks.setWidthFull();
        remarks.setHelperText(getTranslation("portal.message.remarks.helper"));
        options.addValueChangeListener(e -> {
            options.setInvalid(false);
            remarks.setRequiredIndicatorVisible(e.getValue() != null && e.getValue().negative());
        });
        Button send = new Button(getTranslation("portal.message.rate.send"));
        send.addClassName("civic-rating-send");
        send.addClickListener(click -> {
            options.setInvalid(false);
            remarks.setInvalid(false);
            if (options.getValue() == null) {
                options.setErrorMessage(getTranslation("portal.message.rate.choose"));
                options.setInvalid(true);
                return;
            }
            try {
                workflow.act(m.number(), rate.get().id(), ActionInput.builder().rating(options.getValue().code())
                        .remarks(remarks.getValue().isBlank() ? null : remarks.getValue().strip()).build(), actor.get());
                removeAll();
                show(lookup.view(m.number(), actors.current()));
            } catch (InvalidInputException e) {
                for (var p : e.problems()) {
                    String message = getTranslation(p.code(), p.args().toArray());
                    if ("remarks".equals(p.field())) {
                        remarks.setErrorMessage(message);
                        remarks.setInvalid(true);
                    } else {
                        options.setErrorMessage(message);
                        options.setInvalid(true);
                    }
                }
            }
        });
        block.add(options, remarks, send);
        return Optional.of(block);
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
                Supporter supporter = signedIn ? Supporter.account(actor.get().accountId()) : Supporter.guest(ru.civic.portal.shell.GuestCookie.id());
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


    @Override
    public String getPageTitle() {
        return title;
    }

    static String format(Instant instant, ZoneId zone) {
        return MOMENT.format(instant.atZone(zone));
    }
}
