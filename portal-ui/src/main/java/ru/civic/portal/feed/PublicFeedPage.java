package ru.civic.portal.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import ru.civic.platform.message.FeedPage;
import ru.civic.platform.message.FeedQuery;
import ru.civic.platform.security.PortalSignIn;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.Branding;
import ru.civic.portal.shell.TenantFavicon;

/**
 * The public feed as a plain server-rendered page for a visitor who has no session yet: most readers of a portal only
 * read, and a Vaadin page costs each of them a session, a UI and three requests (about 84 KB of heap and 5 ms of CPU,
 * docs/benchmarks/portal-pages.md). This page is one request, no session, the same cards ({@link FeedCards}) and
 * filters as an ordinary HTML form, so it works without JavaScript and search engines see it. Everything interactive
 * (the map, the message page, supporting, signing in, sending) is the Vaadin portal, reached by the page's links;
 * a visitor who already has a session (signed in, or who chose a language) gets the Vaadin feed at the same address.
 */
@Component
class PublicFeedPage extends OncePerRequestFilter {

    private final TenantRegistry tenants;
    private final FeedPages pages;
    private final MessageSource bundle;

    PublicFeedPage(TenantRegistry tenants, FeedPages pages, MessageSource bundle) {
        this.tenants = tenants;
        this.pages = pages;
        this.bundle = bundle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !(request.getContextPath() + "/messages").equals(request.getRequestURI())
                || request.getParameter("v-r") != null
                || request.getParameter("interactive") != null
                || request.getSession(false) != null
                || TenantContext.currentTenant().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TenantConfiguration tenant = tenants.currentConfiguration();
        if (tenant.guests() != null && !tenant.guests().read()) {
            chain.doFilter(request, response); // the Vaadin portal asks the guest to sign in
            return;
        }
        Locale locale = Locale.forLanguageTag(tenant.defaultLocale());
        FeedQuery query = FeedParameters.parse(parameters(request), tenant, MessageListView.PAGE_SIZE);
        FeedPage page = pages.feed(query);
        FeedCards.Texts t = (key, args) -> bundle.getMessage(key, args, key, locale);
        String cards = pages.html(page, locale, p -> FeedCards.render(p, tenant.zoneId(), t));
        byte[] body = render(tenant, locale, query, page, cards, t).getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        return request.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Arrays.asList(e.getValue())));
    }

    private static String render(TenantConfiguration tenant, Locale locale, FeedQuery q, FeedPage page, String cards,
            FeedCards.Texts t) {
        TenantConfiguration.Branding b = tenant.branding();
        String primary = b.primaryColor();
        String accent = b.accentColor() == null ? primary : b.accentColor();
        String background = b.backgroundColor() == null ? "#FFFFFF" : b.backgroundColor();
        StringBuilder h = new StringBuilder(8_192 + cards.length());
        h.append("<!DOCTYPE html><html lang=\"").append(e(locale.getLanguage())).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(e(t.get("portal.feed.title"))).append(" — ").append(e(tenant.name()))
                .append("</title>");
        TenantFavicon.href(tenant).ifPresent(href -> h.append("<link rel=\"icon\" type=\"image/svg+xml\" href=\"")
                .append(e(href)).append("\">"));
        h.append("<link rel=\"stylesheet\" href=\"civic/public.css\"><link rel=\"stylesheet\" href=\"civic/feed.css\">")
                .append("<style>:root{--civic-primary:").append(css(primary)).append(";--civic-accent:")
                .append(css(accent)).append(";--civic-background:").append(css(background)).append("}</style>")
                .append("</head><body class=\"civic-public\" data-tenant=\"").append(e(tenant.id())).append("\">")
                .append("<a class=\"civic-skip-link\" href=\"#civic-main\">")
                .append(e(t.get("portal.nav.skipToContent"))).append("</a>");
        header(h, tenant, t);
        h.append("<main id=\"civic-main\" class=\"civic-content civic-feed\" tabindex=\"-1\"><h2>")
                .append(e(t.get("portal.feed.title"))).append("</h2>");
        filters(h, tenant, q, t);
        h.append("<p class=\"civic-feed-total\">").append(e(t.get("portal.feed.total", page.total()))).append("</p>")
                .append("<div class=\"civic-feed-list\" aria-live=\"polite\">");
        if (page.items().isEmpty()) {
            h.append("<p>").append(e(t.get("portal.feed.empty"))).append("</p>");
        } else {
            h.append("<div class=\"civic-feed-cards\">").append(cards).append("</div>");
        }
        h.append("</div>");
        pager(h, q, page, t);
        h.append("</main>");
        footer(h, tenant);
        h.append("</body></html>");
        return h.toString();
    }

    private static void header(StringBuilder h, TenantConfiguration tenant, FeedCards.Texts t) {
        h.append("<header class=\"civic-header\">");
        TenantConfiguration.Logo logo = tenant.branding().logo();
        if (logo != null && logo.svg() != null && !logo.svg().isBlank()) {
            h.append("<img class=\"civic-logo\" height=\"48\" alt=\"")
                    .append(e(logo.alt() == null ? tenant.shortName() : logo.alt()))
                    .append("\" src=\"data:image/svg+xml;base64,").append(java.util.Base64.getEncoder()
                            .encodeToString(logo.svg().getBytes(StandardCharsets.UTF_8))).append("\">");
        }
        h.append("<h1 class=\"civic-portal-name\"><a href=\"./\">").append(e(tenant.name())).append("</a></h1>")
                .append("<nav class=\"civic-nav\">");
        Branding.navigation(tenant).forEach(link -> link(h, link.href(), t.get(link.textKey())));
        h.append("</nav><div class=\"civic-account\"><a class=\"civic-sign-in\" href=\"")
                .append(e(PortalSignIn.AUTHORIZATION_PATH.substring(1))).append("\">")
                .append(e(t.get("portal.nav.signIn"))).append("</a></div></header>");
    }

    private static void filters(StringBuilder h, TenantConfiguration tenant, FeedQuery q, FeedCards.Texts t) {
        h.append("<form class=\"civic-feed-filters\" method=\"get\" action=\"messages\">");
        List<String[]> categories = tenant.allCategories().stream()
                .map(c -> new String[] {c.id(), tenant.categoryTitle(c.id())}).toList();
        select(h, "category", t.get("portal.feed.category"), t.get("portal.feed.any"), categories, q.categoryId());
        select(h, "status", t.get("portal.feed.status"), t.get("portal.feed.any"),
                Stream.of(StageStatus.values()).map(s -> new String[] {s.name(), t.get("portal.status." + s.name())})
                        .toList(), q.status() == null ? null : q.status().name());
        if (!tenant.districts().isEmpty()) {
            select(h, "district", t.get("portal.feed.district"), t.get("portal.feed.any"),
                    tenant.districts().stream().map(d -> new String[] {d.id(), d.name()}).toList(), q.districtId());
        }
        date(h, "from", t.get("portal.feed.from"), q.from());
        date(h, "to", t.get("portal.feed.to"), q.to());
        select(h, "order", t.get("portal.feed.order"), null,
                Stream.of(FeedQuery.Order.values()).map(o -> new String[] {o.name(), t.get("portal.feed.order." + o.name())})
                        .toList(), q.order().name());
        h.append("<button type=\"submit\">").append(e(t.get("portal.feed.show"))).append("</button>");
        if (tenant.features().map()) {
            h.append("<a class=\"civic-feed-interactive\" href=\"messages?interactive\">")
                    .append(e(t.get("portal.feed.onMap"))).append("</a>");
        }
        h.append("</form>");
    }

    private static void select(StringBuilder h, String name, String label, String any, List<String[]> options,
            String selected) {
        h.append("<label class=\"civic-field\"><span>").append(e(label)).append("</span><select name=\"")
                .append(name).append("\">");
        if (any != null) {
            h.append("<option value=\"\">").append(e(any)).append("</option>");
        }
        for (String[] o : options) {
            h.append("<option value=\"").append(e(o[0])).append('"')
                    .append(o[0].equals(selected) ? " selected" : "").append('>').append(e(o[1])).append("</option>");
        }
        h.append("</select></label>");
    }

    private static void date(StringBuilder h, String name, String label, java.time.LocalDate value) {
        h.append("<label class=\"civic-field\"><span>").append(e(label)).append("</span><input type=\"date\" name=\"")
                .append(name).append("\" value=\"").append(value == null ? "" : value.toString()).append("\"></label>");
    }

    private static void pager(StringBuilder h, FeedQuery q, FeedPage page, FeedCards.Texts t) {
        if (page.pages() <= 1) {
            return;
        }
        h.append("<nav class=\"civic-pager\">");
        if (q.page() > 0) {
            h.append("<a class=\"civic-feed-previous\" rel=\"prev\" href=\"messages?")
                    .append(e(FeedParameters.format(q, q.page() - 1))).append("\">")
                    .append(e(t.get("portal.feed.previous"))).append("</a>");
        }
        h.append("<span>").append(e(t.get("portal.feed.page", q.page() + 1, page.pages()))).append("</span>");
        if (q.page() + 1 < page.pages()) {
            h.append("<a class=\"civic-feed-next\" rel=\"next\" href=\"messages?")
                    .append(e(FeedParameters.format(q, q.page() + 1))).append("\">")
                    .append(e(t.get("portal.feed.next"))).append("</a>");
        }
        h.append("</nav>");
    }

    private static void footer(StringBuilder h, TenantConfiguration tenant) {
        h.append("<footer class=\"civic-footer\">");
        TenantConfiguration.Footer f = tenant.branding().footer();
        if (f != null) {
            if (f.organisation() != null) {
                h.append("<p>").append(e(f.organisation())).append("</p>");
            }
            String contacts = Stream.of(f.address(), f.phone(), f.email(), f.hours())
                    .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" · "));
            if (!contacts.isEmpty()) {
                h.append("<p>").append(e(contacts)).append("</p>");
            }
        }
        h.append("</footer>");
    }

    private static void link(StringBuilder h, String href, String text) {
        h.append("<a href=\"").append(href).append("\">").append(e(text)).append("</a>");
    }

    private static String e(String text) {
        return FeedCards.escape(text);
    }

    /** Colours come from validated configuration; this keeps anything else out of the style element anyway. */
    private static String css(String colour) {
        return colour != null && colour.matches("#[0-9A-Fa-f]{3,8}") ? colour : "#37474F";
    }

}
