package ru.civic.portal.campaign;

import static ru.civic.portal.campaign.CampaignListView.DAY;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import ru.civic.platform.campaign.CampaignPage;
import ru.civic.platform.campaign.Campaigns;
import ru.civic.platform.campaign.IdeaDraft;
import ru.civic.platform.campaign.IdeaView;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.security.PortalSignIn;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PortalLayout;

/**
 * One campaign: its published ideas with their comments; while it is open a signed-in resident submits an idea and
 * comments (both go to the moderator first; a problem is shown at its field and what was typed stays); the winners,
 * the implementation plan and the report once published.
 */
@Route(value = "campaign", layout = PortalLayout.class)
@AnonymousAllowed
class CampaignView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Campaigns campaigns;
    private final Actors actors;
    private final ZoneId zone;

    private final TextField ideaTitle = new TextField();
    private final TextArea ideaText = new TextArea();
    private final Button submitIdea = new Button();
    private final Span ideaNotice = new Span();
    private final Span ideaFormError = new Span();
    private final Div ideas = new Div();
    private UUID campaignId;
    private String title = "";

    CampaignView(Campaigns campaigns, Actors actors, TenantRegistry tenants) {
        this.campaigns = campaigns;
        this.actors = actors;
        this.zone = tenants.currentConfiguration().zoneId();
        addClassName("civic-campaign");
        ideaTitle.setLabel(getTranslation("portal.campaign.idea.title"));
        ideaTitle.setWidthFull();
        ideaTitle.setMaxLength(200);
        ideaText.setLabel(getTranslation("portal.campaign.idea.text"));
        ideaText.setWidthFull();
        ideaText.setMinHeight("8em");
        ideaText.setMaxLength(5000);
        submitIdea.setText(getTranslation("portal.campaign.idea.submit"));
        submitIdea.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submitIdea.addClickListener(e -> submitIdea());
        ideaNotice.setVisible(false);
        ideaNotice.getElement().setAttribute("role", "status");
        ideaFormError.setVisible(false);
        ideaFormError.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            campaignId = UUID.fromString(parameter);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        render();
    }

    private void render() {
        CampaignPage page = campaigns.page(campaignId).orElseThrow(NotFoundException::new);
        title = page.campaign().title();
        removeAll();
        add(new H2(title));
        add(new Paragraph(getTranslation("portal.campaigns.period",
                DAY.format(page.campaign().startsAt().atZone(zone)),
                DAY.format(page.campaign().endsAt().minusNanos(1).atZone(zone)))
                + " · " + getTranslation("portal.campaigns.phase." + page.campaign().phase().name())));
        if (!page.campaign().description().isBlank()) {
            add(new Paragraph(page.campaign().description()));
        }
        if (page.campaign().winnersPublished()) {
            Section winners = new Section(new H3(getTranslation("portal.campaign.winners")));
            winners.addClassName("civic-campaign-winners");
            UnorderedList list = new UnorderedList();
            page.winners().forEach(i -> list.add(new ListItem(i.title() + " — " + i.authorName())));
            winners.add(list);
            add(winners);
        }
        if (!page.plan().isEmpty()) {
            Section plan = new Section(new H3(getTranslation("portal.campaign.plan")));
            UnorderedList list = new UnorderedList();
            page.plan().forEach(i -> list.add(new ListItem(DAY.format(i.dueOn()) + " — " + i.title())));
            plan.add(list);
            add(plan);
        }
        if (page.report() != null) {
            Section report = new Section(new H3(getTranslation("portal.campaign.report")), new Paragraph(page.report()));
            report.addClassName("civic-campaign-report");
            add(report);
        }
        Optional<Actor> me = resident();
        if (page.campaign().open()) {
            Section form = new Section(new H3(getTranslation("portal.campaign.idea.new")));
            form.addClassName("civic-campaign-idea-form");
            if (me.isPresent()) {
                form.add(ideaTitle, ideaText, ideaFormError, submitIdea, ideaNotice);
            } else {
                Anchor signIn = new Anchor(PortalSignIn.AUTHORIZATION_PATH,
                        getTranslation("portal.campaign.signInToTakePart"));
                signIn.setRouterIgnore(true);
                form.add(signIn);
            }
            add(form);
        }
        ideas.removeAll();
        ideas.add(new H3(getTranslation("portal.campaign.ideas")));
        if (page.ideas().isEmpty()) {
            ideas.add(new Paragraph(getTranslation("portal.campaign.noIdeas")));
        }
        page.ideas().forEach(i -> ideas.add(idea(i, page.campaign().open() && me.isPresent())));
        add(ideas);
    }

    private Div idea(IdeaView idea, boolean mayComment) {
        Div card = new Div();
        card.addClassName("civic-campaign-idea");
        H4 heading = new H4(idea.title());
        card.add(heading, new Paragraph(idea.text()), new Span(idea.authorName() + ", "
                + MOMENT.format(idea.submittedAt().atZone(zone))));
        if (idea.winner()) {
            Span winner = new Span(getTranslation("portal.campaign.winner"));
            winner.addClassName("civic-campaign-winner");
            card.add(new Span(" · "), winner);
        }
        UnorderedList comments = new UnorderedList();
        idea.comments().forEach(c -> comments.add(new ListItem(c.authorName() + ": " + c.text())));
        card.add(comments);
        if (mayComment) {
            TextArea comment = new TextArea(getTranslation("portal.campaign.comment"));
            comment.setWidthFull();
            comment.setMaxLength(2000);
            comment.addClassName("civic-campaign-comment-field");
            Span done = new Span();
            done.setVisible(false);
            Button send = new Button(getTranslation("portal.campaign.comment.send"), e -> {
                comment.setInvalid(false);
                try {
                    campaigns.comment(idea.id(), comment.getValue(), resident().orElseThrow());
                    comment.clear();
                    done.setText(getTranslation("portal.campaign.comment.sent"));
                    done.setVisible(true);
                } catch (InvalidInputException ex) {
                    ex.problems().forEach(p -> {
                        comment.setErrorMessage(getTranslation(p.code(), p.args().toArray()));
                        comment.setInvalid(true);
                    });
                }
            });
            send.addClassName("civic-campaign-comment-send");
            card.add(comment, send, done);
        }
        return card;
    }

    private void submitIdea() {
        List<HasValidation> fields = List.of(ideaTitle, ideaText);
        fields.forEach(f -> f.setInvalid(false));
        ideaFormError.setVisible(false);
        ideaNotice.setVisible(false);
        try {
            campaigns.submitIdea(campaignId, new IdeaDraft(ideaTitle.getValue(), ideaText.getValue()),
                    resident().orElseThrow());
            ideaTitle.clear();
            ideaText.clear();
            ideaNotice.setText(getTranslation("portal.campaign.idea.sent"));
            ideaNotice.setVisible(true);
        } catch (InvalidInputException e) {
            List<String> elsewhere = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                String text = getTranslation(p.code(), p.args().toArray());
                switch (p.field()) {
                    case "title" -> error(ideaTitle, text);
                    case "text" -> error(ideaText, text);
                    default -> elsewhere.add(text);
                }
            }
            if (!elsewhere.isEmpty()) {
                ideaFormError.setText(String.join(" ", elsewhere));
                ideaFormError.setVisible(true);
            }
        }
    }

    private static void error(HasValidation field, String text) {
        field.setErrorMessage(text);
        field.setInvalid(true);
    }

    /** A signed-in resident (citizen) of this tenant; staff take part from their own citizen accounts. */
    private Optional<Actor> resident() {
        return actors.current().filter(a -> a.accountId() != null && a.has(Role.CITIZEN));
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("portal.nav.campaigns") : title;
    }

    // For the browserless tests of this package.
    TextField ideaTitle() { return ideaTitle; }
    TextArea ideaText() { return ideaText; }
    Button submitIdeaButton() { return submitIdea; }
    Span ideaNotice() { return ideaNotice; }
    Span ideaFormError() { return ideaFormError; }
}
