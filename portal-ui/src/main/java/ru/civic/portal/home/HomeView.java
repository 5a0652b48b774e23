package ru.civic.portal.home;

import java.util.Comparator;
import java.util.Optional;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import ru.civic.platform.message.MessageFigures;
import ru.civic.platform.news.News;
import ru.civic.platform.shared.PlatformProperties;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PortalLayout;

/**
 * The home page of the host: a tenant's portal shell, or on the platform host the list of portals it serves.
 */
@Route(value = "", layout = PortalLayout.class)
@AnonymousAllowed
class HomeView extends Div implements HasDynamicTitle {

    private final String title;

    private final PlatformProperties properties;

    HomeView(TenantRegistry tenants, PlatformProperties properties, MessageFigures figures, News news) {
        this.properties = properties;
        addClassName("civic-home");
        Optional<Tenant> tenant = TenantContext.currentTenant().flatMap(tenants::find);
        if (tenant.isPresent()) {
            TenantConfiguration c = tenant.get().configuration();
            title = c.name();
            var home = news.current(HomeSections.NEWS_ON_HOME);
            home.maintenance().forEach(m -> add(HomeSections.maintenanceNotice(this, m)));
            H2 heading = new H2(c.branding().title());
            heading.getStyle().set("color", "var(--civic-primary)");
            add(heading);
            if (c.branding().tagline() != null) {
                add(new Paragraph(c.branding().tagline()));
            }
            add(new Paragraph(getTranslation(ru.civic.portal.shell.Branding.purposeKey(c))));
            // The two things most visitors came for, first: send a message, or see what others sent.
            Anchor send = new Anchor("submit", getTranslation(ru.civic.portal.shell.Branding.submitKey(c)));
            send.addClassName("civic-cta");
            send.getStyle().set("display", "inline-block").set("padding", "var(--lumo-space-s) var(--lumo-space-l)")
                    .set("background", "var(--civic-primary)").set("color", "#fff").set("font-weight", "600")
                    .set("border-radius", "var(--lumo-border-radius-m)").set("text-decoration", "none")
                    .set("margin-right", "var(--lumo-space-m)");
            Anchor feed = new Anchor("messages", getTranslation("portal.home.seeFeed"));
            add(new Div(send, feed));
            add(HomeSections.figures(this, figures.current()));
            if (!home.news().isEmpty()) {
                add(HomeSections.news(this, home.news(), c.zoneId()));
            }
            UnorderedList topics = new UnorderedList();
            topics.addClassName("civic-topics");
            c.categories().forEach(category -> topics.add(new ListItem(category.name())));
            add(new H2(getTranslation("portal.home.topics")), topics);
        } else {
            title = getTranslation("platform.name");
            add(new H2(getTranslation("platform.home.tenants")));
            UnorderedList list = new UnorderedList();
            list.addClassName("civic-tenant-list");
            tenants.all().stream().sorted(Comparator.comparing(t -> t.configuration().name())).forEach(t -> {
                TenantConfiguration c = t.configuration();
                ListItem item = new ListItem();
                item.add(new Anchor(portalUrl(c), c.name()));
                item.add(new Span(" — " + (c.region() != null ? c.region().name() : c.id())));
                if (!t.isActive()) {
                    item.add(new Span(" (" + getTranslation("platform.home.suspended") + ")"));
                }
                list.add(item);
            });
            add(list);
        }
    }

    /**
     * The tenant's address as seen from this platform host: its local name ({@code http://tomsk.localhost:8080/})
     * when the platform is used locally, its first production domain otherwise.
     */
    private String portalUrl(TenantConfiguration c) {
        VaadinServletRequest current = VaadinServletRequest.getCurrent();
        HttpServletRequest request = current == null ? null : current.getHttpServletRequest();
        int port = request == null ? 8080 : request.getServerPort();
        String scheme = request == null ? "http" : request.getScheme();
        String server = request == null ? properties.localDomain() : request.getServerName();
        boolean local = c.hosts().isEmpty() || server.equals(properties.localDomain())
                || server.equals("127.0.0.1");
        String host = local ? c.id() + "." + properties.localDomain() : c.hosts().getFirst();
        boolean defaultPort = port == 80 || port == 443;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + "/";
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
