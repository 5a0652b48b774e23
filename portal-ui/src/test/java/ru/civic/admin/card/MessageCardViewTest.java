package ru.civic.admin.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.ActionField;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.workflow.ActionDeniedException;
import ru.civic.platform.workflow.ActionInput;
import ru.civic.platform.workflow.WorkflowService;
import ru.civic.portal.TestSignIn;

/**
 * The staff message card: what a moderator sees of a fresh message and how the workflow's actions are taken from it,
 * field errors included; an executor of another organisation gets no action, and the server refuses it anyway; the
 * moderator aids point at a possible duplicate.
 */
@SpringBootTest
class MessageCardViewTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId ZARECHNY = TenantId.of("zarechny");

    @Autowired
    MessageIntake intake;
    @Autowired
    WorkflowService workflow;
    @Autowired
    AccountService accounts;
    @Autowired
    TenantRegistry tenants;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private Actor account(TenantId tenant, String username, String name, Role role, String organisation) {
        return TenantContext.callAs(tenant, () -> Actors.of(accounts.create(username + "-" + marker, "x", name, null,
                Set.of(role), organisation)));
    }

    private String submit(TenantId tenant, String text, String category, Place place, Instant occurredAt) {
        return TenantContext.callAs(tenant, () -> {
            Actor author = Actors.of(accounts.create("card-a-" + UUID.randomUUID().toString().substring(0, 8), "x",
                    "Мария Заявителева", null, Set.of(Role.CITIZEN), null));
            return intake.submit(new SubmitMessage(null, text, category, place, occurredAt, false, List.of(), null,
                    null), new Author(author.accountId(), author.name(), null, null), Message.Channel.PORTAL).number();
        });
    }

    private void signInAs(TenantId tenant, String username, String name, Role role) {
        TestSignIn.asUser(tenant.value(), username + "-" + marker, name, role.name());
    }

    private void openCard(TenantId tenant, String number) {
        cleanVaadinEnvironment();
        TenantContext.callAs(tenant, () -> {
            initVaadinEnvironment();
            return navigate("admin/messages/" + number, MessageCardView.class);
        });
    }

    private List<String> actionButtons() {
        return find(Button.class).withClassName("civic-card-action").all().stream().map(Button::getText).toList();
    }

    private String textOf(String className) {
        return find(Component.class).withClassName(className).single().getElement().getTextRecursively();
    }

    @Test
    void moderatorRefusesAFreshMessageOnlyWithAReasonAndSeesTheRefusalInTheHistory() {
        account(TOMSK, "card-mod", "Ольга Модератор", Role.MODERATOR, null);
        String number = submit(TOMSK, "Нужна новая детская площадка во дворе " + marker, "potholes",
                new Place(56.48, 84.95, "ул. Ленина, 10"), null);
        signInAs(TOMSK, "card-mod", "Ольга Модератор", Role.MODERATOR);

        openCard(TOMSK, number);

        assertThat(find(Paragraph.class).withClassName("civic-card-text").single().getText())
                .isEqualTo("Нужна новая детская площадка во дворе " + marker);
        assertThat(textOf("civic-card-place")).contains("ул. Ленина, 10").contains("56.48").contains("84.95");
        assertThat(textOf("civic-card-author")).contains("Мария Заявителева");
        assertThat(find(Span.class).withClassName("civic-card-status").single().getText()).isEqualTo("На модерации");
        assertThat(actionButtons()).containsExactlyInAnyOrder("Изменить категорию", "Опубликовать",
                "Отказать в публикации", "Объединить с более ранним сообщением");

        TenantContext.runAs(TOMSK, () -> test(find(Button.class).withText("Отказать в публикации").single()).click());
        ActionDialog dialog = find(ActionDialog.class).single();
        assertThat(dialog.input(ActionField.REASON)).isInstanceOf(Select.class);
        assertThat(dialog.input(ActionField.COMMENT)).isNotNull();
        assertThat(dialog.input(ActionField.CATEGORY)).isNull();
        com.vaadin.flow.component.textfield.TextArea comment =
                (com.vaadin.flow.component.textfield.TextArea) dialog.input(ActionField.COMMENT);
        comment.setValue("Текст не на русском языке");

        TenantContext.runAs(TOMSK, () -> test(find(Button.class).withClassName("civic-action-submit").single()).click());

        @SuppressWarnings("unchecked")
        Select<TenantConfiguration.RefusalReason> reason = (Select<TenantConfiguration.RefusalReason>) dialog
                .input(ActionField.REASON);
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Для действия «Отказать в публикации» это поле обязательно.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(comment.getValue()).isEqualTo("Текст не на русском языке");
        assertThat(find(Span.class).withClassName("civic-card-status").single().getText()).isEqualTo("На модерации");

        TenantConfiguration.RefusalReason notRussian = tenants.getRequired(TOMSK).configuration()
                .refusalReason("not-russian").orElseThrow();
        reason.setValue(notRussian);
        TenantContext.runAs(TOMSK, () -> test(find(Button.class).withClassName("civic-action-submit").single()).click());

        assertThat(dialog.isOpened()).isFalse();
        assertThat(find(Span.class).withClassName("civic-card-status").single().getText()).isEqualTo("Отказано");
        assertThat(find(ListItem.class).all()).extracting(ListItem::getText)
                .anySatisfy(t -> assertThat(t).contains("Отказать в публикации").contains(notRussian.title())
                        .contains("Текст не на русском языке"));
        assertThat(actionButtons()).isEmpty();
    }

    @Test
    void executorOfAnotherOrganisationGetsNoAnswerActionAndTheServerRefusesIt() {
        Actor moderator = account(ZARECHNY, "card-zmod", "Модератор", Role.MODERATOR, null);
        Actor stranger = account(ZARECHNY, "card-zex", "Пётр Соцзащитов", Role.EXECUTOR, "dep-social");
        String number = submit(ZARECHNY, "Яма на проезжей части " + marker, "potholes",
                new Place(56.86, 61.32, "ул. Мира, 5"), Instant.now().minusSeconds(7200));
        TenantContext.runAs(ZARECHNY, () -> workflow.act(number, "register", ActionInput.none(), moderator));
        signInAs(ZARECHNY, "card-zex", "Пётр Соцзащитов", Role.EXECUTOR);

        openCard(ZARECHNY, number);

        assertThat(find(Span.class).withClassName("civic-card-status").single().getText()).isEqualTo("В работе");
        assertThat(actionButtons()).isEmpty();
        assertThat(TenantContext.callAs(ZARECHNY, () -> workflow.availableActions(number, stranger))).isEmpty();
        assertThatThrownBy(() -> TenantContext.runAs(ZARECHNY, () -> workflow.act(number, "answer",
                ActionInput.builder().answer("Отремонтируем").build(), stranger)))
                .isInstanceOf(ActionDeniedException.class);
    }

    @Test
    void moderatorAidsListAPossibleDuplicateWithALinkToItsCard() {
        account(TOMSK, "card-mod2", "Ольга Модератор", Role.MODERATOR, null);
        String text = "Во дворе дома сломаны качели и горка на детской площадке " + marker;
        String first = submit(TOMSK, text, "potholes", new Place(56.4800, 84.9500, "ул. Ленина, 12"), null);
        String second = submit(TOMSK, text + " уже месяц", "potholes", new Place(56.4801, 84.9501, "ул. Ленина, 12"),
                null);
        signInAs(TOMSK, "card-mod2", "Ольга Модератор", Role.MODERATOR);

        openCard(TOMSK, second);

        Div aids = find(Div.class).withClassName("civic-card-aids").single();
        assertThat(aids.getElement().getTextRecursively()).contains("Возможные повторы");
        assertThat(find(Anchor.class).withClassName("civic-card-duplicate").all())
                .anySatisfy(a -> {
                    assertThat(a.getText()).isEqualTo(first);
                    assertThat(a.getHref()).isEqualTo("admin/messages/" + first);
                })
                .noneSatisfy(a -> assertThat(a.getText()).isEqualTo(second));
    }

    @Test
    void moderatorMergesARepeatIntoTheEarlierMessageFromTheDuplicatesListAndLinksAnother() {
        account(TOMSK, "card-mod3", "Ольга Модератор", Role.MODERATOR, null);
        String text = "Не горят фонари вдоль всей улицы Кирова от школы до остановки " + marker;
        String first = submit(TOMSK, text, "potholes", new Place(56.4700, 84.9600, "ул. Кирова, 3"), null);
        String related = submit(TOMSK, "Темно у остановки на Кирова " + marker, "potholes",
                new Place(56.4701, 84.9601, "ул. Кирова, 5"), null);
        String repeat = submit(TOMSK, text + ", уже неделю", "potholes", new Place(56.4701, 84.9601, "ул. Кирова, 3"),
                null);
        signInAs(TOMSK, "card-mod3", "Ольга Модератор", Role.MODERATOR);
        openCard(TOMSK, repeat);

        // Linking by number first: the related message stays in work, shown among the linked ones.
        TenantContext.runAs(TOMSK, () -> {
            test(find(com.vaadin.flow.component.textfield.TextField.class).withClassName("civic-card-link-number")
                    .single()).setValue(related);
            test(find(Button.class).withClassName("civic-card-link-add").single()).click();
        });
        assertThat(find(Div.class).withClassName("civic-card-links").single().getElement().getTextRecursively())
                .contains(related).contains("На модерации");

        Button merge = find(Button.class).withClassName("civic-card-merge").all().stream()
                .filter(b -> b.getText().contains(first)).findFirst().orElseThrow();
        TenantContext.runAs(TOMSK, () -> test(merge).click());
        ActionDialog dialog = find(ActionDialog.class).single();
        assertThat(((com.vaadin.flow.component.textfield.TextField) dialog.input(ActionField.DUPLICATE_OF)).getValue())
                .isEqualTo(first);
        TenantContext.runAs(TOMSK, dialog::submit);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(find(Span.class).withClassName("civic-card-status").single().getText()).isEqualTo("Отказано");
        assertThat(find(ListItem.class).all()).extracting(ListItem::getText)
                .anySatisfy(t -> assertThat(t).contains("Объединить с более ранним сообщением"));
        assertThat(textOf("civic-card-merged")).isEqualTo("Объединено с сообщением " + first);
    }
}
