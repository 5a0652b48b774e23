package ru.civic.portal.reference;

import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PortalLayout;

/** Typical questions and answers (Zarechny 1.2, 2.5), as the tenant's configuration words them. */
@Route(value = "faq", layout = PortalLayout.class)
@AnonymousAllowed
class FaqView extends Div implements HasDynamicTitle {

    private final String title;

    FaqView(TenantRegistry tenants) {
        addClassName("civic-faq");
        title = getTranslation("portal.reference.faq");
        add(new H2(title));
        Optional<TenantConfiguration> tenant = ContactLines.tenant(tenants);
        if (tenant.isEmpty()) {
            add(ContactLines.platformHostNote(this));
            return;
        }
        TenantConfiguration c = tenant.get();
        if (c.faq().isEmpty()) {
            add(new Paragraph(getTranslation("portal.reference.faq.empty")));
            return;
        }
        c.faq().forEach(entry -> {
            Section item = new Section();
            item.addClassName("civic-faq-entry");
            H3 question = new H3(entry.question());
            question.addClassName("civic-faq-question");
            Paragraph answer = new Paragraph(entry.answer());
            answer.addClassName("civic-faq-answer");
            item.add(question, answer);
            add(item);
        });
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
