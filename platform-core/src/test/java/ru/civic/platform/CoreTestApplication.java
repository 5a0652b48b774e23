package ru.civic.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.civic.platform.tenancy.TenantContext;

/** The platform core on its own, as the tests start it (the runnable application lives in portal-ui). */
@SpringBootApplication
public class CoreTestApplication {

    /** Every test context has the settable clock, so that tests standing on a date share one context. */
    @org.springframework.context.annotation.Bean
    @org.springframework.context.annotation.Primary
    ru.civic.platform.testsupport.TestClock testClock() {
        return new ru.civic.platform.testsupport.TestClock();
    }

    /** Says which scope a request was resolved to; lets tests observe host resolution. */
    @RestController
    static class WhoAmI {
        @GetMapping("/test/scope")
        String scope() {
            return TenantContext.settingValue();
        }
    }
}
