package ru.civic.admin.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/**
 * Every back-office screen is bound to the host's tenant by its frame: a sign-in issued for another tenant reaches
 * none of them, whatever roles it carries, while the same roles issued for the host's tenant open each one.
 */
@SpringBootTest
class HostBindingTest extends SpringBrowserlessTest {

    private static final String[] STAFF = {"MODERATOR", "COORDINATOR", "EXECUTOR", "HEAD", "CURATOR", "OPERATOR",
            "ANALYST", "SHOP_ADMIN"};

    /** Route on the host, the view it opens, the host's tenant. */
    record Screen(String location, String view, String tenant) {
    }

    private static final Screen[] SCREENS = {
            new Screen("admin", "AdminHomeView", "tomsk"),
            new Screen("admin/queue", "QueueView", "tomsk"),
            new Screen("admin/in-flight", "InFlightView", "tomsk"),
            new Screen("admin/polls", "PollsView", "tomsk"),
            new Screen("admin/ratings", "RatingsView", "tomsk"),
            new Screen("admin/staff", "StaffView", "tomsk"),
            new Screen("admin/citizens", "CitizensView", "tomsk"),
            new Screen("admin/rules", "RulesEditorView", "tomsk"),
            new Screen("admin/news", "NewsView", "tomsk"),
            new Screen("admin/campaigns", "CampaignsView", "gubkinsky"),
            new Screen("admin/topic-plan", "TopicPlanView", "gubkinsky"),
            new Screen("admin/shop", "ShopView", "gubkinsky"),
    };

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private String open(Screen screen) {
        cleanVaadinEnvironment();
        return TenantContext.callAs(TenantId.of(screen.tenant()), () -> {
            initVaadinEnvironment();
            navigate(screen.location(), Component.class);
            return org.springframework.util.ClassUtils.getUserClass(getCurrentView()).getSimpleName();
        });
    }

    static Stream<Screen> screens() {
        return Stream.of(SCREENS);
    }

    @ParameterizedTest
    @MethodSource("screens")
    void aSignInForAnotherTenantOpensNoBackOfficeScreen(Screen screen) {
        TestSignIn.asUser("volgograd", "operator", "Оператор", STAFF);
        assertThat(open(screen)).as(screen.location() + " on " + screen.tenant()).isNotEqualTo(screen.view());
    }

    @ParameterizedTest
    @MethodSource("screens")
    void theSameRolesIssuedForTheHostsTenantOpenEachScreen(Screen screen) {
        // A real staff account of the host's tenant: the queues act for a person, not only for roles.
        TestSignIn.asUser(screen.tenant(), "operator", "Оператор", STAFF);
        assertThat(open(screen)).as(screen.location() + " on " + screen.tenant()).isEqualTo(screen.view());
    }
}
