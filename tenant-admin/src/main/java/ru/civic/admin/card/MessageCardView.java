package ru.civic.admin.card;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Attachments;
import ru.civic.platform.message.MessageLinks;
import ru.civic.platform.message.MessageLookup;
import ru.civic.platform.message.MessageNotFoundException;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.ModeratorAids;
import ru.civic.platform.moderation.ContentFlag;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.workflow.AvailableAction;
import ru.civic.platform.workflow.WorkflowService;

/**
 * The message card of the staff workspace: everything the citizen sent, where the message stands and by when, what
 * the moderator should look at, the full history, and exactly the actions the workflow lets this person take now.
 * The buttons are a convenience: {@link WorkflowService#act} checks the permission again on the server.
 */
@Route(value = "admin/messages/:number", layout = AdminLayout.class)
@RolesAllowed({Permissions.MODERATOR, Permissions.COORDINATOR, Permissions.EXECUTOR, Permissions.HEAD,
        Permissions.CURATOR, Permissions.OPERATOR, Permissions.ANALYST, Permissions.SHOP_ADMIN,
        Permissions.DATA_PROVIDER})
class MessageCardView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final TenantRegistry tenants;
    private final AuthenticationContext authentication;
    private final MessageLookup lookup;
    private final ModeratorAids aids;
    private final WorkflowService workflow;
    private final Actors actors;
    private final AccountService accounts;
    private final Attachments attachments;
    private final Clock clock;
    private final MessageLinks links;

    private String number;
    private Actor actor;

    MessageCardView(TenantRegistry tenants, AuthenticationContext authentication, MessageLookup lookup,
            ModeratorAids aids, WorkflowService workflow, Actors actors, AccountService accounts,
            Attachments attachments, Clock clock, MessageLinks links) {
        this.links = links;
        this.tenants = tenants;
        this.authentication = authentication;
        this.lookup = lookup;
        this.aids = aids;
        this.workflow = workflow;
        this.actors = actors;
        this.accounts = accounts;
        this.attachments = attachments;
        this.clock = clock;
        addClassNames("civic-admin", "civic-card");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean allowed = !TenantContext.isPlatformScope() && AdminLayout.issuedForThisHost(authentication);
        Optional<Actor> current = allowed ? actors.current() : Optional.empty();
        if (current.isEmpty()) {
            event.rerouteToError(AccessDeniedException.class, getTranslation("admin.denied"));
            return;
        }
        actor = current.get();
        number = event.getRouteParameters().get("number").orElse("");
        reload();
    }

    /** Builds the card afresh from the stored message (after an action: the new stage and history). */
    void reload() {
        removeAll();
        MessageView view;
        try {
            view = lookup.view(number, Optional.of(actor));
        } catch (MessageNotFoundException e) {
            add(new H1(getTranslation("admin.card.notFound", number)));
            return;
        }
        TenantConfiguration tenant = tenants.currentConfiguration();
        ZoneId zone = tenant.zoneId();
        add(new H1(getTranslation("admin.card.title", view.number())));
        add(state(view, zone));
        add(content(view, zone));
        List<AvailableAction> available = workflow.availableActions(number, actor);
        add(moderatorAids(available, tenant, view.categoryId()));
        add(linkedMessages());
        add(history(view, zone));
        add(actions(tenant, view.categoryId(), available));
    }

    private Div state(MessageView view, ZoneId zone) {
        Div state = new Div();
        state.addClassName("civic-card-state");
        Span status = new Span(getTranslation("admin.card.status." + view.status().name()));
        status.addClassName("civic-card-status");
        Span stage = new Span(getTranslation("admin.card.stage", view.stageName()));
        stage.addClassName("civic-card-stage");
        state.add(line(getTranslation("admin.card.statusLabel"), status), line("", stage));
        boolean open = !view.status().isClosed();
        state.add(deadline("civic-card-due", "admin.card.due", view.dueAt(), open, zone));
        state.add(deadline("civic-card-stage-due", "admin.card.stageDue", view.stageDueAt(), open, zone));
        if (view.duplicateOf() != null) {
            Div merged = new Div(new Span(getTranslation("admin.card.mergedInto") + " "),
                    new Anchor("admin/messages/" + view.duplicateOf(), view.duplicateOf()));
            merged.addClassName("civic-card-merged");
            state.add(merged);
        }
        return state;
    }

    private Div deadline(String className, String key, Instant due, boolean open, ZoneId zone) {
        Div line = new Div();
        line.addClassName(className);
        if (due == null) {
            line.setText(getTranslation(key, getTranslation("admin.card.noDeadline")));
            return line;
        }
        line.setText(getTranslation(key, MOMENT.format(due.atZone(zone))));
        if (open && due.isBefore(clock.instant())) {
            Span overdue = new Span(getTranslation("admin.card.overdue"));
            overdue.addClassName("civic-card-overdue");
            overdue.getElement().getThemeList().add("badge error");
            overdue.getStyle().set("margin-left", "var(--lumo-space-s)").set("color", "var(--lumo-error-color)")
                    .set("font-weight", "bold");
            line.add(overdue);
        }
        return line;
    }

    private Div content(MessageView view, ZoneId zone) {
        Div content = new Div();
        content.addClassName("civic-card-content");
        content.add(new H2(getTranslation("admin.card.sent")));
        Paragraph text = new Paragraph(view.text());
        text.addClassName("civic-card-text");
        text.getStyle().set("white-space", "pre-wrap");
        content.add(text);
        TenantConfiguration tenant = tenants.currentConfiguration();
        if (view.categoryId() != null) {
            content.add(field("civic-card-category", getTranslation("admin.card.category"),
                    tenant.categoryTitle(view.categoryId())));
        }
        if (view.organisationName() != null) {
            content.add(field("civic-card-organisation", getTranslation("admin.card.organisation"),
                    view.organisationName()));
        }
        if (view.place() != null && (view.place().address() != null || view.place().latitude() != null)) {
            String coordinates = view.place().latitude() == null ? ""
                    : " (" + view.place().latitude() + ", " + view.place().longitude() + ")";
            content.add(field("civic-card-place", getTranslation("admin.card.place"),
                    (view.place().address() == null ? "" : view.place().address()) + coordinates));
        }
        if (view.districtName() != null) {
            content.add(field("civic-card-district", getTranslation("admin.card.district"), view.districtName()));
        }
        if (view.occurredAt() != null) {
            content.add(field("civic-card-occurred", getTranslation("admin.card.occurred"),
                    MOMENT.format(view.occurredAt().atZone(zone))));
        }
        content.add(field("civic-card-received", getTranslation("admin.card.received"),
                MOMENT.format(view.receivedAt().atZone(zone))));
        content.add(field("civic-card-author", getTranslation("admin.card.author"),
                view.authorName() == null ? getTranslation("admin.card.anonymous") : view.authorName()));
        content.add(field("civic-card-published", getTranslation("admin.card.published"),
                getTranslation(view.published() ? "admin.card.yes" : "admin.card.no")));
        if (!view.photos().isEmpty()) {
            Div photos = new Div();
            photos.addClassName("civic-card-photos");
            for (MessageView.PhotoRef photo : view.photos()) {
                String src = "/api/v1/photos/" + photo.key();
                Image image = new Image(src, getTranslation("admin.card.photo"));
                image.setMaxWidth("100%");
                Anchor link = new Anchor(src, image);
                link.setTarget(AnchorTarget.BLANK);
                link.addClassName("civic-card-photo");
                photos.add(link);
            }
            content.add(photos);
        }
        if (view.answer() != null) {
            // Before it is given, the answer is the executor's draft that heads agree and approve.
            content.add(new H2(getTranslation(view.answer().answeredAt() == null ? "admin.card.answerDraft"
                    : "admin.card.answer")));
            Paragraph answer = new Paragraph(view.answer().text());
            answer.addClassName("civic-card-answer");
            content.add(answer);
            if (view.answer().result() != null) {
                content.add(field("civic-card-result", getTranslation("admin.card.result"),
                        getTranslation("admin.card.result." + view.answer().result().name())));
            }
            int index = 1;
            for (String key : view.answer().attachments()) {
                // Storage keys mean nothing to a person: numbered, with the kind of file.
                Anchor file = new Anchor("/api/v1/attachments/" + key, getTranslation("admin.card.attachment", index++,
                        key.endsWith(".pdf") ? "PDF" : getTranslation("admin.card.image")));
                file.addClassName("civic-card-attachment");
                file.setTarget(AnchorTarget.BLANK);
                content.add(new Div(file));
            }
        }
        if (view.refusalReasonTitle() != null) {
            content.add(field("civic-card-refusal", getTranslation("admin.card.refusal"), view.refusalReasonTitle()));
        }
        return content;
    }

    private Div moderatorAids(List<AvailableAction> available, TenantConfiguration tenant, String categoryId) {
        Optional<AvailableAction> merge = available.stream()
                .filter(a -> a.type() == TenantConfiguration.ActionType.MERGE_DUPLICATE).findFirst();
        Div section = new Div();
        section.addClassName("civic-card-aids");
        section.add(new H2(getTranslation("admin.card.aids")));
        ModeratorAids.Aids found = aids.forMessage(number);
        UnorderedList duplicates = new UnorderedList();
        duplicates.addClassName("civic-card-duplicates");
        for (ModeratorAids.DuplicateCandidate d : found.duplicates()) {
            ListItem item = new ListItem();
            Anchor link = new Anchor("admin/messages/" + d.number(), d.number());
            link.addClassName("civic-card-duplicate");
            item.add(link, new Span(" — " + getTranslation("admin.card.similarity",
                    Math.round(d.similarity() * 100), d.distanceMeters() == null ? "—" : d.distanceMeters())
                    + " " + excerpt(d.text())));
            merge.ifPresent(action -> {
                Button mergeButton = new Button(getTranslation("admin.card.mergeInto", d.number()),
                        e -> new ActionDialog(action, number, categoryId, actor, tenant, workflow, accounts,
                                attachments, this::reload)
                                .prefill(TenantConfiguration.ActionField.DUPLICATE_OF, d.number()).open());
                mergeButton.addClassName("civic-card-merge");
                mergeButton.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
                item.add(mergeButton);
            });
            Button linkButton = new Button(getTranslation("admin.card.link"), e -> {
                links.link(number, d.number(), actor);
                reload();
            });
            linkButton.addClassName("civic-card-link");
            linkButton.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL,
                    com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            item.add(linkButton);
            duplicates.add(item);
        }
        section.add(new Paragraph(getTranslation(found.duplicates().isEmpty() ? "admin.card.noDuplicates"
                : "admin.card.duplicates")));
        section.add(duplicates);
        List<ContentFlag> obscene = found.flags().stream()
                .filter(f -> f.kind() == ru.civic.platform.moderation.FlagKind.OBSCENITY).toList();
        List<ContentFlag> personal = found.flags().stream()
                .filter(f -> f.kind() != ru.civic.platform.moderation.FlagKind.OBSCENITY).toList();
        section.add(flags("civic-card-flagged-words", "admin.card.flaggedWords", "admin.card.noFlaggedWords", obscene));
        section.add(flags("civic-card-personal-data", "admin.card.personalData", "admin.card.noPersonalData",
                personal));
        return section;
    }

    /** Messages linked to this one as related; a moderator links another by its number or unlinks one. */
    private Div linkedMessages() {
        Div section = new Div();
        section.addClassName("civic-card-links");
        section.add(new H2(getTranslation("admin.card.linked")));
        UnorderedList list = new UnorderedList();
        for (MessageLinks.LinkedMessage linked : links.linked(number)) {
            Button unlink = new Button(getTranslation("admin.card.unlink"), e -> {
                links.unlink(number, linked.number());
                reload();
            });
            unlink.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL,
                    com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            list.add(new ListItem(new Anchor("admin/messages/" + linked.number(), linked.number()),
                    new Span(" — " + getTranslation("admin.card.status." + linked.status().name()) + ". "
                            + linked.excerpt()), unlink));
        }
        if (list.getChildren().findAny().isEmpty()) {
            section.add(new Paragraph(getTranslation("admin.card.noLinked")));
        }
        section.add(list);
        com.vaadin.flow.component.textfield.TextField other = new com.vaadin.flow.component.textfield.TextField(
                getTranslation("admin.card.linkNumber"));
        other.addClassName("civic-card-link-number");
        Button add = new Button(getTranslation("admin.card.link"), e -> {
            try {
                links.link(number, other.getValue(), actor);
                reload();
            } catch (ru.civic.platform.message.InvalidInputException problem) {
                other.setErrorMessage(problem.problems().stream()
                        .map(p -> getTranslation(p.code(), p.args().toArray())).reduce((a, b) -> a + " " + b)
                        .orElse(""));
                other.setInvalid(true);
            }
        });
        add.addClassName("civic-card-link-add");
        com.vaadin.flow.component.orderedlayout.HorizontalLayout form =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(other, add);
        form.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        section.add(form);
        return section;
    }

    private Div flags(String className, String titleKey, String noneKey, List<ContentFlag> flags) {
        Div block = new Div();
        block.addClassName(className);
        block.add(new Paragraph(getTranslation(flags.isEmpty() ? noneKey : titleKey)));
        UnorderedList list = new UnorderedList();
        for (ContentFlag f : flags) {
            list.add(new ListItem(getTranslation("admin.card.flag." + f.kind().name()) + ": " + f.masked()));
        }
        block.add(list);
        return block;
    }

    private Div history(MessageView view, ZoneId zone) {
        Div section = new Div();
        section.addClassName("civic-card-history");
        section.add(new H2(getTranslation("admin.card.history")));
        UnorderedList list = new UnorderedList();
        for (MessageView.TimelineEntry e : view.timeline()) {
            StringBuilder line = new StringBuilder(MOMENT.format(e.at().atZone(zone))).append(" — ").append(e.title());
            if (e.status() != null) {
                line.append(" (").append(getTranslation("admin.card.status." + e.status().name())).append(')');
            }
            if (e.reason() != null) {
                line.append(". ").append(getTranslation("admin.card.historyReason", e.reason()));
            }
            if (e.comment() != null && !e.comment().isBlank()) {
                line.append(". ").append(getTranslation("admin.card.historyComment", e.comment()));
            }
            if (e.dueAt() != null) {
                line.append(". ").append(getTranslation("admin.card.historyDue", MOMENT.format(e.dueAt().atZone(zone))));
            }
            list.add(new ListItem(line.toString()));
        }
        section.add(list);
        return section;
    }

    private Div actions(TenantConfiguration tenant, String categoryId, List<AvailableAction> available) {
        Div section = new Div();
        section.addClassName("civic-card-actions");
        section.add(new H2(getTranslation("admin.card.actions")));
        if (available.isEmpty()) {
            section.add(new Paragraph(getTranslation("admin.card.noActions")));
        }
        for (AvailableAction action : available) {
            Button button = new Button(action.name(), e -> new ActionDialog(action, number, categoryId, actor, tenant, workflow,
                    accounts, attachments, this::reload).open());
            button.addClassName("civic-card-action");
            button.getElement().setAttribute("data-action", action.id());
            section.add(button);
        }
        return section;
    }

    private Div field(String className, String label, String value) {
        Div div = new Div();
        div.addClassName(className);
        Span name = new Span(label + ": ");
        name.getStyle().set("font-weight", "bold");
        Span text = new Span(value);
        text.addClassName("civic-card-value");
        div.add(name, text);
        return div;
    }

    private static Div line(String label, Span value) {
        Div div = new Div();
        if (!label.isEmpty()) {
            div.add(new Span(label + ": "));
        }
        div.add(value);
        return div;
    }

    private static String excerpt(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.card.title", number == null ? "" : number);
    }
}
