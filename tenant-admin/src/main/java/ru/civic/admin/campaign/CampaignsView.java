package ru.civic.admin.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.admin.shell.TenantFeature;
import ru.civic.platform.campaign.CampaignDraft;
import ru.civic.platform.campaign.CampaignSummary;
import ru.civic.platform.campaign.Campaigns;
import ru.civic.platform.campaign.ModerationItem;
import ru.civic.platform.campaign.Topic;
import ru.civic.platform.campaign.TopicKind;
import ru.civic.platform.campaign.TopicPlan;
import ru.civic.platform.campaign.TopicPlans;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.Organisation;
import ru.civic.platform.tenancy.TenantConfiguration.RefusalReason;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * «Обсуждения» in the back office: the moderation queue of ideas and comments (publish, or refuse with one of the
 * tenant's reasons and a reasoned reply to the author, optionally blocking the author: Gubkinsky 3.8–3.9), the
 * campaigns with their deadlines (overdue marked), and a new campaign on a campaign topic of an approved plan.
 */
@Route(value = "admin/campaigns", layout = AdminLayout.class)
@Menu(title = "admin.menu.campaigns", order = 35)
@RolesAllowed({Permissions.MODERATOR, Permissions.OPERATOR, Permissions.ANALYST})
@TenantFeature(TenantFeature.Feature.CAMPAIGNS)
class CampaignsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Campaigns campaigns;
    private final TopicPlans plans;
    private final Actors actors;
    private final AuthenticationContext authentication;
    private final TenantConfiguration tenant;
    private final ZoneId zone;
    private final Clock clock;

    private final Grid<ModerationItem> queue = new Grid<>();
    private final Div decision = new Div();
    private final Paragraph decisionText = new Paragraph();
    private final Button publish = new Button();
    private final Select<RefusalReason> reason = new Select<>();
    private final TextArea reply = new TextArea();
    private final Checkbox blockAuthor = new Checkbox();
    private final Button refuse = new Button();
    private final Span decisionError = FieldErrors.formErrorLine();
    private final Span done = new Span();

    private final Grid<CampaignSummary> list = new Grid<>();

    private final ComboBox<Topic> topic = new ComboBox<>();
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final ComboBox<Organisation> unit = new ComboBox<>();
    private final DateTimePicker startsAt = new DateTimePicker();
    private final DateTimePicker endsAt = new DateTimePicker();
    private final Button create = new Button();
    private final Span createError = FieldErrors.formErrorLine();

    CampaignsView(Campaigns campaigns, TopicPlans plans, Actors actors, AuthenticationContext authentication,
            TenantRegistry tenants, Clock clock) {
        this.campaigns = campaigns;
        this.plans = plans;
        this.actors = actors;
        this.authentication = authentication;
        this.tenant = tenants.currentConfiguration();
        this.zone = tenant.zoneId();
        this.clock = clock;
        addClassName("civic-admin-campaigns");
        add(new H1(getPageTitle()));
        done.addClassName("civic-campaigns-done");
        done.getElement().setAttribute("role", "status");
        done.setVisible(false);
        add(done);
        if (authentication.hasRole(Permissions.MODERATOR)) {
            buildModeration();
        }
        buildList();
        if (authentication.hasAnyRole(Permissions.MODERATOR, Permissions.OPERATOR)) {
            buildCreate();
        }
    }

    private void buildModeration() {
        queue.addColumn(i -> getTranslation("admin.campaigns.kind." + i.kind().name()))
                .setHeader(getTranslation("admin.campaigns.kind")).setAutoWidth(true);
        queue.addColumn(ModerationItem::campaignTitle).setHeader(getTranslation("admin.campaigns.campaign"));
        queue.addColumn(ModerationItem::title).setHeader(getTranslation("admin.campaigns.idea"));
        queue.addColumn(ModerationItem::text).setHeader(getTranslation("admin.campaigns.text")).setFlexGrow(2);
        queue.addColumn(ModerationItem::authorName).setHeader(getTranslation("admin.campaigns.author"));
        queue.addColumn(i -> WHEN.format(i.submittedAt().atZone(zone)))
                .setHeader(getTranslation("admin.campaigns.submittedAt")).setAutoWidth(true);
        queue.setHeight("30vh");
        queue.addClassName("civic-campaigns-queue");
        queue.asSingleSelect().addValueChangeListener(e -> showDecision(e.getValue()));

        publish.setText(getTranslation("admin.campaigns.publish"));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.addClickListener(e -> publish());
        reason.setLabel(getTranslation("admin.campaigns.reason"));
        reason.setItems(tenant.refusalReasons());
        reason.setItemLabelGenerator(r -> r.clause() == null ? r.title() : r.clause() + " — " + r.title());
        reason.setWidthFull();
        reply.setLabel(getTranslation("admin.campaigns.reply"));
        reply.setHelperText(getTranslation("admin.campaigns.reply.help"));
        reply.setWidthFull();
        reply.setMaxLength(2000);
        blockAuthor.setLabel(getTranslation("admin.campaigns.blockAuthor"));
        refuse.setText(getTranslation("admin.campaigns.refuse"));
        refuse.addThemeVariants(ButtonVariant.LUMO_ERROR);
        refuse.addClickListener(e -> refuse());
        decision.add(decisionText, publish, reason, reply, blockAuthor, decisionError, refuse);
        decision.addClassName("civic-campaigns-decision");
        decision.setVisible(false);
        add(new H2(getTranslation("admin.campaigns.moderation")), queue, decision);
    }

    private void buildList() {
        list.addColumn(CampaignSummary::title).setHeader(getTranslation("admin.campaigns.campaign")).setFlexGrow(2);
        list.addColumn(c -> DAY.format(c.startsAt().atZone(zone)) + " – " + DAY.format(c.endsAt().minusNanos(1)
                .atZone(zone))).setHeader(getTranslation("admin.campaigns.period")).setAutoWidth(true);
        list.addColumn(c -> getTranslation("admin.campaigns.phase." + c.phase().name()))
                .setHeader(getTranslation("admin.campaigns.phase")).setAutoWidth(true);
        list.addColumn(c -> c.publishedIdeas() + " / " + c.awaitingModeration())
                .setHeader(getTranslation("admin.campaigns.ideas")).setAutoWidth(true);
        list.addColumn(c -> deadline(c.resultsDueAt(), c.resultsSentAt(), c.resultsOverdue()))
                .setHeader(getTranslation("admin.campaigns.resultsDue")).setAutoWidth(true);
        list.addColumn(c -> c.reportDueAt() == null ? ""
                : deadline(c.reportDueAt(), c.reportPublishedAt(), c.reportOverdue()))
                .setHeader(getTranslation("admin.campaigns.reportDue")).setAutoWidth(true);
        list.setHeight("30vh");
        list.addClassName("civic-campaigns-list");
        list.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("admin/campaign/" + e.getItem().id())));
        add(new H2(getTranslation("admin.campaigns.list")), list);
    }

    private void buildCreate() {
        topic.setLabel(getTranslation("admin.campaigns.topic"));
        topic.setItemLabelGenerator(Topic::title);
        topic.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                if (title.isEmpty()) {
                    title.setValue(e.getValue().title());
                }
                if (unit.isEmpty()) {
                    tenant.organisation(e.getValue().proposingUnit()).ifPresent(unit::setValue);
                }
            }
        });
        title.setLabel(getTranslation("admin.campaigns.titleField"));
        title.setMaxLength(300);
        description.setLabel(getTranslation("admin.campaigns.description"));
        unit.setLabel(getTranslation("admin.campaigns.unit"));
        unit.setItems(tenant.organisations());
        unit.setItemLabelGenerator(Organisation::name);
        String zoneNote = zone.getId();
        startsAt.setLabel(getTranslation("admin.campaigns.startsAt", zoneNote));
        endsAt.setLabel(getTranslation("admin.campaigns.endsAt", zoneNote));
        create.setText(getTranslation("admin.campaigns.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        FormLayout form = new FormLayout(topic, title, description, unit, startsAt, endsAt);
        form.setColspan(description, 2);
        add(new H2(getTranslation("admin.campaigns.new")), form, createError, create);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        if (authentication.hasRole(Permissions.MODERATOR)) {
            queue.setItems(campaigns.moderationQueue());
            showDecision(null);
        }
        list.setItems(campaigns.campaigns());
        if (authentication.hasAnyRole(Permissions.MODERATOR, Permissions.OPERATOR)) {
            int year = LocalDate.ofInstant(clock.instant(), zone).getYear();
            List<Topic> topics = new ArrayList<>();
            for (int y : new int[] {year, year + 1}) {
                TopicPlan plan = plans.plan(y);
                if (plan.approved()) {
                    plan.activeTopics().stream().filter(t -> t.kind() == TopicKind.CAMPAIGN).forEach(topics::add);
                }
            }
            topic.setItems(topics);
        }
    }

    private void showDecision(ModerationItem item) {
        decision.setVisible(item != null);
        FieldErrors.clear(decisionError, reason, reply);
        if (item != null) {
            decisionText.setText(item.text());
        }
    }

    private void publish() {
        ModerationItem item = queue.asSingleSelect().getValue();
        if (item == null) {
            return;
        }
        try {
            if (item.kind() == ModerationItem.Kind.IDEA) {
                campaigns.publishIdea(item.id(), me());
            } else {
                campaigns.publishComment(item.id(), me());
            }
            announce("admin.campaigns.published", item.title());
            refresh();
        } catch (InvalidInputException e) {
            FieldErrors.show(this, e.problems(), Map.of(), decisionError);
        }
    }

    private void refuse() {
        ModerationItem item = queue.asSingleSelect().getValue();
        if (item == null) {
            return;
        }
        FieldErrors.clear(decisionError, reason, reply);
        String code = reason.getValue() == null ? null : reason.getValue().code();
        try {
            if (item.kind() == ModerationItem.Kind.IDEA) {
                campaigns.refuseIdea(item.id(), code, reply.getValue(), blockAuthor.getValue(), me());
            } else {
                campaigns.refuseComment(item.id(), code, reply.getValue(), blockAuthor.getValue(), me());
            }
            reason.clear();
            reply.clear();
            blockAuthor.clear();
            announce("admin.campaigns.refused", item.title());
            refresh();
        } catch (InvalidInputException e) {
            FieldErrors.show(this, e.problems(), Map.of("reason", reason, "reply", reply), decisionError);
        }
    }

    private void create() {
        FieldErrors.clear(createError, topic, title, unit, startsAt, endsAt);
        try {
            campaigns.create(new CampaignDraft(topic.getValue() == null ? null : topic.getValue().id(),
                    title.getValue(), description.getValue(), unit.getValue() == null ? null : unit.getValue().id(),
                    at(startsAt.getValue()), at(endsAt.getValue())), me());
            announce("admin.campaigns.created", title.getValue());
            topic.clear();
            title.clear();
            description.clear();
            unit.clear();
            startsAt.clear();
            endsAt.clear();
            refresh();
        } catch (InvalidInputException e) {
            FieldErrors.show(this, e.problems(), Map.of("topicId", topic, "title", title, "initiatingUnit", unit,
                    "startsAt", startsAt, "endsAt", endsAt), createError);
        }
    }

    private String deadline(Instant due, Instant doneAt, boolean overdue) {
        String text = DAY.format(due.atZone(zone));
        if (doneAt != null) {
            text += " · " + getTranslation("admin.campaigns.doneOn", DAY.format(doneAt.atZone(zone)));
        }
        return overdue ? text + " · " + getTranslation("admin.campaigns.overdue") : text;
    }

    private void announce(String key, Object... args) {
        done.setText(getTranslation(key, args));
        done.setVisible(true);
    }

    private Instant at(LocalDateTime local) {
        return local == null ? null : local.atZone(zone).toInstant();
    }

    private Actor me() {
        return actors.current().orElseThrow();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.campaigns.title");
    }

    // For the browserless tests.
    Grid<ModerationItem> queue() { return queue; }
    Select<RefusalReason> reason() { return reason; }
    TextArea reply() { return reply; }
    Checkbox blockAuthor() { return blockAuthor; }
    Button publishButton() { return publish; }
    Button refuseButton() { return refuse; }
    Span done() { return done; }
    Grid<CampaignSummary> list() { return list; }
}
