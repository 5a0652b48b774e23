package ru.civic.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import ru.civic.platform.tenancy.TenantAdministration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * A tenant's {@code guests.read}: a sixth city, added at run time, whose messages only signed-in residents read.
 */
@SpringBootTest
class GuestReadAccessTest extends SpringBrowserlessTest {

    private static final Path TENANTS = Path.of(System.getProperty("platform.repository-root", ".."), "config", "tenants");

    @Autowired
    TenantAdministration administration;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void guestsOfAPortalWithoutGuestReadingAreAskedToSignIn() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode tree = (ObjectNode) yaml.readTree(Files.readString(TENANTS.resolve("zarechny.yaml")));
        tree.put("id", "closedtown");
        tree.put("name", "Город closedtown");
        tree.putArray("hosts").add("closedtown.example.ru");
        ((ObjectNode) tree.get("guests")).put("read", false).put("support", false);
        ((ObjectNode) tree.get("branding")).put("primaryColor", "#5D4037"); // tenants must look different
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("owner", "x",
                List.of(new SimpleGrantedAuthority("ROLE_PLATFORM_OWNER"))));
        administration.save("test", yaml.writeValueAsString(tree), "test");
        SecurityContextHolder.clearContext();

        Component closed = open(TenantId.of("closedtown"), "messages");
        assertThat(closed).isInstanceOf(SignInRequiredView.class);
        // the same view stays open to guests where the tenant lets them read
        Component open = open(TenantId.of("zarechny"), "messages");
        assertThat(open.getClass().getSimpleName()).isEqualTo("MessageListView");
    }

    private Component open(TenantId tenant, String location) {
        cleanVaadinEnvironment();
        return TenantContext.callAs(tenant, () -> {
            initVaadinEnvironment();
            return navigate(location, Component.class);
        });
    }
}
