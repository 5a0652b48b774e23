package ru.civic.portal.shell;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The browser tab icon of the host's tenant: its {@code branding.favicon} SVG, or else its logo, written into the
 * page head of every page request as a data URL, so each portal's tab shows its own emblem with no per-tenant route.
 */
@Component
public class TenantFavicon implements VaadinServiceInitListener {

    private final TenantRegistry tenants;

    TenantFavicon(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            Optional<String> href = TenantContext.currentTenant().flatMap(tenants::find)
                    .flatMap(t -> href(t.configuration()));
            href.ifPresent(h -> {
                Element head = response.getDocument().head();
                head.select("link[rel~=icon]").remove();
                head.appendElement("link").attr("rel", "icon").attr("type", "image/svg+xml").attr("href", h);
            });
        });
    }

    /** The tenant's tab icon as a data URL, when it has a favicon or a logo. */
    public static Optional<String> href(TenantConfiguration configuration) {
        TenantConfiguration.Branding branding = configuration.branding();
        String svg = branding.favicon();
        if ((svg == null || svg.isBlank()) && branding.logo() != null) {
            svg = branding.logo().svg();
        }
        if (svg == null || svg.isBlank()) {
            return Optional.empty();
        }
        return Optional.of("data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.strip().getBytes(StandardCharsets.UTF_8)));
    }
}
