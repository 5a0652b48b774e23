package ru.civic.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Probes and metrics answer on any host (Kubernetes calls the pod address); business metrics carry the tenant. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Test
    void probesAnswerOnThePodAddressAndAnyHost() throws Exception {
        try (PortalHttpClient client = new PortalHttpClient()) {
            for (String host : new String[] {"127.0.0.1", "localhost", "tomsk.localhost", "unknown.localhost"}) {
                assertThat(client.get("http://" + host + ":" + port + "/actuator/health/liveness").status())
                        .as(host).isEqualTo(200);
                assertThat(client.get("http://" + host + ":" + port + "/actuator/health/readiness").status())
                        .as(host).isEqualTo(200);
            }
        }
    }

    @Test
    void otherActuatorEndpointsStayClosed() throws Exception {
        try (PortalHttpClient client = new PortalHttpClient()) {
            // Not exposed at all: the request never reaches an actuator endpoint (it is sent to sign in, or refused).
            for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump"}) {
                PortalHttpClient.Page page = client.get("http://127.0.0.1:" + port + path);
                assertThat(page.status()).as(path).isNotEqualTo(200);
                assertThat(page.body()).as(path).doesNotContain("propertySources").doesNotContain("\"beans\"");
            }
        }
    }

    @Test
    void prometheusShowsSignInsPerTenant() throws Exception {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page login = browser.follow("http://zarechny.localhost:" + port + "/admin");
            browser.signIn(login, "moderator", "wrong password");
            PortalHttpClient.Page metrics = browser.get("http://127.0.0.1:" + port + "/actuator/prometheus");

            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("civic_tenants{")
                    .containsPattern("civic_signins_total\\{[^}]*outcome=\"failure\"[^}]*tenant=\"zarechny\"");
        }
    }
}
