package ru.civic.platform.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Probes and metrics are read by Kubernetes and Prometheus, which do not sign in: health and prometheus are open
 * (keep them off the public ingress), every other actuator endpoint is closed.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to("health", "prometheus", "info")).permitAll()
                        .anyRequest().denyAll())
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.disable());
        return http.build();
    }
}
