package ru.civic.platform.security.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The OpenID provider's sign-in page, in the tenant's colours and name. A plain server-rendered form: it must work
 * before any UI framework is involved, and it is where the portal sends people through the authorization code flow.
 */
@Controller
class LoginPageController {

    private final MessageSource messages;
    private final TenantRegistry tenants;

    LoginPageController(MessageSource messages, TenantRegistry tenants) {
        this.messages = messages;
        this.tenants = tenants;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request) {
        Locale locale = tenants.currentLocale();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String title;
        String primary = "#37474F";
        String background = "#F5F7FA";
        var tenant = TenantContext.currentTenant().flatMap(tenants::find);
        if (tenant.isPresent()) {
            TenantConfiguration c = tenant.get().configuration();
            title = c.name();
            primary = c.branding().primaryColor();
            background = c.branding().backgroundColor() == null ? background : c.branding().backgroundColor();
        } else {
            title = text("platform.name", locale);
        }
        boolean failed = request.getParameter("error") != null;
        boolean loggedOut = request.getParameter("logout") != null;
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s — %s</title>
                <style>
                  body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:%s;margin:0;
                       display:flex;min-height:100vh;align-items:center;justify-content:center;color:#1f2933}
                  main{background:#fff;padding:2rem;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.08);
                       width:min(360px,90vw)}
                  h1{font-size:1.25rem;margin:0 0 .25rem;color:%s} p.sub{margin:0 0 1.5rem;color:#52606d}
                  label{display:block;font-weight:600;margin:.75rem 0 .25rem}
                  input{width:100%%;box-sizing:border-box;padding:.6rem;border:1px solid #cbd2d9;border-radius:6px;font-size:1rem}
                  input:focus{outline:3px solid %s55;border-color:%s}
                  button{margin-top:1.25rem;width:100%%;padding:.7rem;border:0;border-radius:6px;background:%s;color:#fff;
                         font-size:1rem;font-weight:600;cursor:pointer}
                  .error{background:#fde8e8;color:#9b1c1c;padding:.6rem;border-radius:6px}
                  .info{background:#e8f4fd;color:#1c4f9b;padding:.6rem;border-radius:6px}
                </style></head>
                <body><main>
                <h1>%s</h1><p class="sub">%s</p>
                %s
                <form method="post" action="login">
                  <label for="username">%s</label>
                  <input id="username" name="username" autocomplete="username" required autofocus>
                  <label for="password">%s</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">%s</button>
                </form>
                </main></body></html>
                """.formatted(locale.getLanguage(), esc(text("login.title", locale)), esc(title), background,
                primary, primary, primary, primary, esc(title), esc(text("login.title", locale)),
                failed ? "<p class=\"error\" role=\"alert\">" + esc(text("login.failed", locale)) + "</p>"
                        : loggedOut ? "<p class=\"info\">" + esc(text("login.loggedOut", locale)) + "</p>" : "",
                esc(text("login.username", locale)), esc(text("login.password", locale)),
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : esc(csrf.getToken()),
                esc(text("login.submit", locale)));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
