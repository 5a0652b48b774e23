package ru.civic.platform.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.account.AccountService.ProfileProblem;
import ru.civic.platform.notification.NotificationRequest;
import ru.civic.platform.notification.Notifications;
import ru.civic.platform.notification.Recipient;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * E-mailed invitations of staff accounts: instead of a password the operator hands over, the person gets a one-time
 * link on the tenant's host and chooses their password there. Only the SHA-256 of the link's token is stored; the
 * link is looked up in the host's tenant only, so a Tomsk link opened on Volgograd's host finds nothing. Until the
 * password is set the account has none and cannot sign in.
 */
@Service
@Transactional(readOnly = true)
public class StaffInvitations {

    /** 256 random bits: guessing a live link is out of the question, and its hash needs no salt. */
    private static final int TOKEN_BYTES = 32;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final AccountRepository accounts;
    private final AccountInvitationRepository invitations;
    private final PasswordEncoder passwords;
    private final TenantRegistry tenants;
    private final Notifications notifications;
    private final MessageSource texts;
    private final InvitationLinks links;
    private final Duration validity;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StaffInvitations(AccountRepository accounts, AccountInvitationRepository invitations, PasswordEncoder passwords,
            TenantRegistry tenants, Notifications notifications, MessageSource texts, InvitationLinks links,
            @Value("${platform.staff-invitation-validity:72h}") Duration validity, ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.passwords = passwords;
        this.tenants = tenants;
        this.notifications = notifications;
        this.texts = texts;
        this.links = links;
        this.validity = validity;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Where an account's invitation stands, as the operator's staff screen shows it. */
    public record InvitationState(Instant sentAt, Instant expiresAt, Instant acceptedAt) {
        public boolean accepted() {
            return acceptedAt != null;
        }

        public boolean expired(Instant now) {
            return !accepted() && !now.isBefore(expiresAt);
        }
    }

    /** What a link is worth on this host. */
    public enum LinkStatus {
        /** The person may set their password. */
        OPEN,
        /** No such link on this host's portal (mistyped, or another portal's). */
        UNKNOWN,
        EXPIRED,
        USED,
        /** A newer invitation was sent; only its link works. */
        REPLACED
    }

    /** A link as the set-password page sees it; the person's names only when it is {@link LinkStatus#OPEN}. */
    public record Link(LinkStatus status, String displayName, String username) {
        static Link refused(LinkStatus status) {
            return new Link(status, null, null);
        }
    }

    /**
     * Sends a new invitation to a staff member who has not set a password yet; the previous link stops working.
     *
     * @throws InvalidAccountException when the account has no e-mail address or already has a password
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public InvitationState resend(UUID accountId) {
        Account account = accounts.findById(accountId).filter(Account::isStaff)
                .orElseThrow(() -> new IllegalArgumentException("No staff account " + accountId + " in this tenant"));
        if (account.getPasswordHash() != null) {
            throw new InvalidAccountException(List.of(new ProfileProblem("invitation", "staff.invitation.accepted",
                    List.of())));
        }
        if (account.getEmail() == null) {
            throw new InvalidAccountException(List.of(new ProfileProblem("email", "staff.invitation.emailRequired",
                    List.of())));
        }
        return issue(account);
    }

    /** The invitations of these accounts (the live one of each; none for accounts created with a password). */
    @PreAuthorize("hasRole('OPERATOR')")
    public Map<UUID, InvitationState> states(Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return invitations.findByAccountIdInAndVoidedAtIsNull(accountIds).stream()
                .collect(Collectors.toMap(AccountInvitation::getAccountId, AccountInvitation::state));
    }

    /** Opens a link on the host's tenant: anyone holding it may, the token is the authority. */
    public Link check(String token) {
        return find(token).map(i -> link(i, accounts.findById(i.getAccountId()))).orElse(Link.refused(LinkStatus.UNKNOWN));
    }

    /**
     * Sets the person's password through the link, once. A link that is not {@link LinkStatus#OPEN} changes nothing
     * and comes back with its status.
     *
     * @throws InvalidAccountException with the problems of the password ({@code password}, {@code passwordRepeat})
     */
    @Transactional
    public Link accept(String token, String password, String passwordRepeat) {
        Optional<AccountInvitation> found = find(token);
        if (found.isEmpty()) {
            return Link.refused(LinkStatus.UNKNOWN);
        }
        AccountInvitation invitation = found.get();
        Optional<Account> account = accounts.findById(invitation.getAccountId());
        Link link = link(invitation, account);
        if (link.status() != LinkStatus.OPEN) {
            return link;
        }
        List<ProfileProblem> problems = new ArrayList<>();
        PasswordPolicy.problem(password).ifPresent(key -> problems.add(new ProfileProblem("password", key, List.of())));
        if (password == null || !password.equals(passwordRepeat)) {
            problems.add(new ProfileProblem("passwordRepeat", "register.error.passwordMismatch", List.of()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        account.orElseThrow().choosePassword(passwords.encode(password));
        invitation.use(clock.instant());
        return link;
    }

    /** Issues an invitation in the caller's transaction: voids the live one, stores the new hash, queues the mail. */
    @Transactional
    InvitationState issue(Account account) {
        Instant now = clock.instant();
        invitations.findByAccountIdAndVoidedAtIsNull(account.getId()).ifPresent(old -> {
            old.voidAt(now);
            // Written before the new row: the database keeps one live invitation per account.
            invitations.flush();
        });
        String token = newToken();
        AccountInvitation invitation = invitations.saveAndFlush(new AccountInvitation(account.getId(), hash(token),
                now, operator(), now.plus(validity)));
        TenantConfiguration tenant = tenants.currentConfiguration();
        Locale locale = Locale.forLanguageTag(tenant.defaultLocale());
        String subject = texts.getMessage("staff.invitation.mail.subject", new Object[] { tenant.name() }, locale);
        String body = texts.getMessage("staff.invitation.mail.body", new Object[] { account.getDisplayName(),
                tenant.name(), account.getUsername(), links.link(tenant, token),
                WHEN.format(invitation.getExpiresAt().atZone(tenant.zoneId())) }, locale);
        // No cabinet copy: the link would then sit readable in the notification table for as long as it lives.
        notifications.send(new NotificationRequest(new Recipient(null, account.getEmail(), account.getDisplayName()),
                subject, body, null, true));
        return invitation.state();
    }

    private Link link(AccountInvitation invitation, Optional<Account> account) {
        if (account.isEmpty()) {
            return Link.refused(LinkStatus.UNKNOWN);
        }
        if (invitation.getUsedAt() != null) {
            return Link.refused(LinkStatus.USED);
        }
        if (invitation.isVoided()) {
            return Link.refused(LinkStatus.REPLACED);
        }
        if (invitation.isExpired(clock.instant())) {
            return Link.refused(LinkStatus.EXPIRED);
        }
        return new Link(LinkStatus.OPEN, account.get().getDisplayName(), account.get().getUsername());
    }

    private Optional<AccountInvitation> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return invitations.findByTokenHash(hash(token.strip()));
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String operator() {
        Authentication me = SecurityContextHolder.getContext().getAuthentication();
        return me == null ? "system" : me.getName();
    }
}
