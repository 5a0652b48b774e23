package ru.civic.admin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.tenancy.TenantRules;
import ru.civic.portal.TestSignIn;

/**
 * The Tomsk regional operator's rules editor: a change made in a form is saved and served at once; a wrong value is
 * refused at its field with everything else typed kept; versions can be compared and restored; a moderator cannot
 * open the page.
 */
@SpringBootTest
class RulesEditorViewTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");

    @Autowired
    TenantRules rules;
    @Autowired
    TenantRegistry registry;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private ObjectNode before;
    private ObjectNode gubkinskyBefore;

    @BeforeEach
    void remember() {
        TestSignIn.asUser("tomsk", "operator", "Региональный оператор", "OPERATOR");
        before = TenantContext.callAs(TOMSK, () -> rules.current().tree());
        TestSignIn.asUser("gubkinsky", "operator", "Оператор", "OPERATOR");
        gubkinskyBefore = TenantContext.callAs(GUBKINSKY, () -> rules.current().tree());
    }

    /** One database for every test class of the run: Tomsk goes back to its rules. */
    @AfterEach
    void restore() {
        TestSignIn.asUser("tomsk", "operator", "Региональный оператор", "OPERATOR");
        TenantContext.runAs(TOMSK, () -> {
            TenantRules.Document now = rules.current();
            if (!now.tree().equals(before)) {
                rules.save(before, now.version(), "test clean-up");
            }
        });
        TestSignIn.asUser("gubkinsky", "operator", "Оператор", "OPERATOR");
        TenantContext.runAs(GUBKINSKY, () -> {
            TenantRules.Document now = rules.current();
            if (!now.tree().equals(gubkinskyBefore)) {
                rules.save(gubkinskyBefore, now.version(), "test clean-up");
            }
        });
        TestSignIn.out();
    }

    private RulesEditorView openAsGubkinskyOperator() {
        TestSignIn.asUser("gubkinsky", "operator", "Оператор", "OPERATOR");
        cleanVaadinEnvironment();
        return TenantContext.callAs(GUBKINSKY, () -> {
            initVaadinEnvironment();
            return navigate("admin/rules", RulesEditorView.class);
        });
    }

    private RulesEditorView openAsOperator() {
        TestSignIn.asUser("tomsk", "operator", "Региональный оператор", "OPERATOR");
        cleanVaadinEnvironment();
        return TenantContext.callAs(TOMSK, () -> {
            initVaadinEnvironment();
            return navigate("admin/rules", RulesEditorView.class);
        });
    }

    private void showTab(RulesEditorView view, String key) {
        TenantContext.runAs(TOMSK, () -> view.tabs().setSelectedTab($(Tab.class).id("rules-tab-" + key)));
    }

    private void save() {
        TenantContext.runAs(TOMSK, () -> test($(Button.class).withClassName("civic-rules-save").single()).click());
    }

    @Test
    void operatorChangesThePhotoLimitInTheFormAndTheRegistryServesIt() {
        RulesEditorView view = openAsOperator();
        long version = view.baseVersion();
        showTab(view, "photos");
        IntegerField maxCount = $(IntegerField.class).id("rules-photos-maxCount");
        assertThat(maxCount.getValue()).isEqualTo(5);

        TenantContext.runAs(TOMSK, () -> maxCount.setValue(3));
        save();

        assertThat(registry.getRequired(TOMSK).configuration().photos().maxCount()).isEqualTo(3);
        assertThat(registry.getRequired(TOMSK).version()).isEqualTo(version + 1);
        assertThat(view.baseVersion()).isEqualTo(version + 1);
        assertThat(view.problems().isVisible()).isFalse();
    }

    @Test
    void operatorChangesGubkinskysCampaignReportDeadlineInTheFormAndTheRegistryServesIt() {
        RulesEditorView view = openAsGubkinskyOperator();
        long version = view.baseVersion();
        TenantContext.runAs(GUBKINSKY, () -> view.tabs().setSelectedTab($(Tab.class).id("rules-tab-campaigns")));
        IntegerField reportDays = $(IntegerField.class).id("rules-campaigns-reportDue-days");
        @SuppressWarnings("unchecked")
        ComboBox<String> reportDayType = $(ComboBox.class).id("rules-campaigns-reportDue-dayType");
        TextField proposalsDue = $(TextField.class).id("rules-topicPlan-proposalsDue");
        assertThat(reportDays.getValue()).isEqualTo(10);
        assertThat(reportDayType.getValue()).isEqualTo("CALENDAR");
        assertThat(proposalsDue.getValue()).isEqualTo("12-01");

        TenantContext.runAs(GUBKINSKY, () -> {
            reportDays.setValue(15);
            reportDayType.setValue("WORKING");
            test($(Button.class).withClassName("civic-rules-save").single()).click();
        });

        TenantConfiguration saved = registry.getRequired(GUBKINSKY).configuration();
        assertThat(saved.campaigns().reportDue().days()).isEqualTo(15);
        assertThat(saved.campaigns().reportDue().dayType()).isEqualTo(TenantConfiguration.DayType.WORKING);
        assertThat(saved.campaigns().resultsDue().days()).as("untouched").isEqualTo(5);
        assertThat(saved.topicPlan().proposalsDue()).isEqualTo("12-01");
        assertThat(registry.getRequired(GUBKINSKY).version()).isEqualTo(version + 1);
        assertThat(view.problems().isVisible()).isFalse();
    }

    @Test
    void aCampaignDeadlineOfNoDaysAndADayNoYearHasAreRefusedAtTheirFields() {
        RulesEditorView view = openAsGubkinskyOperator();
        long version = view.baseVersion();
        TenantContext.runAs(GUBKINSKY, () -> view.tabs().setSelectedTab($(Tab.class).id("rules-tab-campaigns")));
        IntegerField resultsDays = $(IntegerField.class).id("rules-campaigns-resultsDue-days");
        TextField approvalDue = $(TextField.class).id("rules-topicPlan-approvalDue");
        TextField proposalsDue = $(TextField.class).id("rules-topicPlan-proposalsDue");

        TenantContext.runAs(GUBKINSKY, () -> {
            resultsDays.setValue(0);
            approvalDue.setValue("13-45");
            proposalsDue.setValue("11-20");
            test($(Button.class).withClassName("civic-rules-save").single()).click();
        });

        assertThat(resultsDays.isInvalid()).isTrue();
        assertThat(resultsDays.getErrorMessage()).containsPattern("[А-Яа-я]").contains("1");
        assertThat(approvalDue.isInvalid()).isTrue();
        assertThat(approvalDue.getErrorMessage()).containsPattern("[А-Яа-я]");
        assertThat(proposalsDue.isInvalid()).isFalse();
        assertThat(resultsDays.getValue()).isZero();
        assertThat(approvalDue.getValue()).isEqualTo("13-45");
        assertThat(proposalsDue.getValue()).isEqualTo("11-20");
        assertThat(view.problems().getElement().getTextRecursively()).contains("Обсуждения");
        assertThat(registry.getRequired(GUBKINSKY).version()).isEqualTo(version);
        assertThat(registry.getRequired(GUBKINSKY).configuration().campaigns().resultsDue().days()).isEqualTo(5);

        // A well-formed day that no year has (30 February) passes the pattern but is refused by the core, in words.
        TenantContext.runAs(GUBKINSKY, () -> {
            resultsDays.setValue(7);
            approvalDue.setValue("02-30");
            test($(Button.class).withClassName("civic-rules-save").single()).click();
        });
        assertThat(resultsDays.isInvalid()).isFalse();
        assertThat(approvalDue.isInvalid()).isTrue();
        assertThat(approvalDue.getErrorMessage()).isEqualTo(
                "Дня «02-30» в году нет: укажите месяц и день (ММ-ДД), например 12-01.");
        assertThat(registry.getRequired(GUBKINSKY).version()).isEqualTo(version);

        TenantContext.runAs(GUBKINSKY, () -> {
            approvalDue.setValue("12-20");
            test($(Button.class).withClassName("civic-rules-save").single()).click();
        });
        TenantConfiguration saved = registry.getRequired(GUBKINSKY).configuration();
        assertThat(saved.campaigns().resultsDue().days()).isEqualTo(7);
        assertThat(saved.topicPlan().proposalsDue()).isEqualTo("11-20");
        assertThat(saved.topicPlan().approvalDue()).isEqualTo("12-20");
    }

    @Test
    void operatorSetsGubkinskysSummerMonthsAndRatingsSampleAndTheRegistryServesBoth() {
        RulesEditorView view = openAsGubkinskyOperator();
        long version = view.baseVersion();
        assertThat(TenantContext.callAs(GUBKINSKY, () -> rules.current().tree().has("ratings")))
                .as("Gubkinsky's file has no ratings section").isFalse();
        TenantContext.runAs(GUBKINSKY, () -> view.tabs().setSelectedTab($(Tab.class).id("rules-tab-shop")));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Integer> summer = $(MultiSelectComboBox.class).id("rules-shop-summerMonths");
        assertThat(summer.getValue()).containsExactlyInAnyOrder(6, 7, 8);
        assertThat(summer.getItemLabelGenerator().apply(5)).isEqualTo("май");
        TenantContext.runAs(GUBKINSKY, () -> summer.setValue(Set.of(5, 6, 7, 8)));
        TenantContext.runAs(GUBKINSKY, () -> view.tabs().setSelectedTab($(Tab.class).id("rules-tab-ratings")));
        IntegerField minSample = $(IntegerField.class).id("rules-ratings-minSample");
        assertThat(minSample.getValue()).isNull();
        TenantContext.runAs(GUBKINSKY, () -> {
            minSample.setValue(5);
            test($(Button.class).withClassName("civic-rules-save").single()).click();
        });

        TenantConfiguration saved = registry.getRequired(GUBKINSKY).configuration();
        assertThat(saved.shop().summerMonths()).containsExactly(5, 6, 7, 8);
        assertThat(saved.shop().municipalCertificatesMinimum(5)).isEqualTo(10);
        assertThat(saved.ratings().minSample()).isEqualTo(5);
        assertThat(registry.getRequired(GUBKINSKY).version()).isEqualTo(version + 1);
        assertThat(view.problems().isVisible()).isFalse();
    }

    @Test
    void aRatingsSampleOfNoneIsRefusedAtItsFieldAndAnEmptiedSampleWritesNoRatingsSection() {
        RulesEditorView view = openAsGubkinskyOperator();
        long version = view.baseVersion();
        TenantContext.runAs(GUBKINSKY, () -> view.tabs().setSelectedTab($(Tab.class).id("rules-tab-shop")));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Integer> summer = $(MultiSelectComboBox.class).id("rules-shop-summerMonths");
        TenantContext.runAs(GUBKINSKY, () -> summer.setValue(Set.of(7, 8)));
        TenantContext.runAs(GUBKINSKY, () -> view.tabs().setSelectedTab($(Tab.class).id("rules-tab-ratings")));
        IntegerField minSample = $(IntegerField.class).id("rules-ratings-minSample");

        TenantContext.runAs(GUBKINSKY, () -> {
            minSample.setValue(0);
            test($(Button.class).withClassName("civic-rules-save").single()).click();
        });

        assertThat(minSample.isInvalid()).isTrue();
        assertThat(minSample.getErrorMessage()).containsPattern("[А-Яа-я]").contains("1");
        assertThat(minSample.getValue()).isZero();
        assertThat(summer.isInvalid()).isFalse();
        assertThat(summer.getValue()).as("nothing typed is lost").containsExactlyInAnyOrder(7, 8);
        assertThat(view.problems().getElement().getTextRecursively()).contains("Рейтинги");
        assertThat(registry.getRequired(GUBKINSKY).version()).isEqualTo(version);
        assertThat(registry.getRequired(GUBKINSKY).configuration().shop().summerMonths()).containsExactly(6, 7, 8);

        // Emptied again, the sample is not set: the summer months save, and no ratings section is written.
        TenantContext.runAs(GUBKINSKY, () -> {
            minSample.clear();
            test($(Button.class).withClassName("civic-rules-save").single()).click();
        });
        assertThat(registry.getRequired(GUBKINSKY).version()).isEqualTo(version + 1);
        assertThat(registry.getRequired(GUBKINSKY).configuration().shop().summerMonths()).containsExactly(7, 8);
        assertThat(registry.getRequired(GUBKINSKY).configuration().ratings())
                .isEqualTo(TenantConfiguration.RatingRules.DEFAULT);
        assertThat(TenantContext.callAs(GUBKINSKY, () -> rules.current().tree().has("ratings"))).isFalse();
    }

    @Test
    void operatorEditsAnAnswerTemplateAndTheCardOffersTheNewText() {
        RulesEditorView view = openAsOperator();
        showTab(view, "templates");
        TextArea text = $(TextArea.class).id("rules-answerTemplates-0-text");
        String answer = "Ямочный ремонт выполнен " + marker;
        TenantContext.runAs(TOMSK, () -> text.setValue(answer));
        save();

        assertThat(registry.getRequired(TOMSK).configuration().answerTemplatesFor("potholes"))
                .extracting(ru.civic.platform.tenancy.TenantConfiguration.AnswerTemplate::text).contains(answer);
    }

    @Test
    void anInvalidValueIsShownAtItsFieldAndEverythingTypedIsKept() {
        RulesEditorView view = openAsOperator();
        long version = view.baseVersion();
        String tagline = "Девиз " + marker;
        showTab(view, "branding");
        TextField taglineField = $(TextField.class).id("rules-branding-tagline");
        TenantContext.runAs(TOMSK, () -> taglineField.setValue(tagline));
        showTab(view, "photos");
        IntegerField maxCount = $(IntegerField.class).id("rules-photos-maxCount");
        TenantContext.runAs(TOMSK, () -> maxCount.setValue(-1));
        showTab(view, "organisations");
        TextField organisationName = $(TextField.class).id("rules-organisations-1-name");
        TenantContext.runAs(TOMSK, () -> organisationName.setValue(""));

        save();

        assertThat(maxCount.isInvalid()).isTrue();
        assertThat(maxCount.getErrorMessage()).as("in the operator's language").containsPattern("[А-Яа-я]");
        assertThat(organisationName.isInvalid()).isTrue();
        assertThat(organisationName.getErrorMessage()).containsPattern("[А-Яа-я]");
        assertThat(taglineField.isInvalid()).isFalse();
        assertThat(taglineField.getValue()).isEqualTo(tagline);
        assertThat(maxCount.getValue()).isEqualTo(-1);
        assertThat(view.problems().isVisible()).isTrue();
        assertThat(view.problems().getElement().getTextRecursively())
                .contains("Не сохранено").contains("Фото").contains("Организации");
        assertThat(registry.getRequired(TOMSK).version()).isEqualTo(version);
        assertThat(registry.getRequired(TOMSK).configuration().branding().tagline()).isNotEqualTo(tagline);

        // Corrected, the same form saves everything that was typed.
        TenantContext.runAs(TOMSK, () -> {
            maxCount.setValue(4);
            organisationName.setValue("Департамент развития информационного общества");
        });
        save();
        assertThat(registry.getRequired(TOMSK).configuration().branding().tagline()).isEqualTo(tagline);
        assertThat(registry.getRequired(TOMSK).configuration().photos().maxCount()).isEqualTo(4);
        assertThat(registry.getRequired(TOMSK).configuration().organisations().get(1).name())
                .isEqualTo("Департамент развития информационного общества");
    }

    @Test
    void theVersionsTabShowsTheNewVersionItsDiffAndRollsBack() {
        RulesEditorView view = openAsOperator();
        long original = view.baseVersion();
        showTab(view, "roles");
        Checkbox guestsVote = $(Checkbox.class).id("rules-guests-vote");
        assertThat(guestsVote.getValue()).isTrue();
        TenantContext.runAs(TOMSK, () -> {
            guestsVote.setValue(false);
            view.comment().setValue("Гости больше не голосуют " + marker);
        });
        save();
        assertThat(registry.getRequired(TOMSK).configuration().guests().vote()).isFalse();

        showTab(view, "versions");
        TenantRules.Revision newest = test(view.versions().grid()).getRow(0);
        assertThat(newest.version()).isEqualTo(original + 1);
        assertThat(newest.changedBy()).isEqualTo("operator");
        assertThat(newest.comment()).isEqualTo("Гости больше не голосуют " + marker);
        TenantContext.runAs(TOMSK, () -> test($(Button.class).withClassName("civic-rules-compare").single()).click());
        assertThat($(Div.class).withClassName("civic-diff-removed").all()).extracting(Div::getText)
                .containsExactly("-   vote: true");
        assertThat($(Div.class).withClassName("civic-diff-added").all()).extracting(Div::getText)
                .containsExactly("+   vote: false");

        Component rollBack = test(view.versions().grid()).getCellComponent(1, 5);
        TenantContext.runAs(TOMSK, () -> {
            test((Button) rollBack).click();
            test($(ConfirmDialog.class).single()).confirm();
        });

        assertThat(registry.getRequired(TOMSK).configuration().guests().vote()).isTrue();
        assertThat(registry.getRequired(TOMSK).version()).isEqualTo(original + 2);
        assertThat(test(view.versions().grid()).getRow(0).source()).isEqualTo("rollback:" + original);
        assertThat(test(view.versions().grid()).getCellText(0, 3)).isEqualTo("возврат к версии " + original);
    }

    @Test
    void aSaveOnTopOfAVersionChangedMeanwhileIsRefusedAndTheFormKeepsTheEdit() {
        RulesEditorView view = openAsOperator();
        showTab(view, "photos");
        IntegerField maxCount = $(IntegerField.class).id("rules-photos-maxCount");
        TenantContext.runAs(TOMSK, () -> maxCount.setValue(2));
        // A colleague saves in another browser meanwhile.
        TenantContext.runAs(TOMSK, () -> {
            TenantRules.Document now = rules.current();
            ObjectNode theirs = now.tree();
            theirs.withObject("/branding").put("tagline", "Правка коллеги " + marker);
            rules.save(theirs, now.version(), null);
        });

        save();

        assertThat(view.problems().getElement().getTextRecursively())
                .contains("Правила изменил другой сотрудник");
        assertThat(maxCount.getValue()).isEqualTo(2);
        assertThat(registry.getRequired(TOMSK).configuration().photos().maxCount()).isEqualTo(5);
        assertThat(registry.getRequired(TOMSK).configuration().branding().tagline()).isEqualTo("Правка коллеги " + marker);
    }

    @Test
    void anImportedYamlIsCheckedAndShownBeforeItIsSaved() {
        RulesEditorView view = openAsOperator();
        String exported = TenantContext.callAs(TOMSK, rules::exportYaml);
        String changedHosts = exported.replace("aktiv.tomsk.example.ru", "aktiv.evil.example.ru");
        String changedFaq = exported.replace("Как отправить инициативное предложение?", "Как отправить предложение? " + marker);
        showTab(view, "import");

        TenantContext.runAs(TOMSK, () -> view.preview(changedHosts));
        assertThat($(Div.class).withClassName("civic-rules-import-preview").single().getElement().getTextRecursively())
                .contains("$.hosts").contains("меняет только владелец платформы");
        assertThat($(Button.class).withClassName("civic-rules-import-save").all()).isEmpty();

        TenantContext.runAs(TOMSK, () -> view.preview(changedFaq));
        assertThat($(Div.class).withClassName("civic-diff-added").all()).extracting(Div::getText)
                .anyMatch(t -> t.contains("Как отправить предложение? " + marker));
        assertThat(registry.getRequired(TOMSK).configuration().faq().getFirst().question())
                .isEqualTo("Как отправить инициативное предложение?");
        TenantContext.runAs(TOMSK, () -> test($(Button.class).withClassName("civic-rules-import-save").single()).click());
        assertThat(registry.getRequired(TOMSK).configuration().faq().getFirst().question())
                .isEqualTo("Как отправить предложение? " + marker);
    }

    @Test
    void aModeratorCannotOpenTheRulesEditor() {
        TestSignIn.asUser("tomsk", "moderator", "Модератор", "MODERATOR");
        cleanVaadinEnvironment();
        TenantContext.callAs(TOMSK, () -> {
            initVaadinEnvironment();
            navigate("admin/rules", Component.class);
            return null;
        });

        assertThat(getCurrentView()).isNotInstanceOf(RulesEditorView.class);
        assertThat($(IntegerField.class).all()).isEmpty();
    }
}
