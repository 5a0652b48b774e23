package ru.civic.platform.poll;

import java.util.UUID;

/** A person voted in a poll (a repeat publishes nothing); for the points of active users (Tomsk 1.1, Gubkinsky 3). */
public record PollVoted(String tenantId, UUID pollId, String voter, boolean guest, UUID accountId) {
}
