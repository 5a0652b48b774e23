package ru.civic.portal.feed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import ru.civic.platform.message.Actors;
import ru.civic.platform.message.MessageLookup;
import ru.civic.platform.message.MessageNotFoundException;
import ru.civic.portal.shell.PortalLayout;

/** Finding a message and its answer by the public number given on receipt (Zarechny 5.2, 6.5). */
@Route(value = "lookup", layout = PortalLayout.class)
@AnonymousAllowed
@ru.civic.portal.shell.PublicReading
class LookupView extends Div implements HasDynamicTitle {

    final TextField number = new TextField();

    LookupView(MessageLookup lookup, Actors actors) {
        addClassName("civic-lookup");
        number.setLabel(getTranslation("portal.lookup.number"));
        number.setPlaceholder("ZAR-2026-000123");
        number.setClearButtonVisible(true);
        Button find = new Button(getTranslation("portal.lookup.find"), click -> {
            String value = number.getValue() == null ? "" : number.getValue().strip().toUpperCase(java.util.Locale.ROOT);
            if (value.isEmpty()) {
                number.setInvalid(true);
                number.setErrorMessage(getTranslation("portal.lookup.required"));
                return;
            }
            try {
                lookup.view(value, actors.current());
                number.setInvalid(false);
                getUI().ifPresent(ui -> ui.navigate(MessageDetailsView.class, new RouteParameters("number", value)));
            } catch (MessageNotFoundException e) {
                number.setInvalid(true);
                number.setErrorMessage(getTranslation("portal.message.notFound.detail", value));
            }
        });
        find.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        add(new H2(getTranslation("portal.lookup.title")), new Paragraph(getTranslation("portal.lookup.hint")),
                number, find);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.lookup.title");
    }
}
