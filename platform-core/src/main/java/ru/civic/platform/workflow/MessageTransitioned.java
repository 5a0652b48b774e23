package ru.civic.platform.workflow;

import java.util.UUID;

import ru.civic.platform.tenancy.TenantConfiguration.ActionType;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;

/** A workflow action moved a message (possibly to the same stage). Listeners: queues, portals, points. */
public record MessageTransitioned(String tenantId, UUID messageId, String number, String action, ActionType type,
        String fromStage, String toStage, StageStatus status, UUID authorId, boolean published) {
}
