package ru.civic.portal.reference;

import java.util.Optional;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PortalLayout;

/** Who runs the portal, how to reach them and when, and which regulation the portal works by. */
@Route(value = "contacts", layout = PortalLayout.class)
@AnonymousAllowed
class ContactsView extends Div implements HasDynamicTitle {

    private final String title;

    ContactsView(TenantRegistry tenants) {
        addClassName("civic-contacts-page");
        title = getTranslation("portal.reference.contacts");
        add(new H2(title));
        Optional<TenantConfiguration> tenant = ContactLines.tenant(tenants);
        if (tenant.isEmpty()) {
            add(ContactLines.platformHostNote(this));
            return;
        }
        TenantConfiguration c = tenant.get();
        Paragraph portal = new Paragraph(c.name());
        portal.addClassName("civic-contacts-portal");
        portal.getStyle().set("font-weight", "600");
        add(portal);
        TenantConfiguration.Footer footer = c.branding().footer();
        if (footer != null) {
            H3 operator = new H3(footer.organisation());
            operator.addClassName("civic-contacts-operator");
            add(operator, ContactLines.of(this, footer.address(), footer.phone(), footer.email(), footer.hours(),
                    null));
        }
        if (c.regulation() != null && c.regulation().title() != null) {
            add(new H3(getTranslation("portal.reference.regulation")), new Paragraph(c.regulation().title()));
        }
        add(new Paragraph(new Anchor("organisations", getTranslation("portal.reference.contacts.organisations")),
                new com.vaadin.flow.component.html.Span(" · "),
                new Anchor("faq", getTranslation("portal.nav.faq"))));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
