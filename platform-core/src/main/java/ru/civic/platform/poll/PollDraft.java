package ru.civic.platform.poll;

import java.time.LocalDate;
import java.util.List;

/**
 * What the author enters. Dates are the tenant's local days, both included: a poll from 1 to 21 March lasts 21 days.
 * A missing end takes the tenant's recommended duration (Gubkinsky 3.11: three weeks).
 *
 * @param districts the target group: ids of the tenant's districts (municipalities of a regional tenant); empty is
 *                  everyone
 */
public record PollDraft(PollKind kind, String title, String description, List<QuestionDraft> questions,
        LocalDate startsOn, LocalDate endsOn, List<String> districts) {

    public PollDraft {
        kind = kind == null ? PollKind.ORDINARY : kind;
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description.strip();
        questions = questions == null ? List.of() : List.copyOf(questions);
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    /** One question and its answers; {@code minChoices = maxChoices = 1} is a single answer. */
    public record QuestionDraft(String text, List<String> options, int minChoices, int maxChoices) {

        public QuestionDraft {
            text = text == null ? "" : text.strip();
            options = options == null ? List.of() : options.stream().map(o -> o == null ? "" : o.strip()).toList();
        }

        public static QuestionDraft single(String text, String... options) {
            return new QuestionDraft(text, List.of(options), 1, 1);
        }
    }
}
