package ru.civic.platform.account;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.account.AccountService.ProfileProblem;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The regional operator's reference of the tenant's staff (issue 5): who works here, in which roles, for which
 * organisation and which categories. Roles, organisations and categories are checked against the tenant's own
 * configuration, so an account can only hold what this city uses; never the platform owner's role.
 */
@Service
@Transactional(readOnly = true)
public class StaffAccounts {

    static final int MIN_PASSWORD = PasswordPolicy.MIN_LENGTH;
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{1,99}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final TenantRegistry tenants;
    private final StaffInvitations invitations;

    StaffAccounts(AccountRepository accounts, PasswordEncoder passwords, TenantRegistry tenants,
            StaffInvitations invitations) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tenants = tenants;
        this.invitations = invitations;
    }

    /** Staff of the current tenant (any staff role, disabled ones included) whose name, user name or e-mail has the text. */
    @PreAuthorize("hasRole('OPERATOR')")
    public List<Account> list(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return accounts.findHoldingAny(Role.STAFF.stream().map(Role::name).toArray(String[]::new)).stream()
                .filter(a -> needle.isEmpty() || contains(a.getDisplayName(), needle)
                        || contains(a.getUsername(), needle) || contains(a.getEmail(), needle))
                .toList();
    }

    /** The roles an operator may hand out here: the staff roles this tenant's configuration uses. */
    public Set<Role> assignableRoles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        tenants.currentConfiguration().roles().stream().filter(Role::isStaff).forEach(roles::add);
        return roles;
    }

    /**
     * Creates a staff account: with the initial password the operator typed and hands over, or, when the password is
     * left empty, without one and with an e-mailed invitation to choose it ({@link StaffInvitations}).
     *
     * @throws InvalidAccountException with a problem per field; nothing is saved then
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public Account create(StaffDraft draft) {
        List<ProfileProblem> problems = new ArrayList<>();
        String username = strip(draft.username());
        if (username.isEmpty()) {
            problems.add(problem("username", "staff.username.required"));
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add(problem("username", "staff.username.invalid"));
        } else if (accounts.existsByUsername(username)) {
            problems.add(problem("username", "staff.username.taken", username));
        }
        boolean invite = draft.password() == null || draft.password().isEmpty();
        if (invite && strip(draft.email()).isEmpty()) {
            problems.add(problem("email", "staff.invitation.emailRequired"));
        } else if (!invite && draft.password().length() < MIN_PASSWORD) {
            problems.add(problem("password", "staff.password.short", MIN_PASSWORD));
        }
        checkCommon(draft, problems);
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        Account account = new Account(username, invite ? null : passwords.encode(draft.password()),
                strip(draft.displayName()), blankToNull(draft.email()), draft.roles(), blankToNull(draft.organisation()));
        account.assign(draft.roles(), blankToNull(draft.organisation()), draft.categories());
        try {
            Account saved = accounts.saveAndFlush(account);
            if (invite) {
                invitations.issue(saved);
            }
            return saved;
        } catch (DataIntegrityViolationException raced) {
            // Another operator took the name between the check and the insert: the unique key decides.
            throw new InvalidAccountException(List.of(problem("username", "staff.username.taken", username)));
        }
    }

    /**
     * Changes a staff member's name, e-mail, roles, organisation and categories (user name and password stay).
     *
     * @throws InvalidAccountException with a problem per field; nothing is saved then
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public Account update(UUID id, StaffDraft draft) {
        Account account = staffMember(id);
        List<ProfileProblem> problems = new ArrayList<>();
        checkCommon(draft, problems);
        // Like disabling oneself: an operator who drops their own role could leave the tenant with nobody to
        // configure it.
        if (isMe(account) && account.getRoles().contains(Role.OPERATOR)
                && (draft.roles() == null || !draft.roles().contains(Role.OPERATOR))) {
            problems.add(problem("roles", "staff.operator.self"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        account.changeProfile(strip(draft.displayName()), blankToNull(draft.email()));
        account.assign(draft.roles(), blankToNull(draft.organisation()), draft.categories());
        return account;
    }

    /**
     * Disables or enables a staff account: a disabled one cannot sign in nor be chosen as an executor. An operator
     * cannot disable their own account (the tenant could lose its last operator that way).
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public Account setEnabled(UUID id, boolean enabled) {
        Account account = staffMember(id);
        if (!enabled) {
            if (isMe(account)) {
                throw new InvalidAccountException(List.of(problem("enabled", "staff.disable.self")));
            }
            account.disable();
        } else {
            account.enable();
        }
        return account;
    }

    private static boolean isMe(Account account) {
        Authentication me = SecurityContextHolder.getContext().getAuthentication();
        return me != null && account.getUsername().equals(me.getName());
    }

    private Account staffMember(UUID id) {
        return accounts.findById(id).filter(Account::isStaff)
                .orElseThrow(() -> new IllegalArgumentException("No staff account " + id + " in this tenant"));
    }

    private void checkCommon(StaffDraft draft, List<ProfileProblem> problems) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        String name = strip(draft.displayName());
        if (name.isEmpty()) {
            problems.add(problem("displayName", "account.name.required"));
        } else if (name.length() > 255) {
            problems.add(problem("displayName", "account.name.tooLong", 255));
        }
        String email = strip(draft.email());
        if (!email.isEmpty() && (email.length() > 255 || !EMAIL.matcher(email).matches())) {
            problems.add(problem("email", "account.email.invalid"));
        }
        if (draft.roles().isEmpty()) {
            problems.add(problem("roles", "staff.roles.required"));
        }
        Set<Role> assignable = assignableRoles();
        draft.roles().stream().filter(r -> !assignable.contains(r)).sorted().findFirst()
                .ifPresent(r -> problems.add(problem("roles", "staff.role.unknown", r.name())));
        String organisation = blankToNull(draft.organisation());
        if (organisation != null && tenant.organisation(organisation).isEmpty()) {
            problems.add(problem("organisation", "staff.organisation.unknown", organisation));
        }
        draft.categories().stream().filter(c -> tenant.category(c).isEmpty()).sorted().findFirst()
                .ifPresent(c -> problems.add(problem("categories", "staff.category.unknown", c)));
    }

    private static ProfileProblem problem(String field, String code, Object... args) {
        return new ProfileProblem(field, code, List.of(args));
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
