package ru.civic.platform.testsupport;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several Spring contexts live in one test JVM (the test framework caches them). Vaadin's security configuration
 * installs its own {@link SecurityContextHolderStrategy} globally when a context starts, so after a second context
 * starts, a cached first one would read sign-ins from another holder than its filters and method security write to
 * (sign-ins "vanish": 401s and "no Authentication" errors that depend on test order). Before each test this puts the
 * running context's own strategy back. One context per process, as in production, never needs it.
 */
public class SecurityStrategyPerContext implements TestExecutionListener, Ordered {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        restore(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        restore(testContext);
    }

    private static void restore(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(strategy -> {
                    if (SecurityContextHolder.getContextHolderStrategy() != strategy) {
                        SecurityContextHolder.setContextHolderStrategy(strategy);
                    }
                });
    }

    @Override
    public int getOrder() {
        // before Spring Security's WithSecurityContextTestExecutionListener (order 10000) sets up @WithMockUser
        return 1000;
    }
}
