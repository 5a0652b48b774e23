package ru.civic.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;

/** Each portal's page carries its own tab icon: the configured favicon, or else the tenant's logo. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantFaviconTest {

    private static final Pattern ICON = Pattern.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TenantRegistry tenants;

    private String iconOf(PortalHttpClient browser, String host) throws Exception {
        PortalHttpClient.Page page = browser.get("http://" + host + ":" + port + "/");
        assertThat(page.status()).isEqualTo(200);
        Matcher icon = ICON.matcher(page.body());
        assertThat(icon.find()).as(page.body()).isTrue();
        String href = icon.group(1);
        assertThat(icon.find()).as("one icon only").isFalse();
        return href;
    }

    private static String dataUrl(String svg) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.strip()
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void twoTenantsPagesCarryTheirOwnFavicons() throws Exception {
        TenantConfiguration zarechny = tenants.getRequired(TenantId.of("zarechny")).configuration();
        TenantConfiguration tomsk = tenants.getRequired(TenantId.of("tomsk")).configuration();
        try (PortalHttpClient browser = new PortalHttpClient()) {
            String zarechnyIcon = iconOf(browser, "zarechny.localhost");
            String tomskIcon = iconOf(browser, "tomsk.localhost");

            assertThat(zarechnyIcon).isEqualTo(dataUrl(zarechny.branding().favicon()));
            assertThat(tomsk.branding().favicon()).isNull();
            assertThat(tomskIcon).isEqualTo(dataUrl(tomsk.branding().logo().svg()));
            assertThat(tomskIcon).isNotEqualTo(zarechnyIcon);
        }
    }
}
