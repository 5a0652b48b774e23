package ru.civic.platform.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ru.civic.platform.message.Message.Result;

/**
 * The inputs of one workflow action. Which of them an action requires or accepts is the tenant's workflow rule;
 * an input the action does not take is refused rather than silently ignored.
 */
public record ActionInput(String reason, String comment, String categoryId, String organisationId, UUID executorId,
        String executorPosition, Result result, LocalDate postponeUntil, String answer, UUID headId,
        List<UUID> agreeingIds, Boolean publicity, String rating, String remarks, List<String> attachments,
        String text, String duplicateOf) {

    public ActionInput {
        agreeingIds = agreeingIds == null ? List.of() : List.copyOf(agreeingIds);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static ActionInput none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** For callers that set a few inputs (UI forms, tests). */
    public static final class Builder {
        private String reason, comment, categoryId, organisationId, executorPosition, answer, rating, remarks, text,
                duplicateOf;
        private UUID executorId, headId;
        private Result result;
        private LocalDate postponeUntil;
        private List<UUID> agreeingIds;
        private Boolean publicity;
        private List<String> attachments;

        public Builder reason(String v) { reason = v; return this; }
        public Builder comment(String v) { comment = v; return this; }
        public Builder category(String v) { categoryId = v; return this; }
        public Builder organisation(String v) { organisationId = v; return this; }
        public Builder executor(UUID v) { executorId = v; return this; }
        public Builder executorPosition(String v) { executorPosition = v; return this; }
        public Builder result(Result v) { result = v; return this; }
        public Builder postponeUntil(LocalDate v) { postponeUntil = v; return this; }
        public Builder answer(String v) { answer = v; return this; }
        public Builder head(UUID v) { headId = v; return this; }
        public Builder agreeing(List<UUID> v) { agreeingIds = v; return this; }
        public Builder publicity(Boolean v) { publicity = v; return this; }
        public Builder rating(String v) { rating = v; return this; }
        public Builder remarks(String v) { remarks = v; return this; }
        public Builder attachments(List<String> v) { attachments = v; return this; }
        public Builder text(String v) { text = v; return this; }
        /** The number of the earlier message this one repeats. */
        public Builder duplicateOf(String v) { duplicateOf = v; return this; }

        public ActionInput build() {
            return new ActionInput(reason, comment, categoryId, organisationId, executorId, executorPosition, result,
                    postponeUntil, answer, headId, agreeingIds, publicity, rating, remarks, attachments, text, duplicateOf);
        }
    }
}
