package ru.civic.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Work handed to another thread runs in the tenant of the code that handed it over, and leaves nothing behind. */
class TenantAwareTaskDecoratorTest {

    private final TenantAwareTaskDecorator decorator = new TenantAwareTaskDecorator();

    @Test
    void carriesTheTenantToTheWorkerAndClearsItAfter() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<String> seen = new CompletableFuture<>();
            TenantContext.runAs(TenantId.of("tynda"), () -> single.execute(decorator.decorate(
                    () -> seen.complete(TenantContext.getRequiredTenantId().value()))));
            assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("tynda");

            CompletableFuture<String> after = new CompletableFuture<>();
            single.execute(() -> after.complete(TenantContext.settingValue()));
            assertThat(after.get(5, TimeUnit.SECONDS)).as("the worker thread is clean afterwards").isEmpty();
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void contextIsRestoredEvenWhenWorkFails() {
        TenantContext.runAs(TenantId.of("tomsk"), () -> {
            try {
                TenantContext.runAs(TenantId.of("zarechny"), () -> {
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                assertThat(TenantContext.getRequiredTenantId()).isEqualTo(TenantId.of("tomsk"));
            }
        });
        assertThat(TenantContext.currentScope()).isEmpty();
    }
}
