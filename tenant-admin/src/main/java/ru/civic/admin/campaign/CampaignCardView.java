package ru.civic.admin.campaign;

import static ru.civic.admin.campaign.CampaignsView.DAY;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.admin.shell.TenantFeature;
import ru.civic.platform.campaign.CampaignSummary;
import ru.civic.platform.campaign.Campaigns;
import ru.civic.platform.campaign.IdeaView;
import ru.civic.platform.campaign.PlanItem;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * One campaign in the back office: its ideas (CSV export), the winners chosen among the published ones, the results
 * sent to the initiating unit, the implementation plan and the report, each with its deadline (3.13–3.14).
 */
@Route(value = "admin/campaign/:id", layout = AdminLayout.class)
@RolesAllowed({Permissions.MODERATOR, Permissions.OPERATOR, Permissions.ANALYST})
@TenantFeature(TenantFeature.Feature.CAMPAIGNS)
class CampaignCardView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final Campaigns campaigns;
    private final Actors actors;
    private final AuthenticationContext authentication;
    private final ZoneId zone;

    private final Grid<IdeaView> ideas = new Grid<>();
    private final Button publishWinners = new Button();
    private final Span winnersError = FieldErrors.formErrorLine();
    private final Button sendResults = new Button();
    private final Span resultsError = FieldErrors.formErrorLine();
    private final List<PlanItem> planDraft = new ArrayList<>();
    private final UnorderedList planList = new UnorderedList();
    private final TextField planTitle = new TextField();
    private final DatePicker planDue = new DatePicker();
    private final Span planError = FieldErrors.formErrorLine();
    private final TextArea report = new TextArea();
    private final Span reportError = FieldErrors.formErrorLine();
    private final Span done = new Span();
    private final Div body = new Div();
    private UUID id;
    private CampaignSummary campaign;

    CampaignCardView(Campaigns campaigns, Actors actors, AuthenticationContext authentication,
            TenantRegistry tenants) {
        this.campaigns = campaigns;
        this.actors = actors;
        this.authentication = authentication;
        this.zone = tenants.currentConfiguration().zoneId();
        addClassName("civic-admin-campaign");
        ideas.addColumn(IdeaView::title).setHeader(getTranslation("admin.campaigns.idea")).setFlexGrow(2);
        ideas.addColumn(IdeaView::authorName).setHeader(getTranslation("admin.campaigns.author"));
        ideas.addColumn(i -> getTranslation("campaign.status." + i.status().name()))
                .setHeader(getTranslation("admin.campaigns.status")).setAutoWidth(true);
        ideas.addColumn(i -> i.winner() ? getTranslation("admin.campaigns.winner") : "").setAutoWidth(true);
        ideas.setSelectionMode(Grid.SelectionMode.MULTI);
        ideas.setHeight("30vh");
        publishWinners.setText(getTranslation("admin.campaigns.publishWinners"));
        publishWinners.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publishWinners.addClickListener(e -> act(winnersError, () -> campaigns.publishWinners(id,
                ideas.getSelectedItems().stream().map(IdeaView::id).toList(), me()), "admin.campaigns.winnersDone"));
        sendResults.setText(getTranslation("admin.campaigns.sendResults"));
        sendResults.addClickListener(e -> act(resultsError, () -> campaigns.sendResults(id, me()),
                "admin.campaigns.resultsDone"));
        planTitle.setLabel(getTranslation("admin.campaigns.planItem"));
        planDue.setLabel(getTranslation("admin.campaigns.planDue"));
        Button addItem = new Button(getTranslation("admin.campaigns.planAdd"), e -> {
            planDraft.add(new PlanItem(planTitle.getValue(), planDue.getValue()));
            planTitle.clear();
            planDue.clear();
            showPlan();
        });
        Button savePlan = new Button(getTranslation("admin.campaigns.planSave"), e -> act(planError,
                () -> campaigns.setImplementationPlan(id, planDraft, me()), "admin.campaigns.planDone"));
        savePlan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        savePlan.addClassName("civic-campaign-plan-save");
        addItem.addClassName("civic-campaign-plan-add");
        report.setLabel(getTranslation("admin.campaigns.report"));
        report.setWidthFull();
        report.setMinHeight("8em");
        Button publishReport = new Button(getTranslation("admin.campaigns.publishReport"), e -> act(reportError,
                () -> campaigns.publishReport(id, report.getValue(), me()), "admin.campaigns.reportDone"));
        publishReport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publishReport.addClassName("civic-campaign-report-publish");
        done.getElement().setAttribute("role", "status");
        done.setVisible(false);
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = campaigns.exportIdeasCsv(id).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes),
                    TenantContext.getRequiredTenantId().value() + "-campaign-ideas.csv", "text/csv", bytes.length);
        }), getTranslation("admin.campaigns.csv"));
        csv.addClassName("civic-campaign-csv");
        boolean manages = authentication.hasAnyRole(Permissions.MODERATOR, Permissions.OPERATOR);
        body.add(new H2(getTranslation("admin.campaigns.ideasTitle")), ideas, csv);
        if (manages) {
            body.add(winnersError, publishWinners,
                    new H2(getTranslation("admin.campaigns.results")), resultsError, sendResults,
                    new H2(getTranslation("admin.campaigns.plan")), planList,
                    new HorizontalLayout(planTitle, planDue, addItem), planError, savePlan,
                    new H2(getTranslation("admin.campaigns.report")), report, reportError, publishReport);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        planDraft.clear();
        planDraft.addAll(campaigns.planItems(id));
        refresh();
    }

    private void refresh() {
        campaign = campaigns.campaign(id).orElseThrow(NotFoundException::new);
        removeAll();
        add(new H1(campaign.title()), new Paragraph(DAY.format(campaign.startsAt().atZone(zone)) + " – "
                + DAY.format(campaign.endsAt().minusNanos(1).atZone(zone)) + " · "
                + getTranslation("admin.campaigns.phase." + campaign.phase().name())));
        add(new Paragraph(getTranslation("admin.campaigns.resultsDue") + ": "
                + DAY.format(campaign.resultsDueAt().atZone(zone))
                + (campaign.resultsOverdue() ? " · " + getTranslation("admin.campaigns.overdue") : "")));
        if (campaign.reportDueAt() != null) {
            add(new Paragraph(getTranslation("admin.campaigns.reportDue") + ": "
                    + DAY.format(campaign.reportDueAt().atZone(zone))
                    + (campaign.reportOverdue() ? " · " + getTranslation("admin.campaigns.overdue") : "")));
        }
        add(done, body);
        List<IdeaView> all = campaigns.allIdeas(id);
        ideas.setItems(all);
        ideas.setSelectionMode(Grid.SelectionMode.MULTI);
        publishWinners.setEnabled(!campaign.winnersPublished());
        sendResults.setEnabled(campaign.resultsSentAt() == null);
        showPlan();
    }

    private void showPlan() {
        planList.removeAll();
        planDraft.forEach(i -> planList.add(new ListItem((i.dueOn() == null ? "—" : DAY.format(i.dueOn())) + " — "
                + i.title())));
    }

    private void act(Span error, Runnable action, String doneKey) {
        error.setVisible(false);
        try {
            action.run();
            done.setText(getTranslation(doneKey));
            done.setVisible(true);
            refresh();
        } catch (InvalidInputException e) {
            FieldErrors.show(this, e.problems(), Map.of(), error);
        }
    }

    private Actor me() {
        return actors.current().orElseThrow();
    }

    @Override
    public String getPageTitle() {
        return campaign == null ? getTranslation("admin.campaigns.title") : campaign.title();
    }

    // For the browserless tests.
    Grid<IdeaView> ideas() { return ideas; }
    Button publishWinnersButton() { return publishWinners; }
    Span winnersError() { return winnersError; }
    Button sendResultsButton() { return sendResults; }
    TextField planTitle() { return planTitle; }
    DatePicker planDue() { return planDue; }
    Span planError() { return planError; }
    TextArea report() { return report; }
    Span reportError() { return reportError; }
    Span done() { return done; }
}
