package ru.civic.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import ru.civic.platform.shared.PlatformProperties;
import ru.civic.platform.tenancy.TenantAwareTaskDecorator;

/**
 * Platform-wide wiring. The task decorator is applied by Spring Boot to its application task executor, so every
 * {@code @Async} method and async event listener runs in the tenant context of the code that triggered it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
@EnableScheduling
@EnableAsync
class PlatformCoreConfiguration {

    @Bean
    TaskDecorator tenantAwareTaskDecorator() {
        return new TenantAwareTaskDecorator();
    }
}
