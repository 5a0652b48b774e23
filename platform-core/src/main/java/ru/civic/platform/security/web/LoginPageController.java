package ru.civic.platform.security.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import ru.civic.platform.security.AuthorizationServerConfiguration;
import ru.civic.platform.security.EsiaSignIn;
import ru.civic.platform.tenancy.TenantConfiguration;

/**
 * The OpenID provider's sign-in page, in the tenant's colours and name. A plain server-rendered form: it must work
 * before any UI framework is involved, and it is where the portal sends people through the authorization code flow.
 *
 * <p>Where the tenant offers ESIA there is a "sign in through Gosuslugi" button; where ESIA is required, citizens see
 * only that button and the password form is behind a link for staff. Where the tenant allows self-registration, the
 * page links to it.
 */
@Controller
class LoginPageController {

    private final ProviderPage page;
    private final EsiaSignIn esia;

    LoginPageController(ProviderPage page, EsiaSignIn esia) {
        this.page = page;
        this.esia = esia;
    }

    @GetMapping(value = AuthorizationServerConfiguration.LOGIN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request) {
        String base = request.getContextPath();
        boolean failed = request.getParameter("error") != null;
        boolean staff = request.getParameter("staff") != null;
        var esiaSettings = esia.currentSettings();
        boolean esiaOnly = esiaSettings.map(TenantConfiguration.Esia::required).orElse(false) && !staff && !failed;
        boolean selfRegistration = page.tenant().map(c -> c.registration().selfRegistration()).orElse(false);

        StringBuilder body = new StringBuilder();
        if (failed) {
            body.append("<p class=\"error\" role=\"alert\">").append(page.t("login.failed")).append("</p>\n");
        } else if (request.getParameter("esiaError") != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(page.t("login.esiaFailed")).append("</p>\n");
        } else if (request.getParameter("logout") != null) {
            body.append("<p class=\"info\">").append(page.t("login.loggedOut")).append("</p>\n");
        }
        if (esiaSettings.isPresent() && !staff) {
            body.append("<a class=\"button esia\" id=\"esia\" href=\"").append(base).append(EsiaSignIn.AUTHORIZATION_PATH)
                    .append("\">").append(page.t("login.esia")).append("</a>\n");
        }
        if (esiaOnly) {
            body.append("<p class=\"links\"><a id=\"staff\" href=\"").append(base)
                    .append(AuthorizationServerConfiguration.LOGIN_PAGE).append("?staff\">")
                    .append(page.t("login.staff")).append("</a></p>\n");
        } else {
            if (esiaSettings.isPresent() && !staff) {
                body.append("<p class=\"or\">").append(page.t("login.or")).append("</p>\n");
            }
            body.append("""
                    <form method="post" action="%s">
                      <label for="username">%s</label>
                      <input id="username" name="username" autocomplete="username" required autofocus>
                      <label for="password">%s</label>
                      <input id="password" name="password" type="password" autocomplete="current-password" required>
                      %s
                      <button type="submit">%s</button>
                    </form>
                    """.formatted(base + AuthorizationServerConfiguration.LOGIN_PAGE, page.t("login.username"),
                    page.t("login.password"), ProviderPage.csrfField(request), page.t("login.submit")));
        }
        if (selfRegistration) {
            body.append("<p class=\"links\"><a id=\"register\" href=\"").append(base)
                    .append(AuthorizationServerConfiguration.REGISTER_PAGE).append("\">")
                    .append(page.t("login.register")).append("</a></p>\n");
        }
        return page.render(page.text(staff ? "login.staffTitle" : "login.title"), body.toString());
    }
}
