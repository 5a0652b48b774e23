package ru.civic.platform.message;

import java.util.Set;
import java.util.UUID;

import ru.civic.platform.shared.Role;

/**
 * Who acts: an account of the current tenant with its roles and organisation, or an integration channel
 * (accountId null). {@code role} is the role the actor acts in for the audit trail (chosen by the engine).
 */
public record Actor(UUID accountId, String name, Set<Role> roles, String organisation, String role) {

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public Actor actingAs(String actingRole) {
        return new Actor(accountId, name, roles, organisation, actingRole);
    }

    public boolean has(Role r) {
        return roles.contains(r);
    }
}
