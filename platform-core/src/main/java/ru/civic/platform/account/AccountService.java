package ru.civic.platform.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;

/** Accounts of the tenant of the current context. */
@Service
@Transactional(readOnly = true)
public class AccountService {

    private final AccountRepository accounts;
    private final ExternalIdentityRepository identities;
    private final PasswordEncoder passwords;
    private final ru.civic.platform.tenancy.TenantRegistry tenants;

    AccountService(AccountRepository accounts, ExternalIdentityRepository identities, PasswordEncoder passwords,
            ru.civic.platform.tenancy.TenantRegistry tenants) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.identities = identities;
        this.passwords = passwords;
    }

    /**
     * Self-registration: a citizen of the current tenant only, signing in with the e-mail address as user name.
     * Whether the tenant allows it is the caller's check (its configuration).
     *
     * @throws EmailTakenException when an account of this tenant already has the address (or it as user name)
     */
    @Transactional
    public Account registerCitizen(String displayName, String email, String rawPassword) {
        TenantContext.getRequiredTenantId();
        String address = email.strip().toLowerCase(java.util.Locale.ROOT);
        if (accounts.existsByEmailIgnoreCase(address) || accounts.existsByUsername(address)) {
            throw new EmailTakenException(address);
        }
        try {
            return accounts.saveAndFlush(new Account(address, passwords.encode(rawPassword), displayName.strip(),
                    address, Set.of(Role.CITIZEN), null));
        } catch (org.springframework.dao.DataIntegrityViolationException raced) {
            throw new EmailTakenException(address);
        }
    }

    /**
     * The citizen account of the current tenant linked to this subject at an external OpenID provider; created (and
     * linked) on the first sign-in. Never linked to an existing account by e-mail: the provider's address is not
     * proof of owning an account here.
     */
    @Transactional
    public Account signInWithExternalIdentity(String provider, String subject, String displayName, String email) {
        TenantContext.getRequiredTenantId();
        return identities.findByProviderAndSubject(provider, subject)
                .flatMap(identity -> accounts.findById(identity.getAccountId()))
                .orElseGet(() -> {
                    String username = provider + ":" + subject;
                    if (username.length() > 100 || accounts.existsByUsername(username)) {
                        username = provider + ":" + UUID.randomUUID();
                    }
                    Account account = accounts.save(new Account(username, null, displayName, email,
                            Set.of(Role.CITIZEN), null));
                    identities.save(new ExternalIdentity(provider, subject, account.getId()));
                    return account;
                });
    }

    /** True when an account is linked to this subject at the external provider. */
    public boolean hasExternalIdentity(String provider, String subject) {
        return identities.findByProviderAndSubject(provider, subject).isPresent();
    }

    @Transactional
    public Account create(String username, String rawPassword, String displayName, String email, Set<Role> roles,
            String organisation) {
        TenantContext.getRequiredTenantId();
        if (roles.contains(Role.PLATFORM_OWNER)) {
            throw new IllegalArgumentException("A tenant account cannot be a platform owner");
        }
        if (accounts.existsByUsername(username)) {
            throw new IllegalArgumentException("User name '" + username + "' is taken");
        }
        return accounts.save(new Account(username, passwords.encode(rawPassword), displayName, email, roles,
                organisation));
    }

    public Optional<Account> findByUsername(String username) {
        return accounts.findByUsername(username);
    }

    public Optional<Account> find(UUID id) {
        return accounts.findById(id);
    }

    public List<Account> list() {
        return accounts.findAll();
    }

    public long count() {
        return accounts.count();
    }

    public List<Account> search(String text) {
        return accounts.search(text);
    }

    /**
     * A person changes their own name and e-mail in the cabinet. Problems come back per field (nothing is saved then).
     */
    @Transactional
    public List<ProfileProblem> updateProfile(UUID id, String displayName, String email) {
        List<ProfileProblem> problems = new java.util.ArrayList<>();
        String name = displayName == null ? "" : displayName.strip();
        String mail = email == null ? "" : email.strip();
        if (name.isEmpty()) {
            problems.add(new ProfileProblem("displayName", "account.name.required", List.of()));
        } else if (name.length() > 200) {
            problems.add(new ProfileProblem("displayName", "account.name.tooLong", List.of(200)));
        }
        if (!mail.isEmpty() && !EMAIL.matcher(mail).matches()) {
            problems.add(new ProfileProblem("email", "account.email.invalid", List.of()));
        }
        if (problems.isEmpty()) {
            Account account = accounts.findById(id).orElseThrow();
            account.changeProfile(name, mail.isEmpty() ? null : mail);
        }
        return problems;
    }

    /**
     * Sets the district the resident lives in (polls aimed at districts ask for it), or clears it with null. The
     * district must be one of the tenant's.
     */
    @Transactional
    public List<ProfileProblem> updateDistrict(UUID id, String districtId) {
        String district = districtId == null || districtId.isBlank() ? null : districtId.strip();
        if (district != null && tenants.currentConfiguration().district(district).isEmpty()) {
            return List.of(new ProfileProblem("district", "account.district.unknown", List.of(district)));
        }
        accounts.findById(id).orElseThrow().settleIn(district);
        return List.of();
    }

    /** A problem with one field of a profile: the field, a message key and its arguments. */
    public record ProfileProblem(String field, String code, List<Object> args) {
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** Gubkinsky 3.9: the author is blocked with the reason; an already blocked account keeps its first reason. */
    @Transactional
    public void block(UUID id, String reason, java.time.Instant at) {
        accounts.findById(id).filter(a -> !a.isBlocked()).ifPresent(a -> a.block(reason, at));
    }

    /** Lifts a block (the reason is forgotten; what the block annulled is not restored). */
    @Transactional
    public void unblock(UUID id) {
        accounts.findById(id).filter(Account::isBlocked).ifPresent(Account::unblock);
    }

    /** Citizens of the current tenant whose name, user name or e-mail contains the text; at most {@code limit}. */
    public List<Account> searchCitizens(String text, int limit) {
        String needle = (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT))
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return accounts.searchCitizens(needle, limit);
    }

    /** Blocked citizens of the current tenant, the latest first; at most {@code limit}. */
    public List<Account> blockedCitizens(int limit) {
        return accounts.findBlockedCitizens(limit);
    }

    /**
     * Enabled staff holding any of these roles; when an organisation is given, only its staff and staff bound to no
     * organisation (e.g. a curator of every body).
     */
    public List<Account> staff(Set<Role> roles, String organisation) {
        return accounts.findStaff(roles.stream().map(Role::name).toArray(String[]::new), organisation);
    }

    public boolean exists(String username) {
        return accounts.existsByUsername(username);
    }
}
