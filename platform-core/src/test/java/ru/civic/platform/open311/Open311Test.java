package ru.civic.platform.open311;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import ru.civic.platform.security.IntegrationTokens;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * GeoReport v2 per tenant: categories as services, intake with an integration key (Tynda's federal channel), status
 * open/closed and the expected date from the message's deadline, in JSON and XML.
 */
@SpringBootTest
@AutoConfigureMockMvc
class Open311Test {

    @Autowired
    MockMvc mvc;
    @Autowired
    IntegrationTokens tokens;

    private String tyndaKey;
    private String tomskKey;

    @BeforeEach
    void keys() {
        // The federal channel follows its messages through moderation: its token was given the curator's reading.
        tyndaKey = TenantContext.callAs(TenantId.of("tynda"),
                () -> tokens.issueUnchecked("ПОС (ЕПГУ)", Set.of(Role.CURATOR))).token();
        tomskKey = TenantContext.callAs(TenantId.of("tomsk"),
                () -> tokens.issueUnchecked("Томск, мобильное приложение", Set.of())).token();
    }

    private static RequestPostProcessor on(String host) {
        return r -> {
            r.setServerName(host);
            return r;
        };
    }

    @Test
    void listsTheTenantsCategoriesAsServicesInJsonAndXml() throws Exception {
        mvc.perform(get("/open311/v2/services.json").with(on("tynda.localhost")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].service_code", hasItem("hot-meals-absent")))
                .andExpect(jsonPath("$[?(@.service_code == 'hot-meals-absent')].group")
                        .value(hasItem("Горячее питание для учащихся начальных классов")));
        mvc.perform(get("/open311/v2/services.xml").with(on("zarechny.localhost")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<services><service><service_code>potholes</service_code>")));
        mvc.perform(get("/open311/v2/services/garbage.json").with(on("zarechny.localhost")))
                .andExpect(jsonPath("$.attributes[0].code").value("occurred_at"));
        mvc.perform(get("/open311/v2/discovery.json").with(on("tynda.localhost")))
                .andExpect(jsonPath("$.endpoints[0].formats", hasItem("text/xml")));
    }

    @Test
    void federalChannelPostsARequestAndReadsItsExpectedDate() throws Exception {
        String body = mvc.perform(post("/open311/v2/requests.json").with(on("tynda.localhost"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", tyndaKey)
                        .param("service_code", "hot-meals-quality")
                        .param("description", "Обед в школе № 3 холодный")
                        .param("first_name", "Анна").param("email", "anna@example.ru")
                        .param("external_id", "epgu-" + System.nanoTime()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].service_request_id", matchesPattern("TYN-\\d{4}-\\d{6}")))
                .andReturn().getResponse().getContentAsString();
        String number = body.replaceAll(".*\"service_request_id\":\"([^\"]+)\".*", "$1");

        mvc.perform(get("/open311/v2/requests/" + number + ".xml").with(on("tynda.localhost"))
                        .header("Authorization", "Bearer " + tyndaKey))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<status>open</status>")))
                .andExpect(content().string(matchesPattern(
                        "(?s).*<expected_datetime>\\d{4}-\\d{2}-\\d{2}T23:59:59\\+09:00</expected_datetime>.*")));
    }

    @Test
    void refusesAnotherTenantsKeyAndExplainsMissingFields() throws Exception {
        mvc.perform(post("/open311/v2/requests.json").with(on("tynda.localhost"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", tomskKey).param("service_code", "roads").param("description", "Яма"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/open311/v2/requests.json").with(on("tomsk.localhost"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", tomskKey).param("service_code", "potholes").param("description", "Яма"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value("address_string: Укажите место: точку на карте или адрес."));
    }

    @Test
    void tokenWithoutStaffRoleSeesOnlyWhatThePublicSees() throws Exception {
        String body = mvc.perform(post("/open311/v2/requests.json").with(on("tomsk.localhost"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", tomskKey)
                        .param("service_code", "potholes").param("description", "Яма у остановки")
                        .param("lat", "56.48").param("long", "84.95"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = body.replaceAll(".*\"service_request_id\":\"([^\"]+)\".*", "$1");

        mvc.perform(get("/open311/v2/requests/" + number + ".json").with(on("tomsk.localhost"))
                        .header("Authorization", "Bearer " + tomskKey))
                .andExpect(status().isNotFound());
    }

    @Test
    void bearerIntegrationTokenOfAnotherTenantIsRejected() throws Exception {
        mvc.perform(get("/api/v1/messages").with(on("tynda.localhost"))
                        .header("Authorization", "Bearer " + tomskKey))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
