package ru.civic.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import ru.civic.platform.tenancy.internal.TenantDocumentReader;

/** Every shipped tenant file validates; broken documents are refused naming the file, the path and the problem. */
class TenantConfigurationValidationTest {

    private static final Path TENANTS = Path.of(System.getProperty("platform.repository-root", ".."), "config", "tenants");
    private final TenantDocumentReader reader = new TenantDocumentReader();

    private static String file(String id) throws IOException {
        return Files.readString(TENANTS.resolve(id + ".yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomsk", "volgograd", "zarechny", "tynda", "gubkinsky"})
    void shippedTenantFileValidates(String id) throws IOException {
        TenantConfiguration c = reader.read(id + ".yaml", file(id), id).configuration();

        assertThat(c.id()).isEqualTo(id);
        assertThat(c.name()).isNotBlank();
        assertThat(c.zoneId()).isNotNull();
        assertThat(c.categories()).isNotEmpty();
        assertThat(c.refusalReasons()).isNotEmpty();
        assertThat(c.branding().primaryColor()).matches("#[0-9A-Fa-f]{6}");
    }

    @Test
    void shippedFilesCarryTheRegulationsRules() throws IOException {
        TenantConfiguration tomsk = reader.read("tomsk.yaml", file("tomsk"), "tomsk").configuration();
        TenantConfiguration zarechny = reader.read("zarechny.yaml", file("zarechny"), "zarechny").configuration();
        TenantConfiguration volgograd = reader.read("volgograd.yaml", file("volgograd"), "volgograd").configuration();
        TenantConfiguration tynda = reader.read("tynda.yaml", file("tynda"), "tynda").configuration();

        assertThat(tomsk.name()).isEqualTo("Активный житель Томской области");
        assertThat(tomsk.timeZone()).isEqualTo("Asia/Tomsk");
        assertThat(tomsk.photos().maxCount()).isEqualTo(5);
        assertThat(tomsk.photos().maxTotalBytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(tomsk.sla().receivedOnNonWorkingDayCountsFromNextWorkingDay()).isTrue();
        assertThat(zarechny.photos().maxCount()).isEqualTo(4);
        assertThat(zarechny.calendar().regionalHolidays()).contains(java.time.LocalDate.of(2026, 4, 21));
        assertThat(volgograd.guests().support()).isFalse();
        assertThat(volgograd.intake().dateTimeRequired()).isTrue();
        assertThat(tynda.intake().categoryRequired()).isFalse();
        assertThat(tynda.allCategories()).anySatisfy(c -> assertThat(c.deadline()).isNotNull());
    }

    @Test
    void refusesPhotoCountBelowOneNamingFileAndPath() throws IOException {
        String broken = file("tomsk").replaceFirst("maxCount: 5", "maxCount: 0");

        assertThatThrownBy(() -> reader.read("tomsk.yaml", broken, "tomsk"))
                .isInstanceOf(TenantConfigurationException.class)
                .satisfies(e -> assertThat(((TenantConfigurationException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.source()).isEqualTo("tomsk.yaml");
                            assertThat(p.path()).isEqualTo("$.photos.maxCount");
                            assertThat(p.message()).contains("minimum");
                            // For the rules editor: the same problem worded in Russian, without the path.
                            assertThat(p.messageKey()).isEqualTo("config.problem.schema");
                            assertThat(p.args().getFirst().toString()).containsPattern("[А-Яа-я]").contains("1")
                                    .doesNotContain("$.photos");
                        }))
                .hasMessageContaining("tomsk.yaml: $.photos.maxCount");
    }

    @Test
    void refusesUnknownKeyAsLikelyTypo() throws IOException {
        String broken = file("tomsk").replaceFirst("(?m)^photos:", "photoz:\n  maxCount: 1\nphotos:");

        assertThatThrownBy(() -> reader.read("tomsk.yaml", broken, "tomsk"))
                .isInstanceOf(TenantConfigurationException.class)
                .hasMessageContaining("photoz");
    }

    @Test
    void refusesCategoryRoutedToUnknownOrganisation() throws IOException {
        String text = file("zarechny");
        TenantConfiguration c = reader.read("zarechny.yaml", text, "zarechny").configuration();
        String organisation = c.categories().getFirst().organisation();
        String broken = text.replaceFirst("organisation: " + organisation + "\\b", "organisation: no-such-body");

        assertThatThrownBy(() -> reader.read("zarechny.yaml", broken, "zarechny"))
                .isInstanceOf(TenantConfigurationException.class)
                .satisfies(e -> assertThat(((TenantConfigurationException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.path()).startsWith("$.categories[");
                            assertThat(p.path()).endsWith(".organisation");
                            assertThat(p.message()).contains("no-such-body");
                        }));
    }

    @Test
    void answerTemplatesServeTheirCategoryItsSubcategoriesAndThenEveryCategory() throws IOException {
        TenantConfiguration tomsk = reader.read("tomsk.yaml", file("tomsk"), "tomsk").configuration();

        assertThat(tomsk.answerTemplatesFor("potholes")).extracting(TenantConfiguration.AnswerTemplate::id)
                .containsExactly("pothole-repair", "forwarded-to-owner");
        assertThat(tomsk.answerTemplatesFor("snow-yards")).extracting(TenantConfiguration.AnswerTemplate::id)
                .containsExactly("snow-cleared", "forwarded-to-owner");
        assertThat(tomsk.answerTemplatesFor(null)).extracting(TenantConfiguration.AnswerTemplate::id)
                .containsExactly("forwarded-to-owner");
    }

    @Test
    void refusesAnswerTemplateForUnknownCategory() throws IOException {
        String broken = file("tomsk").replace("categories: [potholes]", "categories: [no-such-category]");

        assertThatThrownBy(() -> reader.read("tomsk.yaml", broken, "tomsk"))
                .isInstanceOf(TenantConfigurationException.class)
                .satisfies(e -> assertThat(((TenantConfigurationException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.path()).isEqualTo("$.answerTemplates[0].categories[0]");
                            assertThat(p.message()).contains("no-such-category");
                        }));
    }

    @Test
    void refusesIdThatDiffersFromFileName() throws IOException {
        assertThatThrownBy(() -> reader.read("omsk.yaml", file("tomsk"), "omsk"))
                .isInstanceOf(TenantConfigurationException.class)
                .hasMessageContaining("$.id")
                .hasMessageContaining("must equal the file name 'omsk'");
    }

    @Test
    void refusesUnknownTimeZone() throws IOException {
        String broken = file("tynda").replaceFirst("timeZone: Asia/Yakutsk", "timeZone: Asia/Atlantis");

        assertThatThrownBy(() -> reader.read("tynda.yaml", broken, "tynda"))
                .isInstanceOf(TenantConfigurationException.class)
                .hasMessageContaining("$.timeZone")
                .hasMessageContaining("Asia/Atlantis");
    }

    @Test
    void refusesATopicPlanDayNoYearHas() throws IOException {
        String broken = file("gubkinsky").replaceFirst("proposalsDue: \"12-01\"", "proposalsDue: \"02-30\"");

        assertThatThrownBy(() -> reader.read("gubkinsky.yaml", broken, "gubkinsky"))
                .isInstanceOf(TenantConfigurationException.class)
                .satisfies(e -> assertThat(((TenantConfigurationException) e).problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.path()).isEqualTo("$.topicPlan.proposalsDue");
                            assertThat(p.messageKey()).isEqualTo("config.problem.monthDay");
                            assertThat(p.args()).containsExactly("02-30");
                        }));
    }

    @Test
    void absentIntakeSwitchesTakeTheDocumentedDefaults() throws IOException {
        String text = file("tomsk").replaceFirst("(?m)^  placeRequired: .*\\n", "")
                .replaceFirst("(?m)^  duplicateRemoval: .*\\n", "")
                .replaceFirst("(?m)^  dateTimeRequired: .*\\n", "");

        TenantConfiguration.IntakeRules intake = reader.read("tomsk.yaml", text, "tomsk").configuration().intake();

        assertThat(text).doesNotContain("placeRequired").doesNotContain("duplicateRemoval");
        assertThat(intake.placeRequired()).isTrue();
        assertThat(intake.duplicateRemoval()).isTrue();
        assertThat(intake.dateTimeRequired()).isFalse();
    }

    @Test
    void reportsBrokenYamlWithLine() {
        assertThatThrownBy(() -> reader.read("x.yaml", "id: x\nname: [unclosed\n", "x"))
                .isInstanceOf(TenantConfigurationException.class)
                .hasMessageContaining("x.yaml: line ");
    }

    @Test
    void reportsEveryProblemAtOnce() throws IOException {
        String broken = file("tomsk").replaceFirst("maxCount: 5", "maxCount: 0")
                .replaceFirst("primaryColor: \"?#[0-9A-Fa-f]{6}\"?", "primaryColor: blue");

        assertThatThrownBy(() -> reader.read("tomsk.yaml", broken, "tomsk"))
                .isInstanceOf(TenantConfigurationException.class)
                .satisfies(e -> assertThat(((TenantConfigurationException) e).problems())
                        .extracting(ConfigurationProblem::path)
                        .contains("$.photos.maxCount", "$.branding.primaryColor"));
    }

    @Test
    void exportedYamlReadsBackToTheSameConfiguration() throws IOException {
        var original = reader.read("gubkinsky.yaml", file("gubkinsky"), "gubkinsky");
        String exported = reader.toYaml(original.tree());

        assertThat(reader.read("export", exported, "gubkinsky").configuration()).isEqualTo(original.configuration());
        assertThat(List.of(exported.split("\n"))).anyMatch(l -> l.startsWith("id: gubkinsky"));
    }
}
