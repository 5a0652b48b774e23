package ru.civic.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.civic.platform.tenancy.internal.TenantDocumentReader;

/** A broken workflow is refused when loaded, with the path of each problem, before any message can get stuck. */
class WorkflowValidationTest {

    private static final Path TENANTS = Path.of(System.getProperty("platform.repository-root", ".."), "config", "tenants");
    private final TenantDocumentReader reader = new TenantDocumentReader();

    private static String file(String id) throws IOException {
        return Files.readString(TENANTS.resolve(id + ".yaml"));
    }

    private List<ConfigurationProblem> problemsOf(String id, String yaml) {
        try {
            reader.read(id + ".yaml", yaml, id);
        } catch (TenantConfigurationException e) {
            return e.problems();
        }
        throw new AssertionError("the document was accepted");
    }

    @Test
    void shipsTheFiveWorkflowsWithTheirStages() throws IOException {
        TenantConfiguration tynda = reader.read("tynda.yaml", file("tynda"), "tynda").configuration();
        assertThat(tynda.workflow().stages()).extracting(TenantConfiguration.Stage::id)
                .containsSubsequence("moderation", "coordination", "execution", "agreement", "approval");
        assertThat(tynda.workflow().deadline()).isEqualTo("answer");
        TenantConfiguration zarechny = reader.read("zarechny.yaml", file("zarechny"), "zarechny").configuration();
        assertThat(zarechny.workflow().requiredStage("moderation").deadline()).isEqualTo("registration");
        TenantConfiguration gubkinsky = reader.read("gubkinsky.yaml", file("gubkinsky"), "gubkinsky").configuration();
        assertThat(gubkinsky.workflow().requiredStage("moderation").actions())
                .extracting(TenantConfiguration.Action::type)
                .contains(TenantConfiguration.ActionType.BLOCK_AUTHOR, TenantConfiguration.ActionType.REFUSE);
    }

    @Test
    void refusesActionLeadingToUnknownStage() throws IOException {
        String broken = file("zarechny").replace("          to: answered\n", "          to: answred\n");

        assertThat(problemsOf("zarechny", broken)).anySatisfy(p -> {
            assertThat(p.path()).startsWith("$.workflow.stages[1].actions[0].to");
            assertThat(p.message()).isEqualTo("names unknown stage 'answred'");
        });
    }

    @Test
    void refusesRoleTheTenantDoesNotHave() throws IOException {
        // Zarechny has no coordinators: a stage for them would never be worked.
        String broken = file("zarechny").replace("      roles: [EXECUTOR]\n", "      roles: [COORDINATOR]\n");

        assertThat(problemsOf("zarechny", broken)).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("$.workflow.stages[1].roles[0]");
            assertThat(p.message()).contains("role 'COORDINATOR' is not among the tenant's roles");
        });
    }

    @Test
    void refusesUnreachableStage() throws IOException {
        String broken = file("gubkinsky") + """
                    - id: archive
                      name: "Архив"
                      status: CLOSED
                      final: true
                """;

        assertThat(problemsOf("gubkinsky", broken)).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("$.workflow.stages[3]");
            assertThat(p.message()).contains("stage 'archive' cannot be reached from the start stage 'moderation'");
        });
    }

    @Test
    void refusesStageWithoutWayOut() throws IOException {
        // Executors may only bounce the message to themselves: nothing ever leaves execution.
        String broken = file("zarechny").replace("""
                          name: "Дать ответ"
                          to: answered
                """, """
                          name: "Дать ответ"
                          to: execution
                """);

        assertThat(problemsOf("zarechny", broken)).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("$.workflow.stages[1]");
            assertThat(p.message()).contains("no final stage can be reached from stage 'execution'");
        });
    }

    @Test
    void refusesNonFinalStageWithoutActions() throws IOException {
        String broken = file("gubkinsky").replace("""
                    - id: published
                      name: "Опубликовано"
                      status: PUBLISHED
                      final: true
                """, """
                    - id: published
                      name: "Опубликовано"
                      status: PUBLISHED
                """);

        assertThat(problemsOf("gubkinsky", broken)).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("$.workflow.stages[1].actions");
            assertThat(p.message()).contains("is not final and has no action");
        });
    }

    @Test
    void refusesRefusalWithoutReasonAndUnknownDeadline() throws IOException {
        String broken = file("zarechny")
                .replace("""
                          to: refused
                          requires: [REASON]
                """, """
                          to: refused
                          requires: [COMMENT]
                """)
                .replace("      deadline: registration\n", "      deadline: registraton\n");

        assertThat(problemsOf("zarechny", broken))
                .anySatisfy(p -> assertThat(p.message()).isEqualTo("REFUSE must require REASON"))
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo("$.workflow.stages[0].deadline");
                    assertThat(p.message()).isEqualTo("names unknown SLA rule 'registraton'");
                });
    }

    @Test
    void refusesUnknownActionTypeThroughTheSchema() throws IOException {
        String broken = file("tomsk").replace("type: PUBLISH\n", "type: PUBLISH_NOW\n");

        assertThatThrownBy(() -> reader.read("tomsk.yaml", broken, "tomsk"))
                .isInstanceOf(TenantConfigurationException.class)
                .hasMessageContaining("$.workflow.stages[0].actions[1].type");
    }
}
