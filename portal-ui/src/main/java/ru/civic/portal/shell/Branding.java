package ru.civic.portal.shell;

import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.dom.Style;

import ru.civic.platform.tenancy.TenantConfiguration;

/** Applies a tenant's branding (colours, logo) to the UI: all from its configuration, nothing per city in code. */
public final class Branding {

    private Branding() {
    }

    /**
     * The bundle key naming what residents send here, by the first kind the tenant accepts: "report a problem",
     * "make a proposal" or "suggest an idea".
     */
    public static String submitKey(TenantConfiguration configuration) {
        return "portal.nav.submit." + configuration.intake().kinds().getFirst().name();
    }

    /** A link of the portal's main navigation: where it leads and the bundle key of its text. */
    public record NavLink(String href, String textKey) {
    }

    /**
     * The portal's main navigation, the same in the Vaadin frame ({@code PortalLayout}) and in the server-rendered
     * public pages.
     */
    public static java.util.List<NavLink> navigation(TenantConfiguration configuration) {
        java.util.List<NavLink> links = new java.util.ArrayList<>(java.util.List.of(
                new NavLink("submit", submitKey(configuration)),
                new NavLink("messages", "portal.nav.feed"), new NavLink("lookup", "portal.nav.lookup")));
        // Polls only where the tenant runs them (its polls rules and its portal's sections both say so).
        if (configuration.polls() != null && configuration.polls().enabled() && configuration.features().polls()) {
            links.add(new NavLink("polls", "portal.nav.polls"));
        }
        // «Обсуждения» only where the tenant runs idea campaigns (features.campaigns).
        if (configuration.features().campaigns()) {
            links.add(new NavLink("campaigns", "portal.nav.campaigns"));
        }
        // «Магазин» only where the tenant runs the bonus shop (its shop rules and its portal's sections both say so).
        if (configuration.shop() != null && configuration.shop().enabled() && configuration.features().shop()) {
            links.add(new NavLink("shop", "portal.nav.shop"));
        }
        links.addAll(java.util.List.of(new NavLink("organisations", "portal.nav.organisations"),
                new NavLink("contacts", "portal.nav.contacts"), new NavLink("faq", "portal.nav.faq")));
        return java.util.List.copyOf(links);
    }

    /** The bundle key of the home page's sentence saying what the portal is for, by the same rule. */
    public static String purposeKey(TenantConfiguration configuration) {
        return "portal.home.purpose." + configuration.intake().kinds().getFirst().name();
    }

    /** Sets the tenant's colours as CSS custom properties on an element; its whole subtree picks them up. */
    public static void applyColours(Style style, TenantConfiguration.Branding branding) {
        String primary = branding.primaryColor();
        String accent = branding.accentColor() == null ? primary : branding.accentColor();
        String background = branding.backgroundColor() == null ? "#FFFFFF" : branding.backgroundColor();
        style.set("--civic-primary", primary)
                .set("--civic-accent", accent)
                .set("--civic-background", background)
                .set("--lumo-primary-color", primary)
                .set("--lumo-primary-text-color", primary)
                .set("--lumo-primary-color-50pct", primary + "80")
                .set("--lumo-primary-color-10pct", primary + "1A")
                .set("background-color", background);
    }

    /** The tenant's logo (inline SVG from its configuration) as an image, or null when it has none. */
    public static Image logo(TenantConfiguration configuration) {
        TenantConfiguration.Logo logo = configuration.branding().logo();
        if (logo == null || logo.svg() == null || logo.svg().isBlank()) {
            return null;
        }
        // A data URL: the logo travels with the page, no extra request and no per-tenant resource route.
        String data = "data:image/svg+xml;base64," + java.util.Base64.getEncoder()
                .encodeToString(logo.svg().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Image image = new Image(data, logo.alt() == null ? configuration.shortName() : logo.alt());
        image.setHeight("48px");
        image.addClassName("civic-logo");
        return image;
    }
}
