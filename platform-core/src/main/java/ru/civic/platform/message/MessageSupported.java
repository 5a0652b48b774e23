package ru.civic.platform.message;

import java.util.UUID;

/** A person supported a message for the first time (repeats publish nothing). */
public record MessageSupported(String tenantId, UUID messageId, String number, String supporter, boolean guest) {
}
