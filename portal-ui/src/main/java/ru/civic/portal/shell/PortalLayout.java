package ru.civic.portal.shell;

import java.util.Arrays;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import ru.civic.platform.message.Actors;
import ru.civic.platform.notification.Notifications;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.security.PortalSignIn;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The frame of every citizen page: the tenant's name, logo and colours in the header, its contacts in the footer.
 * On the platform host: the platform's own neutral frame.
 */
@AnonymousAllowed
@StyleSheet("context://civic/portal.css")
public class PortalLayout extends Div implements RouterLayout {

    private final Main content = new Main();

    public PortalLayout(TenantRegistry tenants, AuthenticationContext authentication, Actors actors,
            Notifications notifications) {
        addClassName("civic-portal");
        getStyle().set("min-height", "100vh").set("display", "flex").set("flex-direction", "column");
        Optional<Tenant> tenant = TenantContext.currentTenant().flatMap(tenants::find);

        Header header = new Header();
        header.addClassName("civic-header");
        header.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-m)")
                .set("flex-wrap", "wrap").set("padding", "var(--lumo-space-s) var(--lumo-space-l)")
                .set("color", "#fff");
        H1 title = new H1();
        title.addClassName("civic-portal-name");
        title.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "0").set("color", "inherit");

        if (tenant.isPresent()) {
            TenantConfiguration c = tenant.get().configuration();
            Branding.applyColours(getStyle(), c.branding());
            header.getStyle().set("background", "var(--civic-primary)");
            Component logo = Branding.logo(c);
            if (logo != null) {
                header.add(logo);
            }
            title.setText(c.name());
            getElement().setAttribute("data-tenant", c.id());
        } else {
            header.getStyle().set("background", "#37474F");
            title.setText(getTranslation("platform.name"));
        }
        header.add(title);
        if (tenant.isPresent()) {
            HorizontalLayout nav = new HorizontalLayout();
            nav.addClassName("civic-nav");
            Branding.navigation(tenant.get().configuration())
                    .forEach(link -> nav.add(navLink(link.href(), getTranslation(link.textKey()))));
            header.add(nav);
        }
        HorizontalLayout account = new HorizontalLayout();
        account.setAlignItems(FlexComponent.Alignment.CENTER);
        account.getStyle().set("margin-left", "auto");
        account.add(new LanguageSwitch());
        Optional<OidcUser> user = authentication.getAuthenticatedUser(OidcUser.class);
        if (user.isPresent()) {
            Span name = new Span(Optional.ofNullable(user.get().getClaimAsString("name"))
                    .orElse(user.get().getSubject()));
            account.add(name);
            if (tenant.isPresent()) {
                long unread = unreadCount(actors, notifications);
                Anchor cabinet = new Anchor("cabinet", unread == 0 ? getTranslation("portal.nav.cabinet")
                        : getTranslation("portal.nav.cabinet.unread", unread));
                cabinet.addClassName("civic-cabinet-link");
                cabinet.getStyle().set("color", "inherit");
                account.add(cabinet);
            }
            // The workspace link only for those it would let in: staff here, or the owner on the platform host.
            boolean mayEnter = TenantContext.isPlatformScope() ? authentication.hasRole(Permissions.PLATFORM_OWNER)
                    : Arrays.stream(Permissions.STAFF).anyMatch(authentication::hasRole);
            if (mayEnter) {
                Anchor office = new Anchor("admin", getTranslation("portal.nav.office"));
                office.getStyle().set("color", "inherit");
                account.add(office);
            }
            Button signOut = new Button(getTranslation("portal.nav.signOut"), e -> authentication.logout());
            signOut.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            signOut.addClassName("civic-sign-out");
            account.add(signOut);
        } else {
            Anchor signIn = new Anchor(PortalSignIn.AUTHORIZATION_PATH, getTranslation("portal.nav.signIn"));
            signIn.setRouterIgnore(true);
            signIn.getStyle().set("color", "inherit").set("font-weight", "600");
            account.add(signIn);
        }
        header.add(account);

        content.addClassName("civic-content");
        content.getStyle().set("flex", "1").set("padding", "var(--lumo-space-l)").set("max-width", "1100px")
                .set("width", "100%").set("box-sizing", "border-box").set("margin", "0 auto");

        Footer footer = new Footer();
        footer.addClassName("civic-footer");
        footer.getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)")
                .set("background", "var(--lumo-contrast-5pct)").set("font-size", "var(--lumo-font-size-s)");
        tenant.map(t -> t.configuration().branding().footer()).ifPresent(f -> {
            if (f.organisation() != null) {
                footer.add(new Paragraph(f.organisation()));
            }
            String contacts = String.join(" · ", java.util.stream.Stream.of(f.address(), f.phone(), f.email(),
                    f.hours()).filter(s -> s != null && !s.isBlank()).toList());
            if (!contacts.isEmpty()) {
                footer.add(new Paragraph(contacts));
            }
        });
        // Keyboard users skip the header straight to the page's content.
        content.setId("civic-main");
        content.getElement().setAttribute("tabindex", "-1");
        Anchor skip = new Anchor("#civic-main", getTranslation("portal.nav.skipToContent"));
        skip.setRouterIgnore(true);
        skip.addClassName("civic-skip-link");
        add(skip, header, content, footer);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }

    private static long unreadCount(Actors actors, Notifications notifications) {
        return actors.current().map(a -> a.accountId() == null ? 0L : notifications.unreadCount(a.accountId()))
                .orElse(0L);
    }

    private static Anchor navLink(String href, String text) {
        Anchor link = new Anchor(href, text);
        link.getStyle().set("color", "white");
        return link;
    }
}
