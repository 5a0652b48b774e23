package ru.civic.platform.notification.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Scheduling itself is enabled platform-wide ({@code PlatformCoreConfiguration}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailRelayProperties.class)
class NotificationConfiguration {
}
