package ru.civic.platform.security.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.account.EmailTakenException;
import ru.civic.platform.account.PasswordPolicy;
import ru.civic.platform.security.AuthorizationServerConfiguration;
import ru.civic.platform.security.ProviderSession;

/**
 * Self-registration of citizens at the platform's OpenID provider, where the host's tenant allows it: name, e-mail
 * address (the user name from then on), password and consent to the processing of personal data (152-FZ). The new
 * account is a citizen of the host's tenant only. On success the citizen is signed in and the sign-in the portal
 * started goes on, so they arrive at the portal signed in.
 */
@Controller
class RegistrationController {

    static final int MAX_TEXT = 255;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");

    private final ProviderPage page;
    private final AccountService accounts;
    private final ProviderSession session;

    RegistrationController(ProviderPage page, AccountService accounts, ProviderSession session) {
        this.page = page;
        this.accounts = accounts;
        this.session = session;
    }

    @GetMapping(value = AuthorizationServerConfiguration.REGISTER_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(HttpServletRequest request) {
        if (!allowed()) {
            return refused(request);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(render(request, "", "", false, Map.of()));
    }

    @PostMapping(value = AuthorizationServerConfiguration.REGISTER_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> register(@RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordRepeat, @RequestParam(required = false) String consent,
            HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!allowed()) {
            return refused(request);
        }
        boolean consented = consent != null;
        Map<String, String> errors = new LinkedHashMap<>();
        String trimmedName = name.strip();
        String trimmedEmail = email.strip();
        if (trimmedName.isEmpty()) {
            errors.put("name", "register.error.nameRequired");
        } else if (trimmedName.length() > MAX_TEXT) {
            errors.put("name", "register.error.tooLong");
        }
        if (trimmedEmail.length() > MAX_TEXT) {
            errors.put("email", "register.error.tooLong");
        } else if (!EMAIL.matcher(trimmedEmail).matches()) {
            errors.put("email", "register.error.emailInvalid");
        }
        PasswordPolicy.problem(password).ifPresent(key -> errors.put("password", key));
        if (!password.equals(passwordRepeat)) {
            errors.put("passwordRepeat", "register.error.passwordMismatch");
        }
        if (!consented) {
            errors.put("consent", "register.error.consentRequired");
        }
        if (errors.isEmpty()) {
            try {
                Account account = accounts.registerCitizen(trimmedName, trimmedEmail, password);
                session.signInAndContinue(account, FactorGrantedAuthority.PASSWORD_AUTHORITY, request, response);
                return null; // redirected
            } catch (EmailTakenException taken) {
                errors.put("email", "register.error.emailTaken");
            }
        }
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.TEXT_HTML)
                .body(render(request, name, email, consented, errors));
    }

    private boolean allowed() {
        return page.tenant().map(c -> c.registration().selfRegistration()).orElse(false);
    }

    private ResponseEntity<String> refused(HttpServletRequest request) {
        String body = "<p class=\"info\" role=\"alert\">" + page.t("register.unavailable") + "</p>\n"
                + "<p class=\"links\"><a href=\"" + request.getContextPath() + AuthorizationServerConfiguration.LOGIN_PAGE
                + "\">" + page.t("register.toLogin") + "</a></p>";
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                .body(page.render(page.text("register.title"), body));
    }

    private String render(HttpServletRequest request, String name, String email, boolean consented,
            Map<String, String> errors) {
        String base = request.getContextPath();
        StringBuilder body = new StringBuilder();
        if (!errors.isEmpty()) {
            body.append("<p class=\"error\" role=\"alert\">").append(page.t("register.failed")).append("</p>\n");
        }
        body.append("<form method=\"post\" action=\"").append(base).append(AuthorizationServerConfiguration.REGISTER_PAGE)
                .append("\" novalidate>\n");
        body.append(field("name", "text", "name", page.t("register.name"), name, errors));
        body.append(field("email", "email", "email", page.t("register.email"), email, errors));
        body.append(field("password", "password", "new-password", page.t("register.password"), "", errors));
        body.append(field("passwordRepeat", "password", "new-password", page.t("register.passwordRepeat"), "", errors));
        body.append("<label class=\"check\" for=\"consent\"><input type=\"checkbox\" id=\"consent\" name=\"consent\" "
                + "value=\"yes\"").append(consented ? " checked" : "")
                .append(errors.containsKey("consent") ? " aria-invalid=\"true\" aria-describedby=\"consent-error\"" : "")
                .append("> <span>").append(page.t("register.consent")).append("</span></label>\n");
        body.append(error("consent", errors));
        body.append(ProviderPage.csrfField(request)).append('\n');
        body.append("<button type=\"submit\">").append(page.t("register.submit")).append("</button>\n</form>\n");
        body.append("<p class=\"links\"><a href=\"").append(base).append(AuthorizationServerConfiguration.LOGIN_PAGE)
                .append("\">").append(page.t("register.toLogin")).append("</a></p>\n");
        return page.render(page.text("register.title"), body.toString());
    }

    private String field(String id, String type, String autocomplete, String label, String value,
            Map<String, String> errors) {
        boolean invalid = errors.containsKey(id);
        return "<label for=\"%s\">%s</label>\n<input id=\"%s\" name=\"%s\" type=\"%s\" autocomplete=\"%s\" value=\"%s\"%s>\n%s"
                .formatted(id, label, id, id, type, autocomplete, ProviderPage.esc(value),
                        invalid ? " aria-invalid=\"true\" aria-describedby=\"" + id + "-error\"" : "",
                        error(id, errors));
    }

    private String error(String id, Map<String, String> errors) {
        String key = errors.get(id);
        return key == null ? "" : "<p class=\"field-error\" id=\"%s-error\">%s</p>\n".formatted(id, page.t(key));
    }
}
