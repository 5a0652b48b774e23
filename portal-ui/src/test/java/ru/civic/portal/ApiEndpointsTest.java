package ru.civic.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The REST API, Open311 and the OpenAPI document answer in the runnable application, next to the Vaadin portals,
 * each on its tenant's host.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiEndpointsTest {

    @LocalServerPort
    int port;

    @Test
    void integrationChannelSubmitsAndEveryoneFindsOpen311Services() throws Exception {
        try (PortalHttpClient client = new PortalHttpClient()) {
            PortalHttpClient.Page services = client.get("http://tynda.localhost:" + port + "/open311/v2/services.json");
            assertThat(services.status()).isEqualTo(200);
            assertThat(services.body()).contains("\"service_code\":\"hot-meals-absent\"");

            PortalHttpClient.Page created = client.postJson("http://tynda.localhost:" + port + "/api/v1/messages",
                    "{\"text\": \"В школе № 2 нет горячего питания\", \"categoryId\": \"hot-meals-absent\","
                            + " \"author\": {\"name\": \"Иван\", \"email\": \"ivan@example.ru\"}}",
                    "civic_demo_tynda");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.body()).containsPattern("\"number\":\"TYN-\\d{4}-\\d{6}\"");

            PortalHttpClient.Page foreign = client.postJson("http://tomsk.localhost:" + port + "/api/v1/messages",
                    "{\"text\": \"Яма\"}", "civic_demo_tynda");
            assertThat(foreign.status()).isEqualTo(401);
        }
    }

    @Test
    void openApiDocumentDescribesTheIntake() throws Exception {
        try (PortalHttpClient client = new PortalHttpClient()) {
            PortalHttpClient.Page docs = client.get("http://tomsk.localhost:" + port + "/v3/api-docs");
            assertThat(docs.status()).isEqualTo(200);
            assertThat(docs.body()).contains("/api/v1/messages").contains("/open311/v2/requests.{format}");
        }
    }
}
