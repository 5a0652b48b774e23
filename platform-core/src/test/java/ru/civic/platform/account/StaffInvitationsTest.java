package ru.civic.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;

import ru.civic.platform.account.StaffInvitations.LinkStatus;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.testsupport.TestClock;

/**
 * E-mailed staff invitations on the real PostgreSQL (row-level security on): the mail in the outbox, the one-time
 * link bound to the tenant's host, and an account that cannot sign in before its password is chosen.
 */
@SpringBootTest
class StaffInvitationsTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId VOLGOGRAD = TenantId.of("volgograd");
    private static final Pattern LINK = Pattern.compile("(https?)://([^/\\s:]+)(?::\\d+)?/invitation/(\\S+)");

    @Autowired
    StaffAccounts staff;
    @Autowired
    StaffInvitations invitations;
    @Autowired
    AccountService accounts;
    @Autowired
    UserDetailsService signIn;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    TenantRegistry tenants;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Account invited(String username) {
        return TenantContext.callAs(TOMSK, () -> staff.create(new StaffDraft(username, "Пётр Сидоров " + marker,
                username + "@example.ru", "", Set.of(Role.MODERATOR), null, Set.of())));
    }

    /** The bodies of the mails queued for the address, oldest first. */
    private List<String> mails(TenantId tenant, String address) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("select body from email_outbox where to_address = ? order by id")
                .param(address).query(String.class).list());
    }

    private static Matcher link(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a link in: %s", body).isTrue();
        return m;
    }

    private static String token(String body) {
        return link(body).group(3);
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void theInvitationMailLinksToTheTenantsHostAndTheAccountSignsInOnlyAfterChoosingItsPasswordOnce() {
        String username = "inv-" + marker;
        Account account = invited(username);

        List<String> mails = mails(TOMSK, username + "@example.ru");
        assertThat(mails).singleElement().satisfies(body -> {
            assertThat(body).contains("Пётр Сидоров " + marker, "Имя для входа: " + username);
            Matcher link = link(body);
            assertThat(tenants.findByHost(link.group(2))).as("the link's host").hasValueSatisfying(
                    t -> assertThat(t.id()).isEqualTo(TOMSK));
        });
        String token = token(mails.getFirst());
        // Only the token's hash is stored, with the configured validity (72 hours by default).
        assertThat(TenantContext.callAs(TOMSK, () -> jdbc.sql(
                "select token_hash from account_invitation where account_id = ?").param(account.getId())
                .query(String.class).single())).isEqualTo(StaffInvitations.hash(token)).isNotEqualTo(token);
        assertThat(TenantContext.callAs(TOMSK, () -> jdbc.sql(
                "select extract(epoch from expires_at - sent_at)::bigint from account_invitation where account_id = ?")
                .param(account.getId()).query(Long.class).single())).isEqualTo(Duration.ofHours(72).toSeconds());

        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> signIn.loadUserByUsername(username)))
                .isInstanceOf(UsernameNotFoundException.class);
        assertThat(TenantContext.callAs(TOMSK, () -> invitations.check(token)))
                .isEqualTo(new StaffInvitations.Link(LinkStatus.OPEN, "Пётр Сидоров " + marker, username));

        // The registration's password rule, problems at their fields.
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> invitations.accept(token, "short", "other")))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code())
                        .containsExactlyInAnyOrder("password:register.error.passwordShort",
                                "passwordRepeat:register.error.passwordMismatch"));

        assertThat(TenantContext.callAs(TOMSK, () -> invitations.accept(token, "my-own-pass-1", "my-own-pass-1"))
                .status()).isEqualTo(LinkStatus.OPEN);
        assertThat(TenantContext.callAs(TOMSK, () -> signIn.loadUserByUsername(username)))
                .satisfies(u -> assertThat(passwords.matches("my-own-pass-1", u.getPassword())).isTrue());

        assertThat(TenantContext.callAs(TOMSK, () -> invitations.accept(token, "stolen-pass-2", "stolen-pass-2")))
                .isEqualTo(new StaffInvitations.Link(LinkStatus.USED, null, null));
        assertThat(TenantContext.callAs(TOMSK, () -> passwords.matches("my-own-pass-1",
                accounts.find(account.getId()).orElseThrow().getPasswordHash()))).isTrue();
        assertThat(TenantContext.callAs(TOMSK, () -> invitations.states(List.of(account.getId()))))
                .hasEntrySatisfying(account.getId(), s -> assertThat(s.accepted()).isTrue());
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> invitations.resend(account.getId())))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code())
                        .containsExactly("invitation:staff.invitation.accepted"));
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void anExpiredLinkIsRefused() {
        String username = "exp-" + marker;
        Account account = invited(username);
        String token = token(mails(TOMSK, username + "@example.ru").getFirst());

        clock.set(Instant.now().plus(Duration.ofHours(72)).plusSeconds(60));

        assertThat(TenantContext.callAs(TOMSK, () -> invitations.check(token)).status()).isEqualTo(LinkStatus.EXPIRED);
        assertThat(TenantContext.callAs(TOMSK, () -> invitations.accept(token, "late-pass-123", "late-pass-123"))
                .status()).isEqualTo(LinkStatus.EXPIRED);
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.find(account.getId()).orElseThrow().getPasswordHash()))
                .isNull();
        assertThat(TenantContext.callAs(TOMSK, () -> invitations.states(List.of(account.getId()))))
                .hasEntrySatisfying(account.getId(), s -> assertThat(s.expired(clock.instant())).isTrue());
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void aTomskLinkOpenedOnVolgogradsHostFindsNothing() {
        String username = "host-" + marker;
        Account account = invited(username);
        String token = token(mails(TOMSK, username + "@example.ru").getFirst());

        assertThat(TenantContext.callAs(VOLGOGRAD, () -> invitations.check(token)).status())
                .isEqualTo(LinkStatus.UNKNOWN);
        assertThat(TenantContext.callAs(VOLGOGRAD, () -> invitations.accept(token, "other-host-1", "other-host-1"))
                .status()).isEqualTo(LinkStatus.UNKNOWN);
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.find(account.getId()).orElseThrow().getPasswordHash()))
                .isNull();
        assertThat(TenantContext.callAs(TOMSK, () -> invitations.check(token)).status()).isEqualTo(LinkStatus.OPEN);
        assertThat(mails(VOLGOGRAD, username + "@example.ru")).isEmpty();
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void aResentInvitationVoidsTheEarlierLink() {
        String username = "again-" + marker;
        Account account = invited(username);
        String first = token(mails(TOMSK, username + "@example.ru").getFirst());

        TenantContext.runAs(TOMSK, () -> invitations.resend(account.getId()));

        List<String> mails = mails(TOMSK, username + "@example.ru");
        assertThat(mails).hasSize(2);
        String second = token(mails.getLast());
        assertThat(second).isNotEqualTo(first);
        assertThat(TenantContext.callAs(TOMSK, () -> invitations.check(first)).status()).isEqualTo(LinkStatus.REPLACED);
        assertThat(TenantContext.callAs(TOMSK, () -> invitations.accept(first, "old-link-123", "old-link-123"))
                .status()).isEqualTo(LinkStatus.REPLACED);
        assertThat(TenantContext.callAs(TOMSK, () -> invitations.accept(second, "new-link-123", "new-link-123"))
                .status()).isEqualTo(LinkStatus.OPEN);
        assertThat(TenantContext.callAs(TOMSK, () -> passwords.matches("new-link-123",
                accounts.find(account.getId()).orElseThrow().getPasswordHash()))).isTrue();
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void withoutPasswordAnAccountNeedsAnAddressToInvite() {
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> staff.create(new StaffDraft("noaddr-" + marker,
                "Без адреса", "", "", Set.of(Role.MODERATOR), null, Set.of()))))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.code())
                        .containsExactly("email:staff.invitation.emailRequired"));
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.exists("noaddr-" + marker))).isFalse();
    }

    @Test
    @WithMockUser(roles = "MODERATOR")
    void onlyAnOperatorResendsInvitations() {
        Account account = TenantContext.callAs(TOMSK, () -> accounts.create("mod-inv-" + marker, "x",
                "Модератор", "mod-inv-" + marker + "@example.ru", Set.of(Role.MODERATOR), null));

        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> invitations.resend(account.getId())))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(mails(TOMSK, "mod-inv-" + marker + "@example.ru")).isEmpty();
    }
}
