package ru.civic.portal.poll;

import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import ru.civic.platform.poll.Poll;
import ru.civic.platform.poll.PollStatus;
import ru.civic.platform.poll.Polls;
import ru.civic.portal.shell.PortalLayout;
import ru.civic.portal.shell.PublicReading;

/** The tenant's polls: open ones to vote in, upcoming ones announced (Volgograd 9), closed ones with results. */
@Route(value = "polls", layout = PortalLayout.class)
@AnonymousAllowed
@PublicReading
class PollListView extends Div implements HasDynamicTitle {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    PollListView(Polls polls) {
        addClassName("civic-polls");
        add(new H2(getPageTitle()));
        List<Poll> all = polls.published();
        section(all, PollStatus.OPEN, "portal.polls.open");
        section(all, PollStatus.ANNOUNCED, "portal.polls.upcoming");
        section(all, PollStatus.CLOSED, "portal.polls.closed");
    }

    private void section(List<Poll> all, PollStatus status, String key) {
        Section section = new Section();
        section.addClassName("civic-polls-" + status.name().toLowerCase());
        section.add(new H3(getTranslation(key)));
        List<Poll> these = all.stream().filter(p -> p.status() == status).toList();
        if (these.isEmpty()) {
            section.add(new Paragraph(getTranslation("portal.polls.none")));
        }
        for (Poll p : these) {
            Div item = new Div(new Anchor("polls/" + p.id(), p.title()),
                    new Paragraph(getTranslation("portal.polls.period", DAY.format(p.startsOn()), DAY.format(p.endsOn()))));
            item.addClassName("civic-poll-item");
            section.add(item);
        }
        add(section);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.polls.title");
    }
}
