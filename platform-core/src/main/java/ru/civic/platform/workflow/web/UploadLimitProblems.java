package ru.civic.platform.workflow.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import ru.civic.platform.tenancy.TenantRegistry;

/**
 * An upload over the server's multipart limit fails before any controller is chosen, so the API's own advice (bound
 * to REST controllers) never sees it; this one applies everywhere and still answers with Problem Details.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadLimitProblems {

    private final MessageSource bundle;
    private final TenantRegistry tenants;

    UploadLimitProblems(MessageSource bundle, TenantRegistry tenants) {
        this.bundle = bundle;
        this.tenants = tenants;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        Locale locale = tenants.currentLocale();
        String detail = bundle.getMessage("problem.tooLarge.detail", null, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        problem.setTitle(bundle.getMessage("problem.invalid.title", null, locale));
        problem.setProperty("errors", List.of(new ApiProblems.FieldError("photos", "photo.totalSize", detail)));
        return problem;
    }
}
