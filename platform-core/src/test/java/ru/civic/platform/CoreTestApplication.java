package ru.civic.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.civic.platform.tenancy.TenantContext;

/** The platform core on its own, as the tests start it (the runnable application lives in portal-ui). */
@SpringBootApplication
public class CoreTestApplication {

    /** Says which scope a request was resolved to; lets tests observe host resolution. */
    @RestController
    static class WhoAmI {
        @GetMapping("/test/scope")
        String scope() {
            return TenantContext.settingValue();
        }
    }
}
