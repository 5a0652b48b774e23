package ru.civic.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/** The operator's staff reference: what an account may hold is the tenant's own configuration, and only operators act. */
@SpringBootTest
class StaffAccountsTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId ZARECHNY = TenantId.of("zarechny");

    @Autowired
    StaffAccounts staff;
    @Autowired
    AccountService accounts;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    private StaffDraft draft(String username, Set<Role> roles, String organisation, Set<String> categories) {
        return new StaffDraft(username, "Модератор " + marker, username + "@example.ru", "long-enough-1", roles,
                organisation, categories);
    }

    private static Set<String> problems(InvalidAccountException e) {
        return Set.copyOf(e.problems().stream().map(p -> p.field() + ":" + p.code()).toList());
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void categoriesAreStoredWithTheAccountAndStayInItsTenant() {
        Account tomsk = TenantContext.callAs(TOMSK, () -> staff.create(draft("roads-mod-" + marker,
                Set.of(Role.MODERATOR), "dep-transport", Set.of("roads", "snow-yards"))));

        assertThat(TenantContext.callAs(TOMSK, () -> accounts.find(tomsk.getId()).orElseThrow().getCategories()))
                .containsExactly("roads", "snow-yards");
        assertThat(TenantContext.callAs(TOMSK, () -> staff.list(marker))).extracting(Account::getUsername)
                .containsExactly("roads-mod-" + marker);
        assertThat(TenantContext.callAs(ZARECHNY, () -> staff.list(marker))).isEmpty();
        assertThat(TenantContext.callAs(ZARECHNY, () -> accounts.find(tomsk.getId()))).isEmpty();

        // The same user name is free in another tenant: names are unique per tenant only.
        Account zarechny = TenantContext.callAs(ZARECHNY, () -> staff.create(draft("roads-mod-" + marker,
                Set.of(Role.EXECUTOR), "adm-infra", Set.of())));
        assertThat(TenantContext.callAs(ZARECHNY, () -> accounts.find(zarechny.getId()).orElseThrow().getCategories()))
                .isEmpty();

        Account edited = TenantContext.callAs(TOMSK, () -> staff.update(tomsk.getId(), new StaffDraft(null,
                "Переименован " + marker, null, null, Set.of(Role.MODERATOR, Role.EXECUTOR), null, Set.of("snow"))));
        assertThat(edited.getRoles()).containsExactlyInAnyOrder(Role.MODERATOR, Role.EXECUTOR);
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.find(tomsk.getId()).orElseThrow()))
                .satisfies(a -> {
                    assertThat(a.getCategories()).containsExactly("snow");
                    assertThat(a.getOrganisation()).isNull();
                    assertThat(a.getDisplayName()).isEqualTo("Переименован " + marker);
                });
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void staffAccountsAreRefusedFieldByFieldForWhatTheTenantDoesNotHave() {
        TenantContext.runAs(TOMSK, () -> staff.create(draft("dup-" + marker, Set.of(Role.MODERATOR), null, Set.of())));

        // Tomsk uses no HEAD role, has no Zarechny organisation and no category "stray-animals".
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> staff.create(new StaffDraft("dup-" + marker,
                "", "not-an-address", "short", EnumSet.of(Role.HEAD), "adm-infra", Set.of("stray-animals")))))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> assertThat(problems(e))
                        .containsExactlyInAnyOrder("username:staff.username.taken", "password:staff.password.short",
                                "displayName:account.name.required", "email:account.email.invalid",
                                "roles:staff.role.unknown", "organisation:staff.organisation.unknown",
                                "categories:staff.category.unknown"));
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> staff.create(draft("owner-" + marker,
                Set.of(Role.PLATFORM_OWNER), null, Set.of()))))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> assertThat(problems(e))
                        .containsExactly("roles:staff.role.unknown"));
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> staff.create(draft("nobody-" + marker,
                Set.of(), null, Set.of()))))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> assertThat(problems(e))
                        .containsExactly("roles:staff.roles.required"));
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.exists("owner-" + marker))).isFalse();
    }

    @Test
    @WithMockUser(username = "op-self", roles = "OPERATOR")
    void aDisabledOfficialCannotBeChosenAndAnOperatorCannotDisableThemself() {
        Account moderator = TenantContext.callAs(TOMSK, () -> staff.create(draft("off-" + marker,
                Set.of(Role.MODERATOR), null, Set.of())));
        TenantContext.runAs(TOMSK, () -> staff.setEnabled(moderator.getId(), false));
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.staff(Set.of(Role.MODERATOR), null)))
                .extracting(Account::getId).doesNotContain(moderator.getId());
        TenantContext.runAs(TOMSK, () -> staff.setEnabled(moderator.getId(), true));
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.staff(Set.of(Role.MODERATOR), null)))
                .extracting(Account::getId).contains(moderator.getId());

        Account self = TenantContext.callAs(TOMSK, () -> accounts.findByUsername("op-self")
                .orElseGet(() -> staff.create(draft("op-self", Set.of(Role.OPERATOR), null, Set.of()))));
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> staff.setEnabled(self.getId(), false)))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> assertThat(problems(e))
                        .containsExactly("enabled:staff.disable.self"));
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> staff.update(self.getId(),
                draft("op-self", Set.of(Role.MODERATOR), null, Set.of()))))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> assertThat(problems(e))
                        .containsExactly("roles:staff.operator.self"));
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.find(self.getId()).orElseThrow().getRoles()))
                .contains(Role.OPERATOR);
    }

    @Test
    @WithMockUser(roles = "MODERATOR")
    void onlyAnOperatorManagesStaff() {
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> staff.create(draft("sneaky-" + marker,
                Set.of(Role.OPERATOR), null, Set.of()))))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> staff.list("")))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(TenantContext.callAs(TOMSK, () -> accounts.exists("sneaky-" + marker))).isFalse();
    }
}
