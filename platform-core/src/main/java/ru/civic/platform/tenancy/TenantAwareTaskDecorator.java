package ru.civic.platform.tenancy;

import org.springframework.core.task.TaskDecorator;

/**
 * Carries the submitting thread's tenant scope into {@code @Async} work and executor tasks, and clears it after.
 */
public class TenantAwareTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable runnable) {
        TenantContext.Scope captured = TenantContext.currentScope().orElse(null);
        return () -> TenantContext.callIn(captured, () -> {
            runnable.run();
            return null;
        });
    }
}
