package ru.civic.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;

/** {@code @Async} methods and async event listeners run in the tenant of the code that triggered them. */
@SpringBootTest
class AsyncTenantPropagationTest {

    record SomethingHappened(TenantId tenantId, CompletableFuture<String> seenBy) {
    }

    static class AsyncWork {
        @Async
        public CompletableFuture<String> whichTenant() {
            return CompletableFuture.completedFuture(TenantContext.settingValue() + "@" + Thread.currentThread().getName());
        }

        @Async
        @EventListener
        public void on(SomethingHappened event) {
            event.seenBy().complete(TenantContext.settingValue());
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        AsyncWork asyncWork() {
            return new AsyncWork();
        }
    }

    @Autowired
    AsyncWork work;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void asyncMethodSeesTheCallersTenant() throws Exception {
        String caller = Thread.currentThread().getName();
        String seen = TenantContext.callAs(TenantId.of("gubkinsky"), () -> work.whichTenant()).get(5, TimeUnit.SECONDS);

        assertThat(seen).startsWith("gubkinsky@").doesNotEndWith("@" + caller);
    }

    @Test
    void asyncEventListenerSeesThePublishersTenant() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        TenantContext.runAs(TenantId.of("zarechny"),
                () -> events.publishEvent(new SomethingHappened(TenantId.of("zarechny"), seen)));

        assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("zarechny");
    }
}
