package ru.civic.portal.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The reference pages of a portal (Zarechny 1.2): organisations with their units, contacts and hours; the portal's
 * own contacts; typical questions and answers. Each tenant's from its own configuration.
 */
@SpringBootTest
class ReferencePagesTest extends SpringBrowserlessTest {

    @Autowired
    TenantRegistry tenants;

    private void openIn(String tenant, Class<? extends Component> view) {
        cleanVaadinEnvironment();
        TenantContext.callAs(TenantId.of(tenant), () -> {
            initVaadinEnvironment();
            return navigate(view);
        });
    }

    private String portalName() {
        return find(H1.class).withClassName("civic-portal-name").single().getText();
    }

    @ParameterizedTest
    @CsvSource({
            "tomsk, mun-tomsk, Администрация Города Томска, tomsk-roads, Департамент дорожной деятельности и благоустройства администрации Города Томска",
            "zarechny, adm, Администрация г. Заречного Пензенской области, adm-infra, Отдел городской инфраструктуры и жилищной политики Администрации г. Заречного"})
    void organisationsAreListedWithTheirUnitsAndContacts(String tenant, String parentId, String parentName,
            String unitId, String unitName) {
        openIn(tenant, OrganisationsView.class);

        assertThat(portalName()).isEqualTo(tenants.getRequired(TenantId.of(tenant)).configuration().name());
        Section parent = find(Section.class).withClassName("civic-organisation").all().stream()
                .filter(s -> parentId.equals(s.getElement().getAttribute("data-organisation"))).findFirst()
                .orElseThrow();
        assertThat(find(H3.class).from(parent).all()).extracting(H3::getText).containsExactly(parentName);
        // The unit is shown inside its parent's section, with its own contacts.
        assertThat(find(H4.class).from(parent).all()).extracting(H4::getText).contains(unitName);
        TenantConfiguration.Organisation unit = tenants.getRequired(TenantId.of(tenant)).configuration()
                .organisation(unitId).orElseThrow();
        assertThat(find(Anchor.class).from(parent).all()).extracting(Anchor::getHref)
                .contains("mailto:" + unit.email());
        assertThat(parent.getElement().getTextRecursively()).contains(unit.hours());
    }

    @ParameterizedTest
    @CsvSource({"tomsk", "zarechny"})
    void contactsPageShowsWhoRunsThePortalAndHowToReachThem(String tenant) {
        TenantConfiguration c = tenants.getRequired(TenantId.of(tenant)).configuration();

        openIn(tenant, ContactsView.class);

        assertThat(find(Paragraph.class).withClassName("civic-contacts-portal").single().getText())
                .isEqualTo(c.name());
        assertThat(find(H3.class).withClassName("civic-contacts-operator").single().getText())
                .isEqualTo(c.branding().footer().organisation());
        assertThat(find(Anchor.class).all()).extracting(Anchor::getText)
                .contains(c.branding().footer().phone(), c.branding().footer().email());
    }

    @ParameterizedTest
    @CsvSource({
            "tomsk, В какой срок предложение опубликуют?, 2 рабочих дней",
            "zarechny, В какой срок рассмотрят сообщение?, 10 рабочих дней со дня регистрации"})
    void faqAnswersTheTenantsTypicalQuestions(String tenant, String question, String answerPart) {
        openIn(tenant, FaqView.class);

        assertThat(portalName()).isEqualTo(tenants.getRequired(TenantId.of(tenant)).configuration().name());
        Section entry = find(Section.class).withClassName("civic-faq-entry").all().stream()
                .filter(s -> s.getElement().getTextRecursively().startsWith(question)).findFirst().orElseThrow();
        assertThat(find(Paragraph.class).withClassName("civic-faq-answer").from(entry).single().getText())
                .contains(answerPart);
    }
}
