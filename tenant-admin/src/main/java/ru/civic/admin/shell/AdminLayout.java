package ru.civic.admin.shell;

import java.util.Arrays;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.PushConfiguration;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import ru.civic.platform.security.Permissions;
import ru.civic.platform.security.TenantClaims;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The frame of every back-office page. Its menu is collected from the routes marked {@code @Menu} (title = bundle
 * key), filtered by Vaadin to those this person's roles may open, so a feature adds its screen without touching the
 * frame. Entering any page inside it first checks that the sign-in was issued for this very host (a tenant's staff
 * here, or the platform owner on the platform host): roles alone are not enough.
 */
// Any signed-in person may reach the frame; each page names its roles, and beforeEnter checks the host binding.
@PermitAll
@StyleSheet("context://civic/admin.css")
public class AdminLayout extends Div implements RouterLayout, BeforeEnterObserver {

    private final AuthenticationContext authentication;
    private final TenantRegistry tenants;
    private final Main content = new Main();

    public AdminLayout(TenantRegistry tenants, AuthenticationContext authentication) {
        this.authentication = authentication;
        this.tenants = tenants;
        addClassName("civic-admin-frame");
        Optional<Tenant> tenant = TenantContext.currentTenant().flatMap(tenants::find);

        Header header = new Header();
        header.addClassName("civic-admin-header");
        Anchor home = new Anchor("admin", tenant.map(t -> getTranslation("admin.frame.title", t.configuration().name()))
                .orElseGet(() -> getTranslation("admin.platform.title")));
        home.addClassName("civic-admin-home");
        header.add(home);

        Nav menu = new Nav();
        menu.addClassName("civic-admin-menu");
        TenantConfiguration configuration = tenant.map(Tenant::configuration).orElse(null);
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (!TenantFeature.Feature.enabled(entry.menuClass(), configuration)) {
                continue;
            }
            Anchor link = new Anchor(entry.path(), getTranslation(entry.title()));
            link.getElement().setAttribute("data-path", entry.path());
            menu.add(link);
        }
        header.add(menu);

        Div account = new Div();
        account.addClassName("civic-admin-account");
        authentication.getAuthenticatedUser(OidcUser.class).ifPresent(user -> account.add(new Span(
                Optional.ofNullable(user.getClaimAsString(TenantClaims.NAME)).orElse(user.getSubject()))));
        if (tenant.isPresent()) {
            Anchor portal = new Anchor("", getTranslation("admin.frame.portal"));
            account.add(portal);
        }
        Button signOut = new Button(getTranslation("admin.frame.signOut"), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClassName("civic-sign-out");
        account.add(signOut);
        header.add(account);

        content.addClassName("civic-admin-content");
        add(header, content);
    }

    /**
     * Staff screens receive new work without reloading. Only server-to-browser messages use the WebSocket; the
     * browser's own requests stay ordinary HTTP, so they pass the tenant filter and Spring Security like any page.
     * The citizen portal does not push: its visitors need no open connection each.
     */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        PushConfiguration push = attachEvent.getUI().getPushConfiguration();
        push.setPushMode(PushMode.AUTOMATIC);
        push.setTransport(Transport.WEBSOCKET_XHR);
    }

    /**
     * The host check for every back-office screen: Vaadin calls the layout before the view and stops at a reroute,
     * so a screen's own {@code beforeEnter} (which loads its data) never runs for a sign-in issued elsewhere.
     * Screens repeat it only where they need the person anyway (queues, the card). {@code HostBindingTest} covers
     * each screen.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!issuedForThisHost(authentication)) {
            event.rerouteToError(AccessDeniedException.class, getTranslation("admin.denied"));
            return;
        }
        TenantConfiguration configuration = TenantContext.currentTenant().flatMap(tenants::find)
                .map(Tenant::configuration).orElse(null);
        if (!TenantFeature.Feature.enabled(event.getNavigationTarget(), configuration)) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    /**
     * True when the signed-in person's token was issued for this host's tenant (or for the platform, on the platform
     * host) and they hold a role that enters the back office here.
     */
    public static boolean issuedForThisHost(AuthenticationContext authentication) {
        OidcUser user = authentication.getAuthenticatedUser(OidcUser.class).orElse(null);
        String issuedFor = user == null ? null : user.getClaimAsString(TenantClaims.TENANT);
        if (issuedFor == null || !issuedFor.equals(TenantContext.settingValue())) {
            return false;
        }
        return TenantContext.isPlatformScope() ? authentication.hasRole(Permissions.PLATFORM_OWNER)
                : Arrays.stream(Permissions.STAFF).anyMatch(authentication::hasRole);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }
}
