package ru.civic.admin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.civic.platform.console.PlatformConsole;
import ru.civic.platform.console.PlatformConsole.NewTenant;
import ru.civic.platform.security.LocalHostResolver;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.portal.TestSignIn;

/**
 * A tenant suspended from the console: its portal says so in plain Russian on every page, accepts no sign-in, no
 * submission and no API call; resumed, it serves again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SuspendedPortalTest {

    private record Answer(int status, String body) {
    }

    @LocalServerPort
    int port;
    @Autowired
    PlatformConsole console;

    private final String marker = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private Answer send(HttpUriRequestBase request) throws Exception {
        request.setHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        try (CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new LocalHostResolver()).build())
                .disableRedirectHandling().build()) {
            return http.execute(request, response -> new Answer(response.getCode(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity())));
        }
    }

    private String url(String path) {
        return "http://" + marker + ".localhost:" + port + path;
    }

    @Test
    void aSuspendedPortalRefusesEverythingWithAClearPageAndServesAgainWhenResumed() throws Exception {
        TestSignIn.as(TenantContext.PLATFORM_SCOPE, "PLATFORM_OWNER");
        Tenant tenant = console.create(new NewTenant(marker, "Город " + marker, List.of(), "Europe/Moscow",
                "RU-VLA", "Владимирская область", null), "owner");
        assertThat(send(new HttpGet(url("/"))).status()).isEqualTo(200);

        console.suspend(tenant.id(), "owner");

        Answer home = send(new HttpGet(url("/")));
        assertThat(home.status()).isEqualTo(503);
        assertThat(home.body()).contains("Портал временно недоступен", "Работа портала приостановлена");
        assertThat(send(new HttpGet(url("/messages"))).status()).isEqualTo(503);
        assertThat(send(new HttpPost(url("/login"))).status()).isEqualTo(503);
        assertThat(send(new HttpGet(url("/open311/v2/services.json"))).status()).isEqualTo(503);

        console.resume(tenant.id(), "owner");

        assertThat(send(new HttpGet(url("/"))).status()).isEqualTo(200);
    }
}
