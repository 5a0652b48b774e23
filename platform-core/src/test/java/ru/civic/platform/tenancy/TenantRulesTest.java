package ru.civic.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import ru.civic.platform.tenancy.TenantRules.Change;
import ru.civic.platform.tenancy.TenantRules.DiffLine;

/**
 * The regional operator's rules editor in the core: saves are validated like the YAML files, versioned and served at
 * once; the id and hosts stay the platform owner's; only an operator of this very tenant may use it.
 */
@SpringBootTest
class TenantRulesTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId VOLGOGRAD = TenantId.of("volgograd");

    @Autowired
    TenantRules rules;
    @Autowired
    TenantRegistry registry;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private ObjectNode tomskBefore;
    private ObjectNode volgogradBefore;

    @BeforeEach
    void remember() {
        signIn(TOMSK, "OPERATOR");
        tomskBefore = TenantContext.callAs(TOMSK, () -> rules.current().tree());
        signIn(VOLGOGRAD, "OPERATOR");
        volgogradBefore = TenantContext.callAs(VOLGOGRAD, () -> rules.current().tree());
        signIn(TOMSK, "OPERATOR");
    }

    /** The database is shared with the other test classes: leave both tenants as they were. */
    @AfterEach
    void restore() {
        restore(TOMSK, tomskBefore);
        restore(VOLGOGRAD, volgogradBefore);
        SecurityContextHolder.clearContext();
    }

    private void restore(TenantId tenant, ObjectNode before) {
        signIn(tenant, "OPERATOR");
        TenantContext.runAs(tenant, () -> {
            TenantRules.Document now = rules.current();
            if (!now.tree().equals(before)) {
                rules.save(before, now.version(), "test clean-up");
            }
        });
    }

    /** A sign-in as the platform issues it: the token names the tenant it was issued for. */
    static void signIn(TenantId issuedFor, String... roles) {
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(600),
                Map.of("sub", roles[0].toLowerCase(), "tenant", issuedFor.value(), "roles", List.of(roles)));
        List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, token), authorities, "portal"));
    }

    private <T> T inTomsk(java.util.function.Supplier<T> work) {
        return TenantContext.callAs(TOMSK, work);
    }

    @Test
    void operatorSavesAChangeAndTheNextReadSeesIt() {
        TenantRules.Document before = inTomsk(rules::current);
        ObjectNode edited = before.tree();
        edited.withObject("/photos").put("maxCount", 3);

        TenantRules.Document saved = inTomsk(() -> rules.save(edited, before.version(), "Меньше фото в одном сообщении"));

        assertThat(saved.version()).isEqualTo(before.version() + 1);
        assertThat(inTomsk(rules::current).tree().at("/photos/maxCount").asInt()).isEqualTo(3);
        assertThat(registry.getRequired(TOMSK).configuration().photos().maxCount()).isEqualTo(3);
        assertThat(registry.getRequired(TOMSK).version()).isEqualTo(saved.version());
        TenantRules.Revision newest = inTomsk(rules::revisions).getFirst();
        assertThat(newest.version()).isEqualTo(saved.version());
        assertThat(newest.changedBy()).isEqualTo("operator");
        assertThat(newest.source()).isEqualTo("editor");
        assertThat(newest.comment()).isEqualTo("Меньше фото в одном сообщении");
    }

    @Test
    void anInvalidChangeIsRefusedAtItsPathAndNothingIsSaved() {
        TenantRules.Document before = inTomsk(rules::current);
        ObjectNode edited = before.tree();
        edited.withObject("/photos").put("maxCount", -1);
        ((ObjectNode) edited.withArray("/organisations").get(1)).put("name", "");

        assertThat(inTomsk(() -> rules.validate(edited))).extracting(ConfigurationProblem::path)
                .contains("$.photos.maxCount", "$.organisations[1].name");
        assertThatThrownBy(() -> inTomsk(() -> rules.save(edited, before.version(), null)))
                .isInstanceOf(TenantConfigurationException.class)
                .satisfies(e -> assertThat(((TenantConfigurationException) e).problems())
                        .extracting(ConfigurationProblem::path).contains("$.photos.maxCount"));

        assertThat(inTomsk(rules::current).version()).isEqualTo(before.version());
        assertThat(registry.getRequired(TOMSK).configuration().photos().maxCount()).isEqualTo(5);
    }

    @Test
    void aSaveOnTopOfAVersionChangedMeanwhileIsRefusedNotOverwritten() {
        TenantRules.Document loaded = inTomsk(rules::current);
        ObjectNode mine = loaded.tree();
        mine.withObject("/branding").put("tagline", "Моя правка");
        ObjectNode theirs = loaded.tree();
        theirs.withObject("/branding").put("tagline", "Правка коллеги");
        inTomsk(() -> rules.save(theirs, loaded.version(), null));

        assertThatThrownBy(() -> inTomsk(() -> rules.save(mine, loaded.version(), null)))
                .isInstanceOf(TenantRulesConflictException.class)
                .hasMessageContaining("changed meanwhile");
        assertThat(registry.getRequired(TOMSK).configuration().branding().tagline()).isEqualTo("Правка коллеги");
    }

    @Test
    void theDiffBetweenTwoVersionsShowsTheChangedLine() {
        TenantRules.Document before = inTomsk(rules::current);
        String oldTagline = before.tree().at("/branding/tagline").asText();
        ObjectNode edited = before.tree();
        edited.withObject("/branding").put("tagline", "Новый девиз портала");
        TenantRules.Document after = inTomsk(() -> rules.save(edited, before.version(), null));

        List<DiffLine> diff = inTomsk(() -> rules.diff(before.version(), after.version()));

        assertThat(diff).filteredOn(l -> l.change() != Change.SAME).extracting(DiffLine::change, DiffLine::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Change.REMOVED, "  tagline: " + oldTagline),
                        org.assertj.core.groups.Tuple.tuple(Change.ADDED, "  tagline: Новый девиз портала"));
        assertThat(diff).filteredOn(l -> l.change() == Change.SAME).hasSizeGreaterThan(100);
    }

    @Test
    void rollingBackRestoresTheOldValueAsANewVersion() {
        TenantRules.Document original = inTomsk(rules::current);
        ObjectNode edited = original.tree();
        edited.withObject("/guests").put("vote", false);
        TenantRules.Document changed = inTomsk(() -> rules.save(edited, original.version(), null));
        assertThat(registry.getRequired(TOMSK).configuration().guests().vote()).isFalse();

        TenantRules.Document rolledBack = inTomsk(() -> rules.rollBack(original.version(), changed.version(),
                "Гости снова голосуют"));

        assertThat(rolledBack.version()).isEqualTo(changed.version() + 1);
        assertThat(rolledBack.tree()).isEqualTo(original.tree());
        assertThat(registry.getRequired(TOMSK).configuration().guests().vote()).isTrue();
        assertThat(inTomsk(rules::revisions).getFirst().source()).isEqualTo("rollback:" + original.version());
    }

    @Test
    void anImportMayNotChangeTheTenantIdOrHosts() throws Exception {
        TenantRules.Document current = inTomsk(rules::current);
        String exported = inTomsk(rules::exportYaml);
        ObjectNode otherId = (ObjectNode) yaml.readTree(exported);
        otherId.put("id", "tomsk2");
        ObjectNode otherHosts = (ObjectNode) yaml.readTree(exported);
        otherHosts.putArray("hosts").add("portal.evil.example.ru");

        TenantRules.ImportPreview byId = inTomsk(() -> rules.previewImport(write(otherId)));
        TenantRules.ImportPreview byHosts = inTomsk(() -> rules.previewImport(write(otherHosts)));

        assertThat(byId.problems()).extracting(ConfigurationProblem::path).containsExactly("$.id");
        assertThat(byId.problems().getFirst().message()).contains("only the platform owner");
        assertThat(byHosts.problems()).extracting(ConfigurationProblem::path).containsExactly("$.hosts");
        assertThatThrownBy(() -> inTomsk(() -> rules.saveYaml(write(otherHosts), current.version(), "import", null)))
                .isInstanceOf(TenantConfigurationException.class).hasMessageContaining("$.hosts");
        assertThat(registry.getRequired(TOMSK).configuration().hosts()).containsExactly("aktiv.tomsk.example.ru");
        assertThat(inTomsk(rules::current).version()).isEqualTo(current.version());
    }

    @Test
    void aValidImportIsPreviewedThenSaved() throws Exception {
        TenantRules.Document current = inTomsk(rules::current);
        ObjectNode imported = (ObjectNode) yaml.readTree(inTomsk(rules::exportYaml));
        imported.withObject("/shop").put("maxUnitCostRub", 777);

        TenantRules.ImportPreview preview = inTomsk(() -> rules.previewImport(write(imported)));
        assertThat(preview.valid()).isTrue();
        assertThat(preview.changes()).filteredOn(l -> l.change() == Change.ADDED).extracting(DiffLine::text)
                .anyMatch(t -> t.contains("maxUnitCostRub: 777"));
        assertThat(registry.getRequired(TOMSK).configuration().shop().maxUnitCostRub()).isNull();

        inTomsk(() -> rules.saveYaml(write(imported), current.version(), "import", null));
        assertThat(registry.getRequired(TOMSK).configuration().shop().maxUnitCostRub()).isEqualTo(777);
    }

    @Test
    void aModeratorMayNotChangeTheRules() {
        TenantRules.Document current = inTomsk(rules::current);
        ObjectNode edited = current.tree();
        edited.withObject("/photos").put("maxCount", 2);
        signIn(TOMSK, "MODERATOR");

        assertThatThrownBy(() -> inTomsk(() -> rules.save(edited, current.version(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inTomsk(rules::current)).isInstanceOf(AccessDeniedException.class);
        assertThat(registry.getRequired(TOMSK).configuration().photos().maxCount()).isEqualTo(5);
    }

    @Test
    void theTomskOperatorCanNeitherReadNorChangeVolgograd() {
        signIn(TOMSK, "OPERATOR");
        ObjectNode volgograd = volgogradBefore.deepCopy();
        volgograd.withObject("/photos").put("maxCount", 1);
        long volgogradVersion = registry.getRequired(VOLGOGRAD).version();

        // On Volgograd's host, with a sign-in issued by Tomsk: refused although the role matches.
        assertThatThrownBy(() -> TenantContext.callAs(VOLGOGRAD, rules::current))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TenantContext.callAs(VOLGOGRAD, () -> rules.save(volgograd, volgogradVersion, null)))
                .isInstanceOf(AccessDeniedException.class);
        // On Tomsk's host the editor only ever addresses Tomsk: Volgograd's document is refused at its id.
        TenantRules.Document tomsk = inTomsk(rules::current);
        assertThatThrownBy(() -> inTomsk(() -> rules.save(volgograd, tomsk.version(), null)))
                .isInstanceOf(TenantConfigurationException.class).hasMessageContaining("$.id");

        assertThat(registry.getRequired(VOLGOGRAD).version()).isEqualTo(volgogradVersion);
        assertThat(registry.getRequired(VOLGOGRAD).configuration().photos().maxCount()).isNotEqualTo(1);
        assertThat(inTomsk(rules::revisions)).allSatisfy(r -> assertThat(r.version()).isLessThanOrEqualTo(tomsk.version()));
    }

    private String write(ObjectNode tree) {
        try {
            return yaml.writeValueAsString(tree);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
