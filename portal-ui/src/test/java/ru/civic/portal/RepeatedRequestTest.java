package ru.civic.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.civic.platform.security.LocalHostResolver;

/**
 * The server keeps no copy of a page's last answer: when a browser repeats a request whose answer it lost, the page
 * reloads (Vaadin's own answer when it cannot resynchronise) instead of getting the answer replayed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepeatedRequestTest {

    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void aRepeatedRequestAfterALostAnswerReloadsThePage() throws IOException {
        try (CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new LocalHostResolver()).build())
                .build()) {
            String base = "http://tomsk.localhost:" + port;
            http.execute(new HttpGet(base + "/messages"), r -> EntityUtils.toString(r.getEntity()));
            String init = http.execute(new HttpGet(base + "/?v-r=init&location=messages&query="),
                    r -> EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8));
            Matcher key = SECURITY_KEY.matcher(init);
            assertThat(key.find()).as(init).isTrue();
            String navigate = "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                    + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"messages\",\"query\":\"\",\"appShellTitle\":\"\","
                    + "\"historyState\":null,\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";

            String first = post(http, base, navigate);
            String repeated = post(http, base, navigate);

            assertThat(first).contains("civic-feed-list");
            assertThat(repeated).doesNotContain("civic-feed-list").contains("appError");
        }
    }

    private static String post(CloseableHttpClient http, String base, String json) throws IOException {
        HttpPost post = new HttpPost(base + "/?v-r=uidl&v-uiId=0");
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return http.execute(post, r -> EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8));
    }
}
