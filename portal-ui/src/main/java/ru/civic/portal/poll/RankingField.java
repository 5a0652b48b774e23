package ru.civic.portal.poll;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;

import ru.civic.platform.poll.Poll;
import ru.civic.platform.poll.RankedChoice;

/**
 * The projects of a ranked question, each with a place to choose (1 is the favourite, empty is "not ranked"). A plain
 * labelled select per project rather than dragging: it works from the keyboard and with a screen reader, which reads
 * the project's name as the label. The value is the ballot as chosen; its checks (a place skipped, two projects at one
 * place) are the core's, shown at this field with every place kept.
 */
class RankingField extends CustomField<List<RankedChoice>> {

    private final Map<Poll.Option, Select<Integer>> places = new LinkedHashMap<>();

    RankingField(Poll.Question question) {
        addClassName("civic-poll-ranking");
        setLabel(question.text());
        int n = question.options().size();
        Div rows = new Div();
        for (Poll.Option option : question.options()) {
            Select<Integer> place = new Select<>();
            place.setLabel(option.text());
            place.setItems(IntStream.rangeClosed(1, n).boxed().toList());
            place.setEmptySelectionAllowed(true);
            place.setEmptySelectionCaption(getTranslation("portal.polls.rank.none"));
            place.setItemLabelGenerator(rank -> rank == null ? getTranslation("portal.polls.rank.none")
                    : getTranslation("portal.polls.rank.place", rank));
            place.addClassName("civic-poll-rank");
            place.addValueChangeListener(e -> updateValue());
            places.put(option, place);
            Div row = new Div(place);
            row.addClassName("civic-poll-rank-row");
            rows.add(row);
        }
        add(rows);
    }

    @Override
    protected List<RankedChoice> generateModelValue() {
        List<RankedChoice> ballot = new ArrayList<>();
        places.forEach((option, place) -> {
            if (place.getValue() != null) {
                ballot.add(new RankedChoice(option.id(), place.getValue()));
            }
        });
        return ballot;
    }

    @Override
    protected void setPresentationValue(List<RankedChoice> value) {
        places.forEach((option, place) -> place.setValue(value == null ? null : value.stream()
                .filter(c -> c.optionId().equals(option.id())).map(RankedChoice::rank).findFirst().orElse(null)));
    }

    // For the browserless tests of this package.
    Map<Poll.Option, Select<Integer>> places() {
        return places;
    }
}
