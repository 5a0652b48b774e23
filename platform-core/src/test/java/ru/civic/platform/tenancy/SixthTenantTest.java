package ru.civic.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.shared.Role;

/** A sixth city is configuration only: one document, no code, no DDL, no restart. */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "PLATFORM_OWNER")
class SixthTenantTest {

    private static final Path TENANTS = Path.of(System.getProperty("platform.repository-root", ".."), "config", "tenants");

    @Autowired
    TenantAdministration administration;
    @Autowired
    TenantRegistry registry;
    @Autowired
    AccountService accounts;
    @Autowired
    MockMvc mvc;

    /** A new city made from Zarechny's file: another id, name and domain. */
    static String sixthCity(String id, String host) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode tree = (ObjectNode) yaml.readTree(Files.readString(TENANTS.resolve("zarechny.yaml")));
        tree.put("id", id);
        tree.put("name", "Город " + id);
        tree.putArray("hosts").add(host);
        return yaml.writeValueAsString(tree);
    }

    @Test
    void aSixthTenantServesItsHostWithoutRestart() throws Exception {
        mvc.perform(get("/test/scope").with(r -> { r.setServerName("kovrov.localhost"); return r; }))
                .andExpect(status().isNotFound());

        Tenant created = administration.save("api", sixthCity("kovrov", "feedback.kovrov.example.ru"), "test");

        assertThat(created.configuration().name()).isEqualTo("Город kovrov");
        assertThat(registry.findByHost("kovrov.localhost")).map(Tenant::id).contains(TenantId.of("kovrov"));
        assertThat(registry.findByHost("feedback.kovrov.example.ru")).isPresent();
        mvc.perform(get("/test/scope").with(r -> { r.setServerName("kovrov.localhost"); return r; }))
                .andExpect(status().isOk()).andExpect(content().string("kovrov"));

        // Its data is isolated by the same tables and policies: no DDL was needed.
        TenantContext.runAs(TenantId.of("kovrov"), () -> {
            accounts.create("kovrov-operator", "x", "Оператор", null, Set.of(Role.OPERATOR), null);
            assertThat(accounts.list()).extracting(a -> a.getTenantId()).containsOnly("kovrov");
        });
        TenantContext.runAs(TenantId.of("tomsk"), () -> assertThat(accounts.exists("kovrov-operator")).isFalse());
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void onlyThePlatformOwnerMayCreateOrChangeTenants() throws Exception {
        String document = sixthCity("arzamas", "arzamas.example.ru");

        assertThatThrownBy(() -> administration.save("api", document, "operator"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.changeStatus(TenantId.of("tomsk"), TenantStatus.SUSPENDED, "operator"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(registry.find(TenantId.of("arzamas"))).isEmpty();
        assertThat(registry.getRequired(TenantId.of("tomsk")).isActive()).isTrue();
    }

    @Test
    void aTenantCannotClaimAnotherTenantsHost() throws Exception {
        String tomskHost = registry.find(TenantId.of("tomsk")).orElseThrow().configuration().hosts().getFirst();

        assertThatThrownBy(() -> administration.save("api", sixthCity("murom", tomskHost), "test"))
                .isInstanceOf(TenantConfigurationException.class)
                .hasMessageContaining("$.hosts[0]")
                .hasMessageContaining("already belongs to tenant 'tomsk'");
        assertThat(registry.find(TenantId.of("murom"))).isEmpty();
    }

    @Test
    void exportedYamlCanBeImportedAsIs() {
        String exported = administration.exportYaml(TenantId.of("tynda"));
        long before = registry.getRequired(TenantId.of("tynda")).version();

        Tenant reimported = administration.save("api", exported, "test");

        assertThat(reimported.version()).isEqualTo(before + 1);
        assertThat(reimported.configuration()).isEqualTo(registry.getRequired(TenantId.of("tynda")).configuration());
    }

    @Test
    void suspendedTenantAnswers503() throws Exception {
        administration.save("api", sixthCity("vyksa", "vyksa.example.ru"), "test");
        administration.changeStatus(TenantId.of("vyksa"), TenantStatus.SUSPENDED, "test");

        mvc.perform(get("/test/scope").with(r -> { r.setServerName("vyksa.localhost"); return r; }))
                .andExpect(status().isServiceUnavailable());

        administration.changeStatus(TenantId.of("vyksa"), TenantStatus.ACTIVE, "test");
        mvc.perform(get("/test/scope").with(r -> { r.setServerName("vyksa.localhost"); return r; }))
                .andExpect(status().isOk());
    }
}
