package ru.civic.platform.poll;

import java.util.UUID;

/** A poll reached its end; published once per poll, whichever instance notices first. */
public record PollClosed(String tenantId, UUID pollId, int votes, boolean quorumReached) {
}
