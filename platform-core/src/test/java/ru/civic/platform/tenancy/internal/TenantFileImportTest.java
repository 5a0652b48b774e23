package ru.civic.platform.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.shared.PlatformProperties;
import ru.civic.platform.tenancy.TenantId;

/**
 * A new file in {@code config/tenants} becomes a served tenant while the platform runs; an unchanged file is not
 * imported again (so edits made in the database survive); a broken file is refused with its path and problem.
 */
@SpringBootTest
class TenantFileImportTest {

    private static final Path SHIPPED = Path.of(System.getProperty("platform.repository-root", ".."), "config", "tenants");

    @Autowired
    TenantStore store;
    @Autowired
    DefaultTenantAdministration administration;
    @Autowired
    CachingTenantRegistry registry;
    @Autowired
    PlatformProperties properties;

    @TempDir
    Path config;

    private TenantConfigurationFiles filesIn(Path dir) {
        PlatformProperties pointingThere = new PlatformProperties(dir, properties.localDomain(),
                properties.platformHosts(), properties.tenantScanInterval(), false, properties.database(),
                properties.hazelcast(), properties.auth());
        return new TenantConfigurationFiles(pointingThere, store, administration, registry);
    }

    private static String city(String id, String name) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode tree = (ObjectNode) yaml.readTree(Files.readString(SHIPPED.resolve("zarechny.yaml")));
        tree.put("id", id);
        tree.put("name", name);
        tree.putArray("hosts").add(id + ".example.ru");
        return yaml.writeValueAsString(tree);
    }

    @Test
    void aDroppedInFileIsServedWithoutRestartAndImportedOnlyWhenItChanges() throws Exception {
        Files.createDirectories(config.resolve("tenants"));
        Path file = config.resolve("tenants/sarov.yaml");
        Files.writeString(file, city("sarov", "Саров"));
        TenantConfigurationFiles files = filesIn(config);

        assertThat(files.importChanged()).isEmpty();
        assertThat(registry.findByHost("sarov.localhost")).isPresent();
        long version = registry.getRequired(TenantId.of("sarov")).version();

        assertThat(files.importChanged()).isEmpty();
        assertThat(registry.getRequired(TenantId.of("sarov")).version()).as("unchanged file").isEqualTo(version);

        Files.writeString(file, city("sarov", "Саров — город науки"));
        assertThat(files.importChanged()).isEmpty();
        assertThat(registry.getRequired(TenantId.of("sarov")).version()).isEqualTo(version + 1);
        assertThat(registry.getRequired(TenantId.of("sarov")).configuration().name()).isEqualTo("Саров — город науки");
    }

    @Test
    void aBrokenFileIsRefusedWithItsPathAndTheOthersStillImport() throws Exception {
        Files.createDirectories(config.resolve("tenants"));
        Files.writeString(config.resolve("tenants/bad.yaml"), city("bad", "Плохой").replace("maxCount: 4", "maxCount: -1"));
        Files.writeString(config.resolve("tenants/good.yaml"), city("good", "Хороший"));

        var problems = filesIn(config).importChanged();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("tenants/bad.yaml");
            assertThat(p.path()).isEqualTo("$.photos.maxCount");
        });
        assertThat(registry.find(TenantId.of("bad"))).isEmpty();
        assertThat(registry.find(TenantId.of("good"))).isPresent();
    }
}
