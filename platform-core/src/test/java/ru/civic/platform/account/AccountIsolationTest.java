package ru.civic.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Two tenants' accounts side by side: every read, list, count and search made in one tenant finds nothing of the
 * other's, by the repository, the service, and native SQL that forgets the tenant filter (row-level security).
 */
@SpringBootTest
class AccountIsolationTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId VOLGOGRAD = TenantId.of("volgograd");

    @Autowired
    AccountService accounts;
    @Autowired
    AccountRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    private Account tomskOfficial;
    private Account volgogradOfficial;
    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void twoTenantsWithAnAccountEach() {
        tomskOfficial = TenantContext.callAs(TOMSK, () -> accounts.create("iso-t-" + marker, "secret",
                "Томский модератор " + marker, null, Set.of(Role.MODERATOR), null));
        volgogradOfficial = TenantContext.callAs(VOLGOGRAD, () -> accounts.create("iso-v-" + marker, "secret",
                "Волгоградский модератор " + marker, null, Set.of(Role.MODERATOR), null));
    }

    @Test
    void accountIsStampedWithTheTenantOfTheContext() {
        assertThat(tomskOfficial.getTenantId()).isEqualTo("tomsk");
        assertThat(volgogradOfficial.getTenantId()).isEqualTo("volgograd");
    }

    @Test
    void serviceAndRepositoryFindNothingOfAnotherTenant() {
        TenantContext.runAs(TOMSK, () -> {
            assertThat(accounts.find(volgogradOfficial.getId())).isEmpty();
            assertThat(repository.findById(volgogradOfficial.getId())).isEmpty();
            assertThat(repository.existsById(volgogradOfficial.getId())).isFalse();
            assertThat(accounts.findByUsername("iso-v-" + marker)).isEmpty();
            assertThat(accounts.search(marker)).extracting(Account::getId).containsExactly(tomskOfficial.getId());
            assertThat(accounts.list()).extracting(Account::getTenantId).containsOnly("tomsk");
            assertThat(repository.findAllById(java.util.List.of(volgogradOfficial.getId()))).isEmpty();
            long tomskRows = jdbc.queryForObject("select count(*) from account", Long.class);
            assertThat(accounts.count()).isEqualTo(tomskRows);
        });
        TenantContext.runAs(VOLGOGRAD, () -> {
            assertThat(accounts.find(tomskOfficial.getId())).isEmpty();
            assertThat(accounts.search(marker)).extracting(Account::getId).containsExactly(volgogradOfficial.getId());
        });
    }

    @Test
    void nativeSqlThatForgetsTheTenantFilterStillSeesOnlyItsTenant() {
        TenantContext.runAs(TOMSK, () -> {
            assertThat(jdbc.queryForList("select tenant_id from account", String.class)).containsOnly("tomsk");
            assertThat(jdbc.queryForObject("select count(*) from account where id = ?", Long.class,
                    volgogradOfficial.getId())).isZero();
            // Writes are fenced too: the other tenant's row cannot be changed or deleted ...
            assertThat(jdbc.update("update account set display_name = 'hijacked' where id = ?",
                    volgogradOfficial.getId())).isZero();
            assertThat(jdbc.update("delete from account where id = ?", volgogradOfficial.getId())).isZero();
            // ... nor can a row be written into the other tenant.
            assertThatThrownBy(() -> jdbc.update("insert into account (id, tenant_id, username, display_name) "
                    + "values (?, 'volgograd', ?, 'x')", UUID.randomUUID(), "intruder-" + marker))
                    .rootCause().hasMessageContaining("row-level security");
        });
        TenantContext.runAs(VOLGOGRAD, () -> assertThat(accounts.find(volgogradOfficial.getId()))
                .hasValueSatisfying(a -> assertThat(a.getDisplayName()).startsWith("Волгоградский")));
    }

    @Test
    void withoutTenantContextNothingIsVisible() {
        assertThat(TenantContext.currentScope()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from account", Long.class)).isZero();
        assertThat(repository.findById(tomskOfficial.getId())).isEmpty();
        TenantContext.runInPlatformScope(() ->
                assertThat(jdbc.queryForObject("select count(*) from account", Long.class)).isZero());
    }

    @Test
    void applicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() {
        var role = jdbc.queryForMap("select rolsuper, rolbypassrls from pg_roles where rolname = current_user");
        assertThat(role.get("rolsuper")).isEqualTo(false);
        assertThat(role.get("rolbypassrls")).isEqualTo(false);
        assertThat(jdbc.queryForObject("select count(*) from pg_tables where tableowner = current_user",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from pg_class c join pg_roles r on r.oid = c.relowner "
                + "where r.rolname = current_user", Long.class)).isZero();
        // Every table holding tenant data has row-level security forced on.
        assertThat(jdbc.queryForList("""
                select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid
                where a.attname = 'tenant_id' and c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
                  and c.relname <> 'tenant_revision' and not (c.relrowsecurity and c.relforcerowsecurity)""",
                String.class)).isEmpty();
    }

    @Test
    void sameUserNameMayExistInTwoTenants() {
        String name = "twin-" + marker;
        TenantContext.runAs(TOMSK, () -> accounts.create(name, "a", "Томск", null, Set.of(Role.CITIZEN), null));
        TenantContext.runAs(VOLGOGRAD, () -> accounts.create(name, "b", "Волгоград", null, Set.of(Role.CITIZEN), null));

        assertThat(TenantContext.callAs(TOMSK, () -> accounts.findByUsername(name)).orElseThrow().getDisplayName())
                .isEqualTo("Томск");
        assertThat(TenantContext.callAs(VOLGOGRAD, () -> accounts.findByUsername(name)).orElseThrow().getDisplayName())
                .isEqualTo("Волгоград");
    }
}
