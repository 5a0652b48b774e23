package ru.civic.platform.workflow.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.MessageNotFoundException;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.workflow.ActionDeniedException;

/**
 * RFC 9457 Problem Details for the REST API: a title and detail in the tenant's language, and for invalid input an
 * {@code errors} list with the field, a stable code and the text, so a client can show each next to its field.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems {

    private final MessageSource bundle;
    private final TenantRegistry tenants;

    ApiProblems(MessageSource bundle, TenantRegistry tenants) {
        this.bundle = bundle;
        this.tenants = tenants;
    }

    record FieldError(String field, String code, String message) {
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        Locale locale = tenants.currentLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                e.problems().stream().map(p -> text(p, locale)).reduce((a, b) -> a + "; " + b).orElse(""));
        problem.setTitle(bundle.getMessage("problem.invalid.title", null, locale));
        List<FieldError> errors = e.problems().stream()
                .map(p -> new FieldError(p.field(), p.code(), text(p, locale))).toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(MessageNotFoundException.class)
    ProblemDetail notFound(MessageNotFoundException e) {
        Locale locale = tenants.currentLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                bundle.getMessage("problem.notFound.detail", null, locale));
        problem.setTitle(bundle.getMessage("problem.notFound.title", null, locale));
        return problem;
    }

    @ExceptionHandler(ActionDeniedException.class)
    ProblemDetail denied(ActionDeniedException e) {
        Locale locale = tenants.currentLocale();
        HttpStatus status = e.why() == ActionDeniedException.Why.NOT_AT_THIS_STAGE
                || e.why() == ActionDeniedException.Why.NOT_AVAILABLE ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                bundle.getMessage("problem.action." + e.why().name(), null, e.getMessage(), locale));
        problem.setTitle(bundle.getMessage("problem.action.title", null, locale));
        problem.setProperty("reason", e.why().name());
        return problem;
    }

    @ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
    org.springframework.http.ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
        Locale locale = tenants.currentLocale();
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (authentication == null
                || authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            // Nobody signed in: that is "who are you?" (401), not "you may not" (403).
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    bundle.getMessage("problem.unauthorized.detail", null, locale));
            problem.setTitle(bundle.getMessage("problem.unauthorized.title", null, locale));
            return org.springframework.http.ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer").body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                bundle.getMessage("problem.forbidden.detail", null, locale));
        problem.setTitle(bundle.getMessage("problem.forbidden.title", null, locale));
        return org.springframework.http.ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Locale locale = tenants.currentLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                bundle.getMessage("problem.unreadable.detail", new Object[] { rootMessage(e) }, locale));
        problem.setTitle(bundle.getMessage("problem.invalid.title", null, locale));
        return problem;
    }

    private String text(FieldProblem p, Locale locale) {
        return bundle.getMessage(p.code(), p.args().toArray(), p.code(), locale);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? "" : m.lines().findFirst().orElse("");
    }
}
