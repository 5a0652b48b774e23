package ru.civic.portal.reference;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.Organisation;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PortalLayout;

/**
 * Reference data (Zarechny 1.2, Volgograd 3): the bodies that answer messages, each with its units beneath it, and
 * their contacts and opening hours, all from the tenant's configuration.
 */
@Route(value = "organisations", layout = PortalLayout.class)
@AnonymousAllowed
class OrganisationsView extends Div implements HasDynamicTitle {

    private final String title;

    OrganisationsView(TenantRegistry tenants) {
        addClassName("civic-organisations");
        title = getTranslation("portal.reference.organisations");
        add(new H2(title));
        Optional<TenantConfiguration> tenant = ContactLines.tenant(tenants);
        if (tenant.isEmpty()) {
            add(ContactLines.platformHostNote(this));
            return;
        }
        TenantConfiguration c = tenant.get();
        add(new Paragraph(getTranslation("portal.reference.organisations.intro", c.name())));
        List<Organisation> all = c.organisations();
        all.stream()
                .filter(o -> o.parent() == null || all.stream().noneMatch(p -> p.id().equals(o.parent())))
                .forEach(top -> add(organisation(top, all)));
    }

    private Section organisation(Organisation organisation, List<Organisation> all) {
        Section section = new Section();
        section.addClassName("civic-organisation");
        section.getElement().setAttribute("data-organisation", organisation.id());
        section.getStyle().set("margin-bottom", "var(--lumo-space-l)");
        H3 name = new H3(organisation.name());
        name.getStyle().set("margin-bottom", "0");
        section.add(name, kind(organisation));
        contacts(section, organisation);
        List<Organisation> units = units(organisation, all);
        if (!units.isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.addClassName("civic-units");
            list.getElement().setAttribute("aria-label",
                    getTranslation("portal.reference.organisations.units", organisation.name()));
            units.forEach(unit -> list.add(unit(unit, all)));
            section.add(list);
        }
        return section;
    }

    private ListItem unit(Organisation unit, List<Organisation> all) {
        ListItem item = new ListItem();
        item.addClassName("civic-unit");
        item.getElement().setAttribute("data-organisation", unit.id());
        H4 name = new H4(unit.name());
        name.getStyle().set("margin", "var(--lumo-space-s) 0 0");
        item.add(name);
        contacts(item, unit);
        List<Organisation> units = units(unit, all);
        if (!units.isEmpty()) {
            UnorderedList list = new UnorderedList();
            units.forEach(u -> list.add(unit(u, all)));
            item.add(list);
        }
        return item;
    }

    private Span kind(Organisation organisation) {
        Span kind = new Span(getTranslation("portal.reference.kind." + organisation.kind().name()));
        kind.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        return kind;
    }

    private void contacts(com.vaadin.flow.component.HasComponents into, Organisation o) {
        if (ContactLines.any(o.address(), o.phone(), o.email(), o.hours(), o.website())) {
            into.add(ContactLines.of(this, o.address(), o.phone(), o.email(), o.hours(), o.website()));
        }
    }

    private static List<Organisation> units(Organisation parent, List<Organisation> all) {
        return all.stream().filter(o -> Objects.equals(o.parent(), parent.id())).toList();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
