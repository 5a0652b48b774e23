package ru.civic.platform.account;

import java.util.Set;

import ru.civic.platform.shared.Role;

/**
 * What an operator types for a staff account. On an edit the user name and password are not changed (a person keeps
 * their sign-in name; the password is theirs to change).
 *
 * @param password   the initial password, handed to the person by the operator
 * @param categories category ids the person handles, with their subcategories; empty = every category
 */
public record StaffDraft(String username, String displayName, String email, String password, Set<Role> roles,
        String organisation, Set<String> categories) {

    public StaffDraft {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }
}
