package ru.civic.platform.tenancy;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The tenant comes from the request host and nothing else; an unknown host gets 404, never a default tenant. */
@SpringBootTest
@AutoConfigureMockMvc
class HostResolutionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantRegistry registry;

    private static MockHttpServletRequestBuilder scopeOn(String host) {
        return get("/test/scope").with(r -> {
            r.setServerName(host);
            return r;
        });
    }

    @ParameterizedTest
    @CsvSource({"tomsk.localhost, tomsk", "volgograd.localhost, volgograd", "zarechny.localhost, zarechny",
            "tynda.localhost, tynda", "gubkinsky.localhost, gubkinsky", "TOMSK.LOCALHOST, tomsk"})
    void localHostNamesResolveToTheirTenant(String host, String tenant) throws Exception {
        mvc.perform(scopeOn(host)).andExpect(status().isOk()).andExpect(content().string(tenant));
    }

    @Test
    void productionDomainsFromConfigurationResolveToTheirTenant() throws Exception {
        for (Tenant tenant : registry.all()) {
            for (String host : tenant.configuration().hosts()) {
                mvc.perform(scopeOn(host)).andExpect(content().string(tenant.id().value()));
            }
        }
    }

    @Test
    void platformHostIsThePlatformScope() throws Exception {
        mvc.perform(scopeOn("localhost")).andExpect(status().isOk())
                .andExpect(content().string(TenantContext.PLATFORM_SCOPE));
    }

    @Test
    void unknownHostGets404AndNoTenant() throws Exception {
        mvc.perform(scopeOn("omsk.localhost")).andExpect(status().isNotFound());
        mvc.perform(scopeOn("evil.example.com")).andExpect(status().isNotFound());
    }

    @Test
    void unknownHostTellsABrowserInRussianAndAProgramInProblemDetails() throws Exception {
        mvc.perform(scopeOn("omsk.localhost").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Портал не найден")));
        mvc.perform(scopeOn("omsk.localhost").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Портал не найден"));
    }

    @Test
    void headersAndParametersCannotChooseTheTenant() throws Exception {
        mvc.perform(scopeOn("tomsk.localhost").header("X-Tenant-Id", "volgograd")
                        .header("X-Forwarded-Host", "volgograd.localhost").param("tenant", "volgograd"))
                .andExpect(content().string("tomsk"));
        mvc.perform(scopeOn("unknown.localhost").header("X-Forwarded-Host", "tomsk.localhost"))
                .andExpect(status().isNotFound());
    }

    @Test
    void probesAnswerOnAnyHost() throws Exception {
        mvc.perform(get("/actuator/health/liveness").with(r -> {
            r.setServerName("10.0.0.7");
            return r;
        })).andExpect(status().isOk());
    }
}
