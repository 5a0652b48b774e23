package ru.civic.portal.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import ru.civic.platform.security.Permissions;
import ru.civic.platform.security.PortalSignIn;

/**
 * The portal's and back office's filter chain: Vaadin's rules, sign-in through the platform's OpenID provider, and
 * the back office fenced at the HTTP level as well as by {@code @RolesAllowed} on its views.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain uiChain(HttpSecurity http, PortalSignIn signIn) throws Exception {
        http.authorizeHttpRequests(a -> a
                // Leaflet from its WebJar and the portal's own scripts: public static files.
                .requestMatchers("/webjars/**", "/civic/**").permitAll()
                .requestMatchers("/admin", "/admin/**").hasAnyRole(staffOrOwner()));
        signIn.apply(http);
        http.with(vaadin(), vaadin -> vaadin.oauth2LoginPage(PortalSignIn.AUTHORIZATION_PATH));
        return http.build();
    }

    private static String[] staffOrOwner() {
        String[] roles = java.util.Arrays.copyOf(Permissions.STAFF, Permissions.STAFF.length + 1);
        roles[roles.length - 1] = Permissions.PLATFORM_OWNER;
        return roles;
    }
}
