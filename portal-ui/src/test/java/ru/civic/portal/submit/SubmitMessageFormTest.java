package ru.civic.portal.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.MessageLookup;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.Actors;
import ru.civic.platform.photo.SampleImages;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/**
 * Sending a message from the portal: the tenant's fields, photos checked as they arrive, every error next to its
 * field, nothing typed lost, and the receipt with the public number.
 */
@SpringBootTest
class SubmitMessageFormTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId VOLGOGRAD = TenantId.of("volgograd");

    @Autowired
    AccountService accounts;
    @Autowired
    MessageLookup lookup;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private Account citizen(TenantId tenant) {
        Account account = TenantContext.callAs(tenant, () -> accounts.create("submit-" + marker, "x",
                "Мария Иванова", "submit-" + marker + "@example.ru", Set.of(Role.CITIZEN), null));
        TestSignIn.asUser(tenant.value(), account.getUsername(), account.getDisplayName(), "CITIZEN");
        return account;
    }

    private SubmitMessageForm open(TenantId tenant) {
        cleanVaadinEnvironment();
        return TenantContext.callAs(tenant, () -> {
            initVaadinEnvironment();
            return navigate("submit", SubmitMessageForm.class);
        });
    }

    private void in(TenantId tenant, Runnable action) {
        TenantContext.runAs(tenant, action);
    }

    @Test
    void citizenSendsAMessageWithPlaceAndPhotoAndGetsItsNumber() {
        Account author = citizen(TOMSK);
        SubmitMessageForm form = open(TOMSK);

        in(TOMSK, () -> {
            // the category is found by a word of its name, whatever its level in the tree
            test(form.category()).setFilter("ямы");
            assertThat(test(form.category()).getSuggestions()).anyMatch(s -> s.contains("›"));
            test(form.category()).selectItem(test(form.category()).getSuggestions().getFirst());
            test(form.text()).setValue("Глубокая яма у остановки " + marker);
            form.map().pick(56.52, 84.90);
            test(form.address()).setValue("ул. Ленина, 1");
            test(find(Upload.class).single()).upload("yama.jpg", "image/jpeg", SampleImages.jpeg(800, 600));
            assertThat(form.previews().getChildren().count()).isEqualTo(1);
            test(find(Button.class).withClassName("civic-submit").single()).click();
        });

        String number = find(Span.class).withClassName("civic-receipt-number").single().getText();
        assertThat(number).startsWith("TOM-");
        MessageView sent = TenantContext.callAs(TOMSK, () -> lookup.view(number,
                Optional.of(Actors.of(author))));
        assertThat(sent.text()).isEqualTo("Глубокая яма у остановки " + marker);
        assertThat(sent.photos()).hasSize(1);
        assertThat(sent.place().address()).isEqualTo("ул. Ленина, 1");
        assertThat(sent.districtName()).isEqualTo("Ленинский район г. Томска");
        assertThat(sent.categoryName()).isNotBlank();
    }

    @Test
    void everyProblemIsShownAtItsFieldAndWhatWasTypedStays() {
        citizen(VOLGOGRAD);
        SubmitMessageForm form = open(VOLGOGRAD);
        // Volgograd (8.2, 8.4): date and time, place and the publicity confirmation are required
        assertThat(form.occurredAt().isVisible()).isTrue();
        assertThat(form.publicity().isVisible()).isTrue();

        in(VOLGOGRAD, () -> {
            test(form.text()).setValue("Не горит фонарь во дворе " + marker);
            test(find(Button.class).withClassName("civic-submit").single()).click();
        });

        assertThat(form.category().isInvalid()).isTrue();
        assertThat(form.category().getErrorMessage()).isNotBlank();
        assertThat(form.placeError().isVisible()).isTrue();
        assertThat(form.placeError().getText()).isNotBlank();
        assertThat(form.occurredAt().isInvalid()).isTrue();
        assertThat(form.publicity().isInvalid()).isTrue();
        assertThat(form.text().isInvalid()).isFalse();
        assertThat(form.text().getValue()).isEqualTo("Не горит фонарь во дворе " + marker);
        assertThat(form.formError().isVisible()).isTrue();
        assertThat(find(Span.class).withClassName("civic-receipt-number").all()).isEmpty();

        in(VOLGOGRAD, () -> {
            test(form.category()).selectItem(test(form.category()).getSuggestions().getFirst());
            form.map().pick(48.71, 44.52);
            test(form.occurredAt()).setValue(LocalDateTime.now().minusHours(2).withSecond(0).withNano(0));
            test(form.publicity()).click();
            test(find(Button.class).withClassName("civic-submit").single()).click();
        });
        assertThat(find(Span.class).withClassName("civic-receipt-number").single().getText()).startsWith("VLG-");
    }

    @Test
    void photosBeyondTheTenantsLimitOrNotImagesAreRefusedAtTheUpload() {
        citizen(TOMSK);
        SubmitMessageForm form = open(TOMSK);
        in(TOMSK, () -> {
            Upload upload = find(Upload.class).single();
            test(upload).upload("notes.jpg", "image/jpeg", "просто текст".getBytes(StandardCharsets.UTF_8));
            assertThat(form.photoError().isVisible()).isTrue();
            assertThat(form.previews().getChildren().count()).isZero();
            // Tomsk 4.4: at most five photos
            for (int i = 0; i < 5; i++) {
                form.acceptPhoto("p" + i + ".png", SampleImages.png(40, 30));
            }
            assertThat(form.photoError().isVisible()).isFalse();
            form.acceptPhoto("p5.png", SampleImages.png(40, 30));
        });
        assertThat(form.previews().getChildren().count()).isEqualTo(5);
        assertThat(form.photoError().isVisible()).isTrue();
        assertThat(form.photoError().getText()).contains("5");
    }

    @Test
    void aDraftSurvivesLeavingTheFormAndComingBack() {
        citizen(TOMSK);
        SubmitMessageForm form = open(TOMSK);
        in(TOMSK, () -> {
            test(form.text()).setValue("Черновик " + marker);
            test(form.address()).setValue("пр. Ленина, 50");
            form.map().pick(56.47, 84.95);
        });
        SubmitMessageForm again = TenantContext.callAs(TOMSK, () -> {
            navigate("messages", com.vaadin.flow.component.Component.class);
            return navigate("submit", SubmitMessageForm.class);
        });
        assertThat(again.text().getValue()).isEqualTo("Черновик " + marker);
        assertThat(again.address().getValue()).isEqualTo("пр. Ленина, 50");
        assertThat(again.map().getLatitude()).isEqualTo(56.47);
    }
}
