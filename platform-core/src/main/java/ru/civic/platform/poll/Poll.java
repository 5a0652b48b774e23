package ru.civic.platform.poll;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A poll as a screen shows it. {@code startsOn}/{@code endsOn} are the tenant's local days, both included.
 *
 * @param quorum             votes needed for the result to count (Gubkinsky 3.12), null when the tenant sets none
 * @param moderationDueAt    when moderation must be done (Volgograd 9: 2 working days), null when not submitted or
 *                           the tenant sets no deadline
 * @param moderationOverdue  still on moderation after its deadline
 * @param resultsDueAt       when results are due after the end (Gubkinsky 3.13), null when the tenant sets none
 * @param resultsPublic      the public may see the results: closed, and published where the tenant has a due date
 */
public record Poll(UUID id, PollKind kind, String title, String description, PollStatus status,
        PollInitiator initiator, UUID authorId, String authorName, List<String> districts, LocalDate startsOn,
        LocalDate endsOn, Integer quorum, int votes, int guestVotes, Instant submittedAt, Instant moderationDueAt,
        boolean moderationOverdue, String refusalReason, Instant resultsDueAt, Instant resultsPublishedAt,
        boolean resultsPublic, List<Question> questions) {

    public Poll {
        districts = List.copyOf(districts);
        questions = List.copyOf(questions);
    }

    public boolean quorumReached() {
        return quorum == null || votes >= quorum;
    }

    public record Question(UUID id, String text, int minChoices, int maxChoices, List<Option> options) {

        public Question {
            options = List.copyOf(options);
        }

        public boolean multiple() {
            return maxChoices > 1;
        }
    }

    public record Option(UUID id, String text) {
    }
}
