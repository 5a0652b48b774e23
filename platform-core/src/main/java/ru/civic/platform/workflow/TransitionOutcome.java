package ru.civic.platform.workflow;

import java.time.Instant;

import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;

public record TransitionOutcome(String number, String fromStage, String toStage, StageStatus status, Instant dueAt,
        Instant stageDueAt) {
}
