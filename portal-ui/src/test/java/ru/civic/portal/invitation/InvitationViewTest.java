package ru.civic.portal.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.account.StaffAccounts;
import ru.civic.platform.account.StaffDraft;
import ru.civic.platform.security.PortalSignIn;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/** The page where a staff member invited by e-mail chooses their password, opened by a guest on a tenant's host. */
@SpringBootTest
class InvitationViewTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId VOLGOGRAD = TenantId.of("volgograd");
    private static final Pattern TOKEN = Pattern.compile("/invitation/(\\S+)");

    @Autowired
    StaffAccounts staff;
    @Autowired
    AccountService accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    JdbcClient jdbc;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private final String username = "inv-page-" + marker;

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    /** An operator invites the person; the token is read from the queued mail, as the person would follow it. */
    private String invite() {
        TestSignIn.as("tomsk", Role.OPERATOR.name());
        TenantContext.runAs(TOMSK, () -> staff.create(new StaffDraft(username, "Анна Иванова " + marker,
                username + "@example.ru", null, Set.of(Role.EXECUTOR), null, Set.of())));
        TestSignIn.out();
        String body = TenantContext.callAs(TOMSK, () -> jdbc.sql("select body from email_outbox where to_address = ?")
                .param(username + "@example.ru").query(String.class).single());
        Matcher m = TOKEN.matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private InvitationView open(TenantId tenant, String token) {
        cleanVaadinEnvironment();
        return (InvitationView) TenantContext.callAs(tenant, () -> {
            initVaadinEnvironment();
            return navigate("invitation/" + token, Component.class);
        });
    }

    @Test
    void mismatchedPasswordsAreShownAtTheRepeatFieldAndNothingTypedIsLost() {
        InvitationView view = open(TOMSK, invite());

        assertThat(view.getElement().getTextRecursively()).contains("Анна Иванова " + marker, username);
        TenantContext.runAs(TOMSK, () -> {
            test(view.password()).setValue("first-choice-1");
            test(view.passwordRepeat()).setValue("second-choice-2");
            test(view.submit()).click();
        });

        assertThat(view.passwordRepeat().isInvalid()).isTrue();
        assertThat(view.passwordRepeat().getErrorMessage()).isEqualTo("Пароли не совпадают.");
        assertThat(view.password().isInvalid()).isFalse();
        assertThat(view.password().getValue()).isEqualTo("first-choice-1");
        assertThat(view.passwordRepeat().getValue()).isEqualTo("second-choice-2");
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.findByUsername(username).orElseThrow()
                .getPasswordHash())).isNull();
    }

    @Test
    void aValidPasswordIsSetOnceAndLeadsToSignIn() {
        String token = invite();
        InvitationView view = open(TOMSK, token);

        TenantContext.runAs(TOMSK, () -> {
            test(view.password()).setValue("chosen-pass-1");
            test(view.passwordRepeat()).setValue("chosen-pass-1");
            test(view.submit()).click();
        });

        assertThat(view.outcome().getText()).isEqualTo("Пароль задан. Войдите с именем «" + username
                + "» и новым паролем.");
        assertThat(find(Anchor.class).withClassName("civic-invitation-sign-in").single().getHref())
                .isEqualTo(PortalSignIn.AUTHORIZATION_PATH);
        assertThat(TenantContext.callAs(TOMSK, () -> passwords.matches("chosen-pass-1",
                accounts.findByUsername(username).orElseThrow().getPasswordHash()))).isTrue();

        InvitationView again = open(TOMSK, token);
        assertThat(again.outcome().getText()).startsWith("По этой ссылке пароль уже задан.");
        assertThat(find(PasswordField.class).all()).isEmpty();
    }

    @Test
    void aTomskLinkOnVolgogradsHostGetsNoForm() {
        String token = invite();

        InvitationView view = open(VOLGOGRAD, token);

        assertThat(view.outcome().getText()).startsWith("Ссылка недействительна на этом портале.");
        assertThat(find(PasswordField.class).all()).isEmpty();
    }
}
