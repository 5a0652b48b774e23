package ru.civic.platform.poll;

import java.util.List;
import java.util.UUID;

/**
 * Counts per option, split into signed-in and guest votes (guests vote only where the tenant allows, Tomsk 2.5), and
 * whether the quorum was reached (Gubkinsky 3.12). Options of a rating vote come best first.
 */
public record PollResults(UUID pollId, String title, PollKind kind, int votes, int guestVotes, Integer quorum,
        boolean closed, List<QuestionResult> questions) {

    public PollResults {
        questions = List.copyOf(questions);
    }

    public boolean quorumReached() {
        return quorum == null || votes >= quorum;
    }

    public record QuestionResult(UUID questionId, String text, List<OptionResult> options) {

        public QuestionResult {
            options = List.copyOf(options);
        }
    }

    public record OptionResult(UUID optionId, String text, int signedIn, int guests) {

        public int total() {
            return signedIn + guests;
        }
    }
}
