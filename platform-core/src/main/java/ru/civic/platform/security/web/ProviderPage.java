package ru.civic.platform.security.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The frame of the OpenID provider's own pages (sign-in, registration): plain server-rendered HTML in the tenant's
 * colours and name, in the tenant's language. Texts come from the core message bundles.
 */
@Component
class ProviderPage {

    private final MessageSource messages;
    private final TenantRegistry tenants;

    ProviderPage(MessageSource messages, TenantRegistry tenants) {
        this.messages = messages;
        this.tenants = tenants;
    }

    Locale locale() {
        return tenants.currentLocale();
    }

    /** The host's tenant configuration; empty on the platform host. */
    java.util.Optional<TenantConfiguration> tenant() {
        return TenantContext.currentTenant().flatMap(tenants::find).map(t -> t.configuration());
    }

    String text(String key) {
        return messages.getMessage(key, null, key, locale());
    }

    /** A bundle text, HTML-escaped. */
    String t(String key) {
        return esc(text(key));
    }

    static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }

    static String csrfField(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return "<input type=\"hidden\" name=\"%s\" value=\"%s\">".formatted(
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : esc(csrf.getToken()));
    }

    /** A whole page: {@code heading} (escaped) above {@code body} (HTML). */
    String render(String heading, String body) {
        Locale locale = locale();
        String title;
        String primary = "#37474F";
        String background = "#F5F7FA";
        var tenant = tenant();
        if (tenant.isPresent()) {
            TenantConfiguration c = tenant.get();
            title = c.name();
            primary = c.branding().primaryColor();
            background = c.branding().backgroundColor() == null ? background : c.branding().backgroundColor();
        } else {
            title = text("platform.name");
        }
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s — %s</title>
                <style>
                  body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:%s;margin:0;
                       display:flex;min-height:100vh;align-items:center;justify-content:center;color:#1f2933}
                  main{background:#fff;padding:2rem;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.08);
                       width:min(360px,90vw);margin:1rem 0}
                  h1{font-size:1.25rem;margin:0 0 .25rem;color:%s} p.sub{margin:0 0 1.5rem;color:#52606d}
                  label{display:block;font-weight:600;margin:.75rem 0 .25rem}
                  input{width:100%%;box-sizing:border-box;padding:.6rem;border:1px solid #cbd2d9;border-radius:6px;font-size:1rem}
                  input:focus{outline:3px solid %s55;border-color:%s}
                  input[aria-invalid=true]{border-color:#9b1c1c}
                  label.check{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}
                  label.check input{width:auto;margin-top:.2rem}
                  button,a.button{display:block;box-sizing:border-box;text-align:center;text-decoration:none;
                         margin-top:1.25rem;width:100%%;padding:.7rem;border:0;border-radius:6px;background:%s;color:#fff;
                         font-size:1rem;font-weight:600;cursor:pointer}
                  a.button.esia{background:#0d4cd3}
                  .error{background:#fde8e8;color:#9b1c1c;padding:.6rem;border-radius:6px}
                  .info{background:#e8f4fd;color:#1c4f9b;padding:.6rem;border-radius:6px}
                  .field-error{color:#9b1c1c;margin:.25rem 0 0;font-size:.9rem}
                  p.or{text-align:center;color:#52606d;margin:1rem 0 0}
                  p.links{margin:1.25rem 0 0;text-align:center} p.links a{color:%s}
                </style></head>
                <body><main>
                <h1>%s</h1><p class="sub">%s</p>
                %s
                </main></body></html>
                """.formatted(locale.getLanguage(), esc(heading), esc(title), background, primary, primary, primary,
                primary, primary, esc(title), esc(heading), body);
    }
}
