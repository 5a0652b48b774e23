package ru.civic.platform.workflow.web;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Workflow actions over HTTP are checked on the server: an action another role owns fails with 403 and says why,
 * whatever a client offers; the actions a person may take are listed for them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ActionApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void people() {
        TenantContext.runAs(TenantId.of("zarechny"), () -> {
            accounts.create("act-citizen-" + marker, "x", "Житель", "c" + marker + "@example.ru", Set.of(Role.CITIZEN), null);
            accounts.create("act-moderator-" + marker, "x", "Модератор", null, Set.of(Role.MODERATOR), null);
            accounts.create("act-executor-" + marker, "x", "Исполнитель", null, Set.of(Role.EXECUTOR), null);
        });
    }

    private static RequestPostProcessor zarechny() {
        return r -> {
            r.setServerName("zarechny.localhost");
            return r;
        };
    }

    private RequestPostProcessor as(String who) {
        return jwt().jwt(j -> j.subject("act-" + who + "-" + marker).claim("tenant", "zarechny"));
    }

    @Test
    void executorCannotRegisterButModeratorCan() throws Exception {
        String body = mvc.perform(post("/api/v1/messages").with(zarechny()).with(as("citizen"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"text": "Не горит фонарь у дома 7", "categoryId": "lighting",
                                 "occurredAt": "2026-01-10T18:00:00Z", "place": {"address": "ул. Ленина, 7"}}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = body.replaceAll(".*\"number\":\"([^\"]+)\".*", "$1");

        mvc.perform(post("/api/v1/messages/" + number + "/actions/register").with(zarechny()).with(as("executor")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Действие недоступно"))
                .andExpect(jsonPath("$.detail").value("Ваша роль не позволяет выполнять действия на этом этапе."));
        mvc.perform(get("/api/v1/messages/" + number + "/actions").with(zarechny()).with(as("moderator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem("register")));
        mvc.perform(post("/api/v1/messages/" + number + "/actions/refuse").with(zarechny()).with(as("moderator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"без причины\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/messages/" + number + "/actions/register").with(zarechny()).with(as("moderator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.dueAt").exists());
        mvc.perform(post("/api/v1/messages/" + number + "/actions/register").with(zarechny()).with(as("moderator")))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/messages/" + number).with(zarechny()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
    }
}
