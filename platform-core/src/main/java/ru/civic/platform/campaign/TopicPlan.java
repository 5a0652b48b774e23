package ru.civic.platform.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's plan of campaign and poll topics for one year, with the tenant's two dates for it: proposals accepted
 * until the end of {@code proposalsDue}, approval due by {@code approvalDue} (both in the year before).
 *
 * @param id           null while nobody has proposed anything for the year yet
 * @param approvedLate approved after {@code approvalDue}: allowed (a year without a plan helps nobody), but shown
 */
public record TopicPlan(UUID id, int year, LocalDate proposalsDue, LocalDate approvalDue, Instant approvedAt,
        String approvedBy, boolean approvedLate, List<Topic> topics, List<Amendment> amendments) {

    public TopicPlan {
        topics = List.copyOf(topics);
        amendments = List.copyOf(amendments);
    }

    public boolean approved() {
        return approvedAt != null;
    }

    /** The topics in force: not withdrawn. */
    public List<Topic> activeTopics() {
        return topics.stream().filter(t -> !t.withdrawn()).toList();
    }
}
