package ru.civic.portal.poll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.Cookie;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.poll.Poll;
import ru.civic.platform.poll.PollKind;
import ru.civic.platform.poll.PollNotFoundException;
import ru.civic.platform.poll.PollResults;
import ru.civic.platform.poll.PollStatus;
import ru.civic.platform.poll.Polls;
import ru.civic.platform.poll.RankedChoice;
import ru.civic.platform.poll.Voter;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PortalLayout;
import ru.civic.portal.shell.PublicReading;

/**
 * One poll: the vote form while it is open (a radio group for a single answer, checkboxes within the question's
 * limits, a place per project in a ranked vote; each problem shown at its question and the choices kept), the results
 * once published, with bars and the quorum note (a ranked vote's Borda scores best first).
 */
@Route(value = "polls", layout = PortalLayout.class)
@AnonymousAllowed
@PublicReading
class PollView extends Div implements HasUrlParameter<String>, HasDynamicTitle {


    private final Polls polls;
    private final Actors actors;
    private final TenantRegistry tenants;
    private final Map<UUID, HasValidation> answerFields = new HashMap<>();
    private final Map<UUID, java.util.function.Supplier<Set<UUID>>> answers = new HashMap<>();
    private final Map<UUID, RankingField> rankings = new HashMap<>();
    private final Span outcome = new Span();
    private Button voteButton;
    private String title = "";

    PollView(Polls polls, Actors actors, TenantRegistry tenants) {
        this.polls = polls;
        this.actors = actors;
        this.tenants = tenants;
        addClassName("civic-poll");
        outcome.addClassName("civic-poll-outcome");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        Poll poll;
        try {
            poll = polls.published(UUID.fromString(parameter));
        } catch (IllegalArgumentException | PollNotFoundException e) {
            throw new NotFoundException();
        }
        title = poll.title();
        removeAll();
        add(new H2(poll.title()));
        if (!poll.description().isBlank()) {
            add(new Paragraph(poll.description()));
        }
        TenantConfiguration tenant = tenants.currentConfiguration();
        add(new Paragraph(getTranslation("portal.polls.period", PollListView.DAY.format(poll.startsOn()),
                PollListView.DAY.format(poll.endsOn()))));
        if (!poll.districts().isEmpty()) {
            add(new Paragraph(getTranslation("portal.polls.target", String.join(", ", poll.districts().stream()
                    .map(d -> tenant.district(d).map(TenantConfiguration.District::name).orElse(d)).toList()))));
        }
        switch (poll.status()) {
            case OPEN -> add(voteForm(tenant, poll));
            case ANNOUNCED -> add(new Paragraph(getTranslation("portal.polls.notStarted")));
            case CLOSED -> add(poll.resultsPublic() ? results(polls.publicResults(poll.id()))
                    : new Paragraph(getTranslation("portal.polls.resultsLater")));
            default -> throw new NotFoundException();
        }
    }

    private Component voteForm(TenantConfiguration tenant, Poll poll) {
        Div form = new Div();
        form.addClassName("civic-poll-form");
        Optional<Actor> actor = actors.current().filter(a -> a.accountId() != null);
        boolean guestsVote = tenant.polls().guestsVote() && tenant.guests().vote();
        for (Poll.Question q : poll.questions()) {
            if (poll.kind() == PollKind.RANKED) {
                RankingField ranking = new RankingField(q);
                ranking.setHelperText(getTranslation("portal.polls.rank.help", q.minChoices(), q.maxChoices()));
                answerFields.put(q.id(), ranking);
                rankings.put(q.id(), ranking);
                form.add(ranking);
                continue;
            }
            form.add(new H3(q.text()));
            if (q.multiple()) {
                CheckboxGroup<Poll.Option> group = new CheckboxGroup<>();
                group.setItems(q.options());
                group.setItemLabelGenerator(Poll.Option::text);
                group.setHelperText(getTranslation("portal.polls.choose", q.minChoices(), q.maxChoices()));
                group.addClassName("civic-poll-question");
                answerFields.put(q.id(), group);
                answers.put(q.id(), () -> ids(group.getValue()));
                form.add(group);
            } else {
                RadioButtonGroup<Poll.Option> group = new RadioButtonGroup<>();
                group.setItems(q.options());
                group.setItemLabelGenerator(Poll.Option::text);
                group.addClassName("civic-poll-question");
                answerFields.put(q.id(), group);
                answers.put(q.id(), () -> group.getValue() == null ? Set.of() : Set.of(group.getValue().id()));
                form.add(group);
            }
        }
        voteButton = new Button(getTranslation("portal.polls.vote"));
        voteButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        voteButton.addClassName("civic-poll-vote");
        Voter voter = actor.map(a -> Voter.account(a.accountId())).orElse(null);
        if (voter == null && !guestsVote) {
            voteButton.setEnabled(false);
            outcome.setText(getTranslation("poll.vote.guestsNotAllowed"));
        } else if (voter != null && polls.hasVoted(poll.id(), voter)) {
            voteButton.setEnabled(false);
            outcome.setText(getTranslation("poll.vote.already"));
        }
        voteButton.addClickListener(click -> vote(poll, voter));
        form.add(voteButton, outcome);
        return form;
    }

    private static Set<UUID> ids(Set<Poll.Option> options) {
        Set<UUID> ids = new HashSet<>();
        options.forEach(o -> ids.add(o.id()));
        return ids;
    }

    private void vote(Poll poll, Voter signedIn) {
        answerFields.values().forEach(f -> f.setInvalid(false));
        Voter voter = signedIn != null ? signedIn : Voter.guest(ru.civic.portal.shell.GuestCookie.id());
        try {
            if (poll.kind() == PollKind.RANKED) {
                Map<UUID, List<RankedChoice>> ballot = new HashMap<>();
                rankings.forEach((question, field) -> ballot.put(question, field.getValue()));
                polls.rank(poll.id(), voter, ballot, clientAddress());
            } else {
                Map<UUID, Set<UUID>> ballot = new HashMap<>();
                answers.forEach((question, value) -> ballot.put(question, value.get()));
                polls.vote(poll.id(), voter, ballot, clientAddress());
            }
            outcome.setText(getTranslation("portal.polls.thanks"));
            voteButton.setEnabled(false);
        } catch (InvalidInputException e) {
            List<String> general = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                String text = getTranslation(p.code(), p.args().toArray());
                HasValidation field = questionField(poll, p.field());
                if (field != null) {
                    field.setErrorMessage(text);
                    field.setInvalid(true);
                } else {
                    general.add(text);
                }
            }
            outcome.setText(String.join(" ", general));
            if (e.problems().stream().anyMatch(p -> p.code().equals("poll.vote.already"))) {
                voteButton.setEnabled(false);
            }
        }
    }

    private HasValidation questionField(Poll poll, String field) {
        if (!field.startsWith("questions[")) {
            return null;
        }
        int i = Integer.parseInt(field.substring(10, field.indexOf(']')));
        return i < poll.questions().size() ? answerFields.get(poll.questions().get(i).id()) : null;
    }

    /** Bars as plain HTML: a filled block as wide as the answer's share of the votes. */
    private Component results(PollResults results) {
        Div block = new Div();
        block.addClassName("civic-poll-results");
        block.add(new Paragraph(getTranslation("portal.polls.votes", results.votes(), results.guestVotes())));
        if (results.quorum() != null) {
            Paragraph quorum = new Paragraph(getTranslation(results.quorumReached()
                    ? "portal.polls.quorumReached" : "portal.polls.quorumMissed", results.quorum()));
            quorum.addClassName("civic-poll-quorum");
            block.add(quorum);
        }
        if (results.kind() == PollKind.RANKED) {
            block.add(new Paragraph(getTranslation("portal.polls.borda")));
        }
        for (PollResults.QuestionResult q : results.questions()) {
            block.add(new H3(q.text()));
            if (results.kind() == PollKind.RANKED) {
                rankedResults(block, results, q);
                continue;
            }
            for (PollResults.OptionResult o : q.options()) {
                int percent = results.votes() == 0 ? 0 : Math.round(100f * o.total() / results.votes());
                Div bar = new Div();
                bar.addClassName("civic-poll-bar");
                bar.getStyle().set("width", percent + "%").set("background", "var(--civic-primary)")
                        .set("height", "0.75em").set("min-width", "2px");
                Div row = new Div(new Span(getTranslation("portal.polls.option", o.text(), o.total(), percent,
                        o.signedIn(), o.guests())), bar);
                row.addClassName("civic-poll-result");
                block.add(row);
            }
        }
        return block;
    }

    /** Scores best first, the bar as wide as the score's share of the most a project could get (first everywhere). */
    private void rankedResults(Div block, PollResults results, PollResults.QuestionResult q) {
        int most = results.votes() * q.options().size();
        int place = 0;
        for (PollResults.OptionResult o : q.options()) {
            place++;
            int percent = most == 0 ? 0 : Math.round(100f * o.score() / most);
            Div bar = new Div();
            bar.addClassName("civic-poll-bar");
            bar.getStyle().set("width", percent + "%").set("background", "var(--civic-primary)")
                    .set("height", "0.75em").set("min-width", "2px");
            Div row = new Div(new Span(getTranslation("portal.polls.rankedOption", place, o.text(), o.score(),
                    o.firsts(), o.total())), bar);
            row.addClassName("civic-poll-result");
            block.add(row);
        }
    }

    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }


    @Override
    public String getPageTitle() {
        return title;
    }

    // For the browserless tests of this package.
    Map<UUID, HasValidation> answerFields() { return answerFields; }
    Map<UUID, RankingField> rankings() { return rankings; }
    Button voteButton() { return voteButton; }
    Span outcome() { return outcome; }
}
