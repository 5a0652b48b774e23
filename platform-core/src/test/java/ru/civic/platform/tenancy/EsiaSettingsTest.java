package ru.civic.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import ru.civic.platform.tenancy.internal.TenantDocumentReader;

/** A tenant's ESIA settings: complete where ESIA is on, and never a secret in the document. */
class EsiaSettingsTest {

    private static final Path TENANTS = Path.of(System.getProperty("platform.repository-root", ".."), "config", "tenants");
    private final TenantDocumentReader reader = new TenantDocumentReader();

    private TenantConfiguration read(String id) throws IOException {
        return reader.read(id + ".yaml", Files.readString(TENANTS.resolve(id + ".yaml")), id).configuration();
    }

    @Test
    void shippedTenantsCarryTheirRegistrationRules() throws IOException {
        TenantConfiguration volgograd = read("volgograd");
        assertThat(volgograd.registration().selfRegistration()).isFalse();
        assertThat(volgograd.registration().esia().required()).isTrue();
        assertThat(volgograd.registration().esia().clientId()).isEqualTo("VOLGOGRAD_PORTAL");
        assertThat(volgograd.registration().esia().clientSecretVariable()).isEqualTo("ESIA_CLIENT_SECRET_VOLGOGRAD");
        assertThat(volgograd.registration().esia().scopes()).contains("openid");
        assertThat(read("tynda").registration().esia().required()).isTrue();
        assertThat(read("tomsk").registration().selfRegistration()).isTrue();
        assertThat(read("tomsk").registration().esia().enabled()).isTrue();
        assertThat(read("tomsk").registration().esia().required()).isFalse();
        assertThat(read("zarechny").registration().esia().enabled()).isFalse();
    }

    @Test
    void esiaSwitchedOnWithoutItsClientIsRefused() throws IOException {
        String document = Files.readString(TENANTS.resolve("tomsk.yaml")).replace("    clientId: TOMSK_PORTAL\n", "");

        assertThatThrownBy(() -> reader.read("tomsk.yaml", document, "tomsk"))
                .isInstanceOf(TenantConfigurationException.class)
                .hasMessageContaining("clientId");
    }

    @Test
    void aClientSecretWrittenIntoTheDocumentIsRefused() throws IOException {
        String document = Files.readString(TENANTS.resolve("tomsk.yaml"))
                .replace("    clientId: TOMSK_PORTAL\n", "    clientId: TOMSK_PORTAL\n    clientSecret: s3cret\n");

        assertThatThrownBy(() -> reader.read("tomsk.yaml", document, "tomsk"))
                .isInstanceOf(TenantConfigurationException.class)
                .hasMessageContaining("clientSecret");
    }
}
