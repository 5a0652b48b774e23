package ru.civic.admin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.console.PlatformConsole;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.TestSignIn;

/**
 * A new tenant from the console's form: made from another tenant's configuration, serving its host at once and
 * listed; every problem at its field with everything typed kept.
 */
@SpringBootTest
class NewTenantViewTest extends SpringBrowserlessTest {

    @Autowired
    TenantRegistry registry;
    @Autowired
    PlatformConsole console;
    @Autowired
    AccountService accounts;
    @Autowired
    PasswordEncoder passwords;

    private final String marker = "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private NewTenantView view;

    @BeforeEach
    void open() {
        TestSignIn.as(TenantContext.PLATFORM_SCOPE, "PLATFORM_OWNER");
        cleanVaadinEnvironment();
        view = TenantContext.callInPlatformScope(() -> {
            initVaadinEnvironment();
            return navigate("admin/platform/new", NewTenantView.class);
        });
    }

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private void fill(String id, String hosts, String regionCode) {
        TenantContext.runInPlatformScope(() -> {
            test(view.id()).setValue(id);
            test(view.name()).setValue("Обратная связь " + marker);
            test(view.hosts()).setValue(hosts);
            view.timeZone().setValue("Europe/Moscow");
            test(view.regionCode()).setValue(regionCode);
            test(view.regionName()).setValue("Владимирская область");
        });
    }

    private void create() {
        TenantContext.runInPlatformScope(() -> test(view.createButton()).click());
    }

    @Test
    void aTenantFromZarechnysTemplateServesItsHostAndIsListed() {
        String host = "feedback." + marker + ".example.ru";
        fill(marker, host, "RU-VLA");
        view.template().setValue(view.template().getListDataView().getItems()
                .filter(t -> TenantId.of("zarechny").equals(t.tenant())).findFirst().orElseThrow());

        TenantContext.runInPlatformScope(() -> test(view.operator()).setValue("op-" + marker));

        create();

        Tenant created = registry.findByHost(host).orElseThrow();
        assertThat(created.id().value()).isEqualTo(marker);
        assertThat(created.configuration().organisations()).isEqualTo(
                registry.getRequired(TenantId.of("zarechny")).configuration().organisations());
        assertThat(registry.findByHost(marker + ".localhost")).isPresent();
        // The first operator's password, shown once, signs in to the new tenant only.
        Dialog credentials = find(Dialog.class).withClassName("civic-platform-credentials").single();
        String password = find(Span.class).withClassName("civic-credentials-password").from(credentials).single()
                .getText();
        Account operator = TenantContext.callAs(created.id(), () -> accounts.findByUsername("op-" + marker))
                .orElseThrow();
        assertThat(operator.getRoles()).containsExactly(Role.OPERATOR);
        assertThat(passwords.matches(password, operator.getPasswordHash())).isTrue();
        assertThat(TenantContext.callAs(TenantId.of("zarechny"), () -> accounts.findByUsername("op-" + marker)))
                .isEmpty();
        TenantContext.runInPlatformScope(() -> test(find(Button.class).withClassName("civic-credentials-done")
                .from(credentials).single()).click());
        assertThat(getCurrentView()).isInstanceOf(PlatformTenantView.class);
        assertThat(console.overview(90)).extracting(s -> s.tenant().id()).contains(created.id());
    }

    @Test
    void anInvalidIdAndRegionCodeAreShownAtTheirFieldsAndNothingTypedIsLost() {
        fill("Новый город", "", "Владимир");

        create();

        assertThat(view.id().isInvalid()).isTrue();
        assertThat(view.id().getErrorMessage()).startsWith("Код: от 2 до 31 символа");
        assertThat(view.regionCode().isInvalid()).isTrue();
        assertThat(view.regionCode().getErrorMessage()).contains("RU-VLA");
        assertThat(view.name().isInvalid()).isFalse();
        assertThat(view.id().getValue()).isEqualTo("Новый город");
        assertThat(view.name().getValue()).isEqualTo("Обратная связь " + marker);
        assertThat(view.regionName().getValue()).isEqualTo("Владимирская область");
        assertThat(getCurrentView()).isSameAs(view);
    }

    @Test
    void aHostTakenByAnotherTenantIsShownAtTheHostsField() {
        String tomskHost = registry.getRequired(TenantId.of("tomsk")).configuration().hosts().getFirst();
        fill(marker, "feedback." + marker + ".example.ru, " + tomskHost, "RU-VLA");

        create();

        assertThat(view.hosts().isInvalid()).isTrue();
        assertThat(view.hosts().getErrorMessage())
                .isEqualTo("Адрес " + tomskHost + " уже занят порталом «tomsk».");
        assertThat(view.id().isInvalid()).isFalse();
        assertThat(view.hosts().getValue()).endsWith(tomskHost);
        assertThat(registry.find(TenantId.of(marker))).isEmpty();
    }

    @Test
    void anExistingTenantsIdIsRefusedAndThatTenantIsUntouched() {
        long version = registry.getRequired(TenantId.of("volgograd")).version();
        fill("volgograd", "", "RU-VGG");

        create();

        assertThat(view.id().getErrorMessage()).isEqualTo("Портал с кодом «volgograd» уже есть.");
        assertThat(registry.getRequired(TenantId.of("volgograd")).version()).isEqualTo(version);
    }
}
