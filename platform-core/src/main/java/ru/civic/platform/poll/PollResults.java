package ru.civic.platform.poll;

import java.util.List;
import java.util.UUID;

/**
 * Counts per option, split into signed-in and guest votes (guests vote only where the tenant allows, Tomsk 2.5), and
 * whether the quorum was reached (Gubkinsky 3.12). Options of a rating or ranked vote come best first.
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

    /**
     * @param signedIn ballots of signed-in voters that chose (or, in a ranked vote, placed) this option
     * @param guests   the same for guests
     * @param score    the Borda count of a ranked vote: placed r-th among the question's n options scores
     *                 n - r + 1, not placed scores 0; 0 for other kinds
     * @param firsts   ballots that placed it first (ranked votes), 0 for other kinds
     */
    public record OptionResult(UUID optionId, String text, int signedIn, int guests, int score, int firsts) {

        public OptionResult(UUID optionId, String text, int signedIn, int guests) {
            this(optionId, text, signedIn, guests, 0, 0);
        }

        public int total() {
            return signedIn + guests;
        }
    }
}
