package ru.civic;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The runnable platform: citizen portals (this module), the back office under {@code /admin} (tenant-admin) and
 * the core (platform-core), in one Spring Boot application serving every tenant by host.
 */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
public class CivicPlatformApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(CivicPlatformApplication.class, args);
    }
}
