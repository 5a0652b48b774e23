package ru.civic.platform.workflow;

import java.time.Instant;

import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;

/**
 * One message waiting for a member of staff: where it is, whose it is, and its deadlines (the stage's and the
 * message's); {@code overdue} when either has passed.
 */
public record QueueItem(String number, String stage, String stageName, StageStatus status, String categoryId,
        String categoryName, String organisationId, String organisationName, String districtId, String districtName,
        Instant receivedAt, Instant stageDueAt, Instant dueAt, boolean overdue, String excerpt) {

    /** The nearer of the two deadlines (the stage's or the message's), or null when neither runs. */
    public Instant nearestDue() {
        if (stageDueAt == null) {
            return dueAt;
        }
        return dueAt == null || stageDueAt.isBefore(dueAt) ? stageDueAt : dueAt;
    }
}
