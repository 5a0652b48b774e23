package ru.civic.platform.workflow;

import java.util.Set;

import ru.civic.platform.tenancy.TenantConfiguration.ActionField;
import ru.civic.platform.tenancy.TenantConfiguration.ActionType;

/** An action the actor may take now, with the inputs its form must ask for. */
public record AvailableAction(String id, ActionType type, String name, Set<ActionField> requires,
        Set<ActionField> optional) {
}
