package ru.civic.platform.tenancy.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.civic.platform.shared.PlatformProperties;
import ru.civic.platform.tenancy.ConfigurationProblem;
import ru.civic.platform.tenancy.TenantConfigurationException;
import ru.civic.platform.tenancy.TenantContext;

/**
 * Imports {@code config/tenants/*.yaml} into the database: all of them before the application serves anything
 * (an invalid file stops start-up, naming the file, the path and the problem), then new or changed files while it
 * runs. A file whose content has not changed since its last import is skipped, so edits made in the admin UI are
 * not overwritten by an unchanged file.
 */
@Component
class TenantConfigurationFiles implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TenantConfigurationFiles.class);

    private final Path directory;
    private final TenantStore store;
    private final DefaultTenantAdministration administration;
    private final CachingTenantRegistry registry;

    TenantConfigurationFiles(PlatformProperties properties, TenantStore store,
            DefaultTenantAdministration administration, CachingTenantRegistry registry) {
        this.directory = properties.configDir().resolve("tenants");
        this.store = store;
        this.administration = administration;
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        TenantContext.runInPlatformScope(() -> {
            registry.reload();
            List<ConfigurationProblem> problems = importChanged();
            if (!problems.isEmpty()) {
                throw new TenantConfigurationException(problems);
            }
            log.info("Serving {} tenants: {}", registry.all().size(),
                    registry.all().stream().map(t -> t.id().value()).toList());
        });
    }

    @Scheduled(fixedDelayString = "${platform.tenant-scan-interval:30s}",
            initialDelayString = "${platform.tenant-scan-interval:30s}")
    void rescan() {
        TenantContext.runInPlatformScope(() -> importChanged()
                .forEach(p -> log.error("Tenant file not imported: {}", p)));
    }

    /** Imports every new or changed file; returns the problems of those that were refused. */
    synchronized List<ConfigurationProblem> importChanged() {
        List<ConfigurationProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            log.warn("No tenant configuration folder at {}", directory.toAbsolutePath());
            return problems;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + directory, e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - ".yaml".length());
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String hash = sha256(text);
                boolean unchanged = store.find(id).map(s -> Objects.equals(s.sourceHash(), hash)).orElse(false);
                if (!unchanged) {
                    administration.save("file:" + name, text, id, hash, "config/tenants/" + name);
                    log.info("Imported tenant configuration {}", name);
                }
            } catch (TenantConfigurationException e) {
                problems.addAll(e.problems().stream()
                        .map(p -> new ConfigurationProblem(file.toString(), p.path(), p.message(), p.code(), p.args()))
                        .toList());
            } catch (IOException e) {
                problems.add(new ConfigurationProblem(file.toString(), "$", "cannot be read: " + e.getMessage()));
            }
        }
        return problems;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
