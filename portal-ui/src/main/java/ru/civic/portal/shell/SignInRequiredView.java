package ru.civic.portal.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import ru.civic.platform.security.PortalSignIn;

/** Where a guest lands on a portal whose messages only signed-in residents may read. */
@Route(value = "sign-in-required", layout = PortalLayout.class)
@AnonymousAllowed
public class SignInRequiredView extends Div implements HasDynamicTitle {

    public SignInRequiredView() {
        addClassName("civic-sign-in-required");
        Anchor signIn = new Anchor(PortalSignIn.AUTHORIZATION_PATH, getTranslation("portal.nav.signIn"));
        signIn.setRouterIgnore(true);
        add(new H2(getPageTitle()), new Paragraph(getTranslation("portal.guests.readNotAllowed")), signIn);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.guests.signInRequired");
    }
}
