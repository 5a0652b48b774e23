package ru.civic.admin.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
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
import ru.civic.platform.campaign.Amendment;
import ru.civic.platform.campaign.Topic;
import ru.civic.platform.campaign.TopicKind;
import ru.civic.platform.campaign.TopicPlan;
import ru.civic.platform.campaign.TopicPlans;
import ru.civic.platform.campaign.TopicProposal;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.Organisation;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The annual topic plan (Gubkinsky 3.1–3.6): the year's proposals with the tenant's two dates; staff propose on
 * behalf of a unit until the proposal day; the administrator (OPERATOR) approves; after approval a topic is added or
 * withdrawn only with a reason, and every amendment is listed with who, when and why.
 */
@Route(value = "admin/topic-plan", layout = AdminLayout.class)
@Menu(title = "admin.menu.topicPlan", order = 36)
@RolesAllowed({Permissions.OPERATOR, Permissions.MODERATOR, Permissions.ANALYST})
@TenantFeature(TenantFeature.Feature.CAMPAIGNS)
class TopicPlanView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final TopicPlans plans;
    private final Actors actors;
    private final AuthenticationContext authentication;
    private final TenantConfiguration tenant;
    private final ZoneId zone;

    private final IntegerField year = new IntegerField();
    private final Paragraph state = new Paragraph();
    private final Grid<Topic> topics = new Grid<>();
    private final Grid<Amendment> amendments = new Grid<>();
    private final Button approve = new Button();
    private final Select<TopicKind> kind = new Select<>();
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final ComboBox<Organisation> unit = new ComboBox<>();
    private final TextField reason = new TextField();
    private final Button propose = new Button();
    private final Button withdraw = new Button();
    private final Span formError = FieldErrors.formErrorLine();
    private final Span done = new Span();
    private TopicPlan plan;

    TopicPlanView(TopicPlans plans, Actors actors, AuthenticationContext authentication, TenantRegistry tenants,
            Clock clock) {
        this.plans = plans;
        this.actors = actors;
        this.authentication = authentication;
        this.tenant = tenants.currentConfiguration();
        this.zone = tenant.zoneId();
        addClassName("civic-topic-plan");
        year.setLabel(getTranslation("admin.topicPlan.year"));
        year.setStepButtonsVisible(true);
        year.setValue(LocalDate.ofInstant(clock.instant(), zone).getYear() + 1);
        year.addValueChangeListener(e -> refresh());
        topics.addColumn(Topic::title).setHeader(getTranslation("admin.topicPlan.topic")).setFlexGrow(2);
        topics.addColumn(t -> getTranslation("admin.topicPlan.kind." + t.kind().name()))
                .setHeader(getTranslation("admin.topicPlan.kind")).setAutoWidth(true);
        topics.addColumn(t -> tenant.organisation(t.proposingUnit()).map(Organisation::name).orElse(t.proposingUnit()))
                .setHeader(getTranslation("admin.topicPlan.unit"));
        topics.addColumn(Topic::proposedBy).setHeader(getTranslation("admin.topicPlan.proposedBy"));
        topics.addColumn(t -> t.withdrawn() ? getTranslation("admin.topicPlan.withdrawn")
                : t.addedByAmendment() ? getTranslation("admin.topicPlan.added") : "").setAutoWidth(true);
        topics.setHeight("30vh");
        amendments.addColumn(a -> CampaignsView.WHEN.format(a.amendedAt().atZone(zone)))
                .setHeader(getTranslation("admin.topicPlan.amendedAt")).setAutoWidth(true);
        amendments.addColumn(a -> getTranslation("admin.topicPlan.amendment." + a.kind().name()) + ": "
                + a.topicTitle()).setHeader(getTranslation("admin.topicPlan.topic"));
        amendments.addColumn(Amendment::reason).setHeader(getTranslation("admin.topicPlan.reason")).setFlexGrow(2);
        amendments.addColumn(Amendment::amendedBy).setHeader(getTranslation("admin.topicPlan.amendedBy"));
        amendments.setHeight("20vh");
        approve.setText(getTranslation("admin.topicPlan.approve"));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.addClickListener(e -> act(() -> plans.approve(year.getValue(), me()), "admin.topicPlan.approved"));
        approve.setVisible(authentication.hasRole(Permissions.OPERATOR));
        kind.setLabel(getTranslation("admin.topicPlan.kind"));
        kind.setItems(TopicKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("admin.topicPlan.kind." + k.name()));
        kind.setValue(TopicKind.CAMPAIGN);
        title.setLabel(getTranslation("admin.topicPlan.topic"));
        title.setMaxLength(300);
        description.setLabel(getTranslation("admin.topicPlan.description"));
        unit.setLabel(getTranslation("admin.topicPlan.unit"));
        unit.setItems(tenant.organisations());
        unit.setItemLabelGenerator(Organisation::name);
        reason.setLabel(getTranslation("admin.topicPlan.reason"));
        reason.setHelperText(getTranslation("admin.topicPlan.reason.help"));
        reason.setMaxLength(2000);
        propose.setText(getTranslation("admin.topicPlan.propose"));
        propose.addClickListener(e -> proposeOrAmend());
        withdraw.setText(getTranslation("admin.topicPlan.withdraw"));
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
        withdraw.addClickListener(e -> withdrawSelected());
        withdraw.setVisible(authentication.hasRole(Permissions.OPERATOR));
        done.getElement().setAttribute("role", "status");
        done.setVisible(false);
        FormLayout form = new FormLayout(kind, title, description, unit, reason);
        form.setColspan(description, 2);
        add(new H1(getPageTitle()), year, state, done, topics, approve, withdraw,
                new H2(getTranslation("admin.topicPlan.new")), form, formError, propose,
                new H2(getTranslation("admin.topicPlan.amendments")), amendments);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        if (year.getValue() == null) {
            return;
        }
        plan = plans.plan(year.getValue());
        topics.setItems(plan.topics());
        amendments.setItems(plan.amendments());
        String dates = getTranslation("admin.topicPlan.dates", CampaignsView.DAY.format(plan.proposalsDue()),
                CampaignsView.DAY.format(plan.approvalDue()));
        state.setText(plan.approved()
                ? dates + " " + getTranslation(plan.approvedLate() ? "admin.topicPlan.state.approvedLate"
                        : "admin.topicPlan.state.approved", CampaignsView.WHEN.format(plan.approvedAt().atZone(zone)),
                        plan.approvedBy())
                : dates + " " + getTranslation("admin.topicPlan.state.draft"));
        approve.setEnabled(!plan.approved());
        reason.setVisible(plan.approved());
        propose.setText(getTranslation(plan.approved() ? "admin.topicPlan.amendAdd" : "admin.topicPlan.propose"));
    }

    private void proposeOrAmend() {
        TopicProposal proposal = new TopicProposal(kind.getValue(), title.getValue(), description.getValue(),
                unit.getValue() == null ? null : unit.getValue().id());
        act(() -> {
            if (plan.approved()) {
                plans.amendAdd(year.getValue(), proposal, reason.getValue(), me());
            } else {
                plans.propose(year.getValue(), proposal, me());
            }
            title.clear();
            description.clear();
            reason.clear();
        }, plan.approved() ? "admin.topicPlan.amended" : "admin.topicPlan.proposed");
    }

    private void withdrawSelected() {
        Topic selected = topics.asSingleSelect().getValue();
        if (selected == null) {
            formError.setText(getTranslation("admin.topicPlan.selectTopic"));
            formError.setVisible(true);
            return;
        }
        act(() -> {
            if (plan.approved()) {
                plans.amendWithdraw(selected.id(), reason.getValue(), me());
            } else {
                plans.withdrawProposal(selected.id(), me());
            }
            reason.clear();
        }, "admin.topicPlan.withdrawnDone");
    }

    private void act(Runnable action, String doneKey) {
        FieldErrors.clear(formError, kind, title, unit, reason, year);
        done.setVisible(false);
        if (year.getValue() == null) {
            // Every action is on the year's plan; an emptied year field is asked for, not a server error.
            year.setErrorMessage(getTranslation("campaign.field.required"));
            year.setInvalid(true);
            return;
        }
        try {
            action.run();
            done.setText(getTranslation(doneKey));
            done.setVisible(true);
            refresh();
        } catch (InvalidInputException e) {
            FieldErrors.show(this, e.problems(), Map.of("kind", kind, "title", title, "proposingUnit", unit,
                    "reason", reason, "year", year), formError);
        }
    }

    private Actor me() {
        return actors.current().orElseThrow();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.topicPlan.title");
    }

    // For the browserless tests.
    IntegerField year() { return year; }
    TextField titleField() { return title; }
    TextField reason() { return reason; }
    Button proposeButton() { return propose; }
    ComboBox<Organisation> unit() { return unit; }
    Button approveButton() { return approve; }
    Grid<Topic> topics() { return topics; }
    Grid<Amendment> amendments() { return amendments; }
    Paragraph state() { return state; }
    Span done() { return done; }
    Span formError() { return formError; }
}
