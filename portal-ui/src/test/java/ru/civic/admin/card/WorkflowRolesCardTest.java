package ru.civic.admin.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.ActionField;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.workflow.ActionDeniedException;
import ru.civic.platform.workflow.ActionInput;
import ru.civic.platform.workflow.QueueItem;
import ru.civic.platform.workflow.WorkflowService;
import ru.civic.portal.TestSignIn;

/**
 * Each official of Tynda's five-stage workflow (config/tenants/tynda.yaml) at work on the back-office card: the
 * moderator accepts with a category, the coordinator redirects and assigns the executor picked in the dialog, the
 * executor answers from a ready template with a scan attached, the agreeing head rejects and then agrees, the named
 * head approves, and the curator follows everything in flight. Each action is offered only to the person whose turn
 * it is, its effect is on the card afterwards, and the server refuses it to the others.
 * <p>
 * The author's rating on the portal is covered by {@code FeedViewsTest}.
 */
@SpringBootTest
class WorkflowRolesCardTest extends SpringBrowserlessTest {

    private static final TenantId TYNDA = TenantId.of("tynda");

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

    // ---- moderator ------------------------------------------------------------------------------------------

    @Test
    void moderatorAcceptsAMessageWithoutCategoryGivingItOneAndItIsPublishedForCoordination() {
        Account moderator = staff("mod", "Ольга Модераторова", Role.MODERATOR, null);
        Account coordinator = staff("coord", "Игорь Координаторов", Role.COORDINATOR, null);
        String number = submit("Во дворе дома 5 по ул. Красная Пресня глубокая яма " + marker, null);

        // Not the coordinator's turn yet: no action on the card, and the server refuses it.
        openCardAs(coordinator, number);
        assertThat(actionIds()).isEmpty();
        assertThatThrownBy(() -> act(number, "accept", ActionInput.none(), coordinator))
                .isInstanceOfSatisfying(ActionDeniedException.class,
                        e -> assertThat(e.why()).isEqualTo(ActionDeniedException.Why.ROLE));

        openCardAs(moderator, number);
        assertThat(status()).isEqualTo("На модерации");
        assertThat(textOf("civic-card-published")).contains("нет");
        // Exactly the moderation stage's actions of tynda.yaml (accept, set-category, change-organisation, refuse, ...).
        assertThat(actionIds()).contains("accept", "set-category", "refuse")
                .containsExactlyInAnyOrderElementsOf(stageActions("moderation"));

        ActionDialog dialog = click("accept");
        @SuppressWarnings("unchecked")
        ComboBox<TenantConfiguration.Category> category = (ComboBox<TenantConfiguration.Category>) dialog
                .input(ActionField.CATEGORY);
        category.setValue(item(category, c -> c.id().equals("road-repair")));
        ((TextArea) dialog.input(ActionField.COMMENT)).setValue("Категория определена модератором");
        submit(dialog);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(stage()).contains("Координация");
        assertThat(status()).isEqualTo("В работе");
        assertThat(textOf("civic-card-category")).contains("Дороги › Ремонт дорог, ямы");
        assertThat(textOf("civic-card-published")).contains("да");
        assertThat(history()).anySatisfy(h -> assertThat(h).contains("Принять в работу")
                .contains("Категория определена модератором"));
        // The message has moved on: the moderator has nothing left to do with it.
        assertThat(actionIds()).isEmpty();
    }

    // ---- coordinator ----------------------------------------------------------------------------------------

    @Test
    void coordinatorRedirectsWithACommentAndAssignsTheExecutorPickedInTheDialog() {
        Account moderator = staff("mod", "Ольга Модераторова", Role.MODERATOR, null);
        Account coordinator = staff("coord", "Игорь Координаторов", Role.COORDINATOR, null);
        Account executor = staff("exec", "Павел Архитекторов " + marker, Role.EXECUTOR, "otdel-arch");
        String number = submit("Разбита дорога у строящегося дома на ул. Мохортова " + marker, "road-repair");
        act(number, "accept", ActionInput.none(), moderator);

        openCardAs(moderator, number);
        assertThat(actionIds()).isEmpty();

        openCardAs(coordinator, number);
        assertThat(actionIds()).contains("assign", "redirect")
                .containsExactlyInAnyOrderElementsOf(stageActions("coordination"));

        // Redirect: the comment is required; what was chosen stays while it is missing.
        ActionDialog redirect = click("redirect");
        @SuppressWarnings("unchecked")
        ComboBox<TenantConfiguration.Organisation> organisation = (ComboBox<TenantConfiguration.Organisation>) redirect
                .input(ActionField.ORGANISATION);
        TenantConfiguration.Organisation arch = item(organisation, o -> o.id().equals("otdel-arch"));
        organisation.setValue(arch);
        submit(redirect);
        TextArea comment = (TextArea) redirect.input(ActionField.COMMENT);
        assertThat(redirect.isOpened()).isTrue();
        assertThat(comment.isInvalid()).isTrue();
        assertThat(organisation.getValue()).isEqualTo(arch);
        comment.setValue("Участок на территории застройки");
        submit(redirect);

        assertThat(redirect.isOpened()).isFalse();
        assertThat(stage()).contains("Координация");
        assertThat(textOf("civic-card-organisation")).contains("Отдел архитектуры и градостроительства");
        assertThat(history()).anySatisfy(h -> assertThat(h).contains("Перенаправить в другую организацию")
                .contains("Участок на территории застройки"));

        // Assign: the executor is one of the tenant's executors offered in the combo box.
        ActionDialog assign = click("assign");
        @SuppressWarnings("unchecked")
        ComboBox<Account> executors = (ComboBox<Account>) assign.input(ActionField.EXECUTOR);
        Account offered = item(executors, a -> a.getId().equals(executor.getId()));
        assertThat(executors.getItemLabelGenerator().apply(offered))
                .isEqualTo("Павел Архитекторов " + marker + " (otdel-arch)");
        executors.setValue(offered);
        submit(assign);

        assertThat(assign.isOpened()).isFalse();
        assertThat(stage()).contains("Исполнение");
        assertThat(history()).anySatisfy(h -> assertThat(h).contains("Назначить исполнителя"));
        assertThat(actionIds()).isEmpty();

        // Now it is the assigned executor's, and the coordinator may not answer for them.
        openCardAs(executor, number);
        assertThat(actionIds()).contains("answer").containsExactlyInAnyOrderElementsOf(stageActions("execution"));
        assertThatThrownBy(() -> act(number, "answer", answer(coordinator, List.of()), coordinator))
                .isInstanceOf(ActionDeniedException.class);
    }

    // ---- executor -------------------------------------------------------------------------------------------

    @Test
    void executorAnswersFromATemplateWithResultPositionHeadsAndAScanAndTheAnswerGoesToAgreement() {
        Account coordinator = staff("coord", "Игорь Координаторов", Role.COORDINATOR, null);
        Account executor = staff("exec", "Анна Исполнителева " + marker, Role.EXECUTOR, "upr-zhkh");
        Account otherExecutor = staff("exec2", "Пётр Другой " + marker, Role.EXECUTOR, "upr-zhkh");
        Account head = staff("head", "Сергей Начальников " + marker, Role.HEAD, "upr-zhkh");
        Account deputy = staff("deputy", "Вера Заместителева " + marker, Role.HEAD, "adm");
        String number = atExecution("Яма на дороге у остановки «Школа № 1» " + marker, coordinator, executor);

        openCardAs(otherExecutor, number);
        assertThat(actionIds()).isEmpty();

        openCardAs(executor, number);
        ActionDialog dialog = click("answer");

        // Ready answers for roads (the category's parent) and for every category, not those of other categories.
        @SuppressWarnings("unchecked")
        ComboBox<TenantConfiguration.AnswerTemplate> templates = find(ComboBox.class)
                .withClassName("civic-answer-template").single();
        assertThat(templates.getListDataView().getItems().map(TenantConfiguration.AnswerTemplate::title))
                .contains("Ремонт дороги запланирован", "Меры приняты")
                .doesNotContain("Проверка организации питания")
                .containsExactlyInAnyOrderElementsOf(tenants.getRequired(TYNDA).configuration()
                        .answerTemplatesFor("road-repair").stream().map(TenantConfiguration.AnswerTemplate::title)
                        .toList());
        templates.setValue(item(templates, t -> t.id().equals("road-repair")));
        TextArea answer = (TextArea) dialog.input(ActionField.ANSWER);
        assertThat(answer.getValue())
                .isEqualTo("Уважаемый заявитель! Ремонт указанного участка включён в план дорожных работ города.");
        answer.setValue(answer.getValue() + " Срок — до 30 июня.");

        @SuppressWarnings("unchecked")
        Select<Message.Result> result = (Select<Message.Result>) dialog.input(ActionField.RESULT);
        result.setValue(Message.Result.RESOLVED);
        ((TextField) dialog.input(ActionField.EXECUTOR_POSITION)).setValue("Главный специалист");
        @SuppressWarnings("unchecked")
        ComboBox<Account> heads = (ComboBox<Account>) dialog.input(ActionField.HEAD);
        heads.setValue(item(heads, a -> a.getId().equals(head.getId())));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Account> agreeing = (MultiSelectComboBox<Account>) dialog.input(ActionField.AGREEING);
        agreeing.setValue(Set.of(item(agreeing, a -> a.getId().equals(deputy.getId()))));

        Upload upload = find(Upload.class).single();
        TenantContext.runAs(TYNDA, () -> test(upload).upload("akt-osmotra.pdf", "application/pdf", smallPdf()));
        assertThat(find(Div.class).withClassName("civic-action-files").single().getElement().getTextRecursively())
                .contains("akt-osmotra.pdf");
        submit(dialog);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(stage()).contains("Согласование");
        assertThat(history()).anySatisfy(h -> assertThat(h).contains("Подготовить ответ"));
        assertThat(actionIds()).isEmpty();
        // The executor's draft is before the agreeing head, scan included.
        openCardAs(deputy, number);
        assertThat(actionIds()).contains("agree", "reject")
                .containsExactlyInAnyOrderElementsOf(stageActions("agreement"));
        assertThat(find(Paragraph.class).withClassName("civic-card-answer").single().getText())
                .endsWith("Срок — до 30 июня.");
        assertThat(textOf("civic-card-result")).contains("Решено");
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).all())
                .anySatisfy(a -> {
                    assertThat(a.getHref()).startsWith("/api/v1/attachments/tynda/attachments/").endsWith(".pdf");
                    assertThat(a.getText()).isEqualTo("Вложение 1 (PDF)");
                });
        // The executor may not agree his own answer.
        assertThatThrownBy(() -> act(number, "agree", ActionInput.none(), executor))
                .isInstanceOfSatisfying(ActionDeniedException.class,
                        e -> assertThat(e.why()).isEqualTo(ActionDeniedException.Why.NOT_ASSIGNEE));
    }

    // ---- head at agreement ----------------------------------------------------------------------------------

    @Test
    void agreeingHeadRejectsWithACommentBackToTheExecutorThenAgreesAndTheAnswerGoesToApproval() {
        Account coordinator = staff("coord", "Игорь Координаторов", Role.COORDINATOR, null);
        Account executor = staff("exec", "Анна Исполнителева", Role.EXECUTOR, "upr-zhkh");
        Account head = staff("head", "Сергей Начальников", Role.HEAD, "upr-zhkh");
        Account deputy = staff("deputy", "Вера Заместителева", Role.HEAD, "upr-zhkh");
        String number = atExecution("Не убран снег на ул. Профсоюзной " + marker, coordinator, executor);
        act(number, "answer", answer(head, List.of(deputy)), executor);

        // The approving head is not asked to agree: no action, refused on the server.
        openCardAs(head, number);
        assertThat(actionIds()).isEmpty();
        assertThatThrownBy(() -> act(number, "agree", ActionInput.none(), head))
                .isInstanceOfSatisfying(ActionDeniedException.class,
                        e -> assertThat(e.why()).isEqualTo(ActionDeniedException.Why.NOT_ASSIGNEE));

        openCardAs(deputy, number);
        assertThat(actionIds()).contains("agree", "reject")
                .containsExactlyInAnyOrderElementsOf(stageActions("agreement"));
        ActionDialog reject = click("reject");
        submit(reject);
        TextArea comment = (TextArea) reject.input(ActionField.COMMENT);
        assertThat(reject.isOpened()).isTrue();
        assertThat(comment.isInvalid()).isTrue();
        comment.setValue("Укажите сроки уборки");
        submit(reject);

        assertThat(reject.isOpened()).isFalse();
        assertThat(stage()).contains("Исполнение");
        assertThat(history()).anySatisfy(h -> assertThat(h).contains("Отклонить").contains("Укажите сроки уборки"));
        assertThat(actionIds()).isEmpty();

        act(number, "answer", answer(head, List.of(deputy)), executor);
        openCardAs(deputy, number);
        ActionDialog agree = click("agree");
        submit(agree);

        assertThat(agree.isOpened()).isFalse();
        assertThat(stage()).contains("Утверждение");
        assertThat(history()).anySatisfy(h -> assertThat(h).contains("Согласовать"));
        assertThat(actionIds()).isEmpty();
    }

    // ---- head at approval -----------------------------------------------------------------------------------

    @Test
    void namedHeadApprovesTheAnswerAndTheMessageIsAnswered() {
        Account coordinator = staff("coord", "Игорь Координаторов", Role.COORDINATOR, null);
        Account executor = staff("exec", "Анна Исполнителева", Role.EXECUTOR, "upr-zhkh");
        Account head = staff("head", "Сергей Начальников", Role.HEAD, "upr-zhkh");
        Account otherHead = staff("head2", "Олег Соседов", Role.HEAD, "upr-zhkh");
        String number = atExecution("Не работает уличный фонарь на ул. Мира " + marker, coordinator, executor);
        act(number, "answer", answer(head, List.of()), executor);

        // Another head of the same body is not the one named: no action, refused on the server.
        openCardAs(otherHead, number);
        assertThat(stage()).contains("Утверждение");
        assertThat(actionIds()).isEmpty();
        assertThatThrownBy(() -> act(number, "approve", ActionInput.none(), otherHead))
                .isInstanceOfSatisfying(ActionDeniedException.class,
                        e -> assertThat(e.why()).isEqualTo(ActionDeniedException.Why.NOT_ASSIGNEE));

        openCardAs(head, number);
        assertThat(actionIds()).contains("approve", "reject")
                .containsExactlyInAnyOrderElementsOf(stageActions("approval"));
        ActionDialog approve = click("approve");
        ((TextArea) approve.input(ActionField.COMMENT)).setValue("Утверждаю");
        submit(approve);

        assertThat(approve.isOpened()).isFalse();
        assertThat(status()).isEqualTo("Дан ответ");
        assertThat(find(Paragraph.class).withClassName("civic-card-answer").single().getText())
                .isEqualTo("Ремонт выполнен, участок принят комиссией");
        assertThat(textOf("civic-card-result")).contains("Решено");
        assertThat(history()).anySatisfy(h -> assertThat(h).contains("Утвердить ответ").contains("Утверждаю"));
        // What is left is the author's rating, not the head's.
        assertThat(actionIds()).isEmpty();
    }

    // ---- curator --------------------------------------------------------------------------------------------

    @Test
    void curatorFollowsEveryStageInFlightButActsOnNone() {
        Account coordinator = staff("coord", "Игорь Координаторов", Role.COORDINATOR, null);
        Account executor = staff("exec", "Анна Исполнителева", Role.EXECUTOR, "upr-zhkh");
        Account curator = staff("cur", "Татьяна Кураторова", Role.CURATOR, null);
        String fresh = submit("Сломана скамейка в сквере " + marker, null);
        String working = atExecution("Переполнены мусорные баки у дома 12 " + marker, coordinator, executor);

        signIn(curator);
        cleanVaadinEnvironment();
        Div view = TenantContext.callAs(TYNDA, () -> {
            initVaadinEnvironment();
            return navigate("admin/in-flight", Div.class);
        });
        assertThat(view.getClassNames()).contains("civic-in-flight");
        @SuppressWarnings("unchecked")
        Grid<QueueItem> grid = find(Grid.class).withClassName("civic-queue-grid").single();
        List<QueueItem> rows = grid.getGenericDataView().getItems()
                .filter(q -> q.number().equals(fresh) || q.number().equals(working)).toList();
        assertThat(rows).extracting(QueueItem::number, QueueItem::stageName)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(fresh, "Модерация"),
                        org.assertj.core.groups.Tuple.tuple(working, "Исполнение"));

        // The curator controls, the officials act: the card offers nothing and the server refuses.
        openCardAs(curator, working);
        assertThat(stage()).contains("Исполнение");
        assertThat(actionIds()).isEmpty();
        assertThatThrownBy(() -> act(fresh, "accept", ActionInput.none(), curator))
                .isInstanceOfSatisfying(ActionDeniedException.class,
                        e -> assertThat(e.why()).isEqualTo(ActionDeniedException.Why.ROLE));

        // The curator's screen of everything in flight is not the coordinator's.
        signIn(coordinator);
        cleanVaadinEnvironment();
        Component shown = TenantContext.callAs(TYNDA, () -> {
            initVaadinEnvironment();
            return navigate("admin/in-flight", Component.class);
        });
        assertThat(shown.getElement().getClassList()).doesNotContain("civic-in-flight");
        assertThat(find(Grid.class).withClassName("civic-queue-grid").all()).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Account staff(String kind, String name, Role role, String organisation) {
        return TenantContext.callAs(TYNDA, () -> accounts.create("roles-" + kind + "-" + marker, "x", name, null,
                Set.of(role), organisation));
    }

    private String submit(String text, String category) {
        return TenantContext.callAs(TYNDA, () -> {
            Account author = accounts.create("roles-author-" + UUID.randomUUID().toString().substring(0, 8), "x",
                    "Мария Жительницева", null, Set.of(Role.CITIZEN), null);
            return intake.submit(new SubmitMessage(null, text, category, null, null, false, List.of(), null, null),
                    new Author(author.getId(), author.getDisplayName(), null, null), Message.Channel.PORTAL)
                    .number();
        });
    }

    /** Accepted by a moderator and assigned to the executor by the coordinator, through the service. */
    private String atExecution(String text, Account coordinator, Account executor) {
        Account moderator = staff("m" + UUID.randomUUID().toString().substring(0, 4), "Модератор", Role.MODERATOR,
                null);
        String number = submit(text, "road-repair");
        act(number, "accept", ActionInput.none(), moderator);
        act(number, "assign", ActionInput.builder().executor(executor.getId()).build(), coordinator);
        return number;
    }

    private static ActionInput answer(Account head, List<Account> agreeing) {
        return ActionInput.builder().result(Message.Result.RESOLVED)
                .answer("Ремонт выполнен, участок принят комиссией").executorPosition("Главный специалист")
                .head(head.getId()).agreeing(agreeing.stream().map(Account::getId).toList()).build();
    }

    private void act(String number, String action, ActionInput input, Account who) {
        Actor actor = Actors.of(who);
        TenantContext.runAs(TYNDA, () -> workflow.act(number, action, input, actor));
    }

    private void signIn(Account account) {
        TestSignIn.asUser(TYNDA.value(), account.getUsername(), account.getDisplayName(),
                account.getRoles().stream().map(Role::name).toArray(String[]::new));
    }

    private void openCardAs(Account account, String number) {
        signIn(account);
        cleanVaadinEnvironment();
        TenantContext.callAs(TYNDA, () -> {
            initVaadinEnvironment();
            return navigate("admin/messages/" + number, MessageCardView.class);
        });
    }

    private List<String> stageActions(String stage) {
        return tenants.getRequired(TYNDA).configuration().workflow().requiredStage(stage).actions().stream()
                .map(TenantConfiguration.Action::id).toList();
    }

    private List<String> actionIds() {
        return find(Button.class).withClassName("civic-card-action").all().stream()
                .map(b -> b.getElement().getAttribute("data-action")).toList();
    }

    private ActionDialog click(String actionId) {
        Button button = find(Button.class).withClassName("civic-card-action").all().stream()
                .filter(b -> actionId.equals(b.getElement().getAttribute("data-action"))).findFirst().orElseThrow();
        TenantContext.runAs(TYNDA, () -> test(button).click());
        return find(ActionDialog.class).single();
    }

    private void submit(ActionDialog dialog) {
        TenantContext.runAs(TYNDA, () -> test(find(Button.class).withClassName("civic-action-submit").single()).click());
    }

    private String status() {
        return find(Span.class).withClassName("civic-card-status").single().getText();
    }

    private String stage() {
        return find(Span.class).withClassName("civic-card-stage").single().getText();
    }

    private List<String> history() {
        Div history = find(Div.class).withClassName("civic-card-history").single();
        return history.getChildren().flatMap(Component::getChildren).filter(ListItem.class::isInstance)
                .map(c -> ((ListItem) c).getText()).toList();
    }

    private String textOf(String className) {
        return find(Component.class).withClassName(className).single().getElement().getTextRecursively();
    }

    private static <T> T item(ComboBox<T> combo, java.util.function.Predicate<T> which) {
        return combo.getListDataView().getItems().filter(which).findFirst().orElseThrow();
    }

    private static <T> T item(MultiSelectComboBox<T> combo, java.util.function.Predicate<T> which) {
        return combo.getListDataView().getItems().filter(which).findFirst().orElseThrow();
    }

    /** The smallest well-formed PDF: one empty page (a scan of an inspection report stands in for it). */
    private static byte[] smallPdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }
}
