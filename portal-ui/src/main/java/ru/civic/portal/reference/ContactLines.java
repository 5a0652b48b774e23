package ru.civic.portal.reference;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Paragraph;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/** Contacts as a description list (address, phone, e-mail, hours, web site), with links where a browser can act. */
final class ContactLines {

    private ContactLines() {
    }

    static Optional<TenantConfiguration> tenant(TenantRegistry tenants) {
        return TenantContext.currentTenant().flatMap(tenants::find).map(t -> t.configuration());
    }

    /** On the platform host there is no tenant's reference data: say where to find it. */
    static Component platformHostNote(Component page) {
        return new Paragraph(page.getTranslation("portal.reference.platformHost"));
    }

    static DescriptionList of(Component page, String address, String phone, String email, String hours,
            String website) {
        DescriptionList list = new DescriptionList();
        list.addClassName("civic-contacts");
        list.getStyle().set("margin", "var(--lumo-space-xs) 0");
        add(list, page, "address", address, null);
        add(list, page, "phone", phone, phone == null ? null : "tel:" + phone.replaceAll("[^+0-9]", ""));
        add(list, page, "email", email, email == null ? null : "mailto:" + email);
        add(list, page, "hours", hours, null);
        add(list, page, "website", website, website);
        return list;
    }

    static boolean any(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static void add(DescriptionList list, Component page, String key, String value, String href) {
        if (value == null || value.isBlank()) {
            return;
        }
        DescriptionList.Term term = new DescriptionList.Term(page.getTranslation("portal.reference.contact." + key));
        term.getStyle().set("font-weight", "600");
        DescriptionList.Description description = new DescriptionList.Description();
        description.getStyle().set("margin-left", "0").set("margin-bottom", "var(--lumo-space-xs)");
        if (href != null) {
            description.add(new Anchor(href, value));
        } else {
            description.setText(value);
        }
        list.add(term, description);
    }
}
