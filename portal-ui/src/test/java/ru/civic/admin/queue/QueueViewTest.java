package ru.civic.admin.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.workflow.QueueItem;
import ru.civic.portal.TestSignIn;

/** A moderator's queue in the back office: new messages with their deadline, searchable by number or text. */
@SpringBootTest
class QueueViewTest extends SpringBrowserlessTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");

    @Autowired
    AccountService accounts;
    @Autowired
    MessageIntake intake;
    @Autowired
    ru.civic.platform.workflow.WorkflowService workflow;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private String submitted(String text) {
        return TenantContext.callAs(TOMSK, () -> intake.submit(new SubmitMessage(null, text, "potholes",
                new Place(56.52, 84.9, "ул. Ленина, 5"), null, false, List.of(), null, null),
                new Author(null, "Гость", "guest@example.ru", null), Message.Channel.PORTAL).number());
    }

    private QueueView open(Role role) {
        Account staff = TenantContext.callAs(TOMSK, () -> accounts.create("q-" + role + "-" + marker, "x",
                "Сотрудник", null, Set.of(role), null));
        TestSignIn.asUser("tomsk", staff.getUsername(), staff.getDisplayName(), role.name());
        cleanVaadinEnvironment();
        return TenantContext.callAs(TOMSK, () -> {
            initVaadinEnvironment();
            return navigate("admin/queue", QueueView.class);
        });
    }

    private static List<String> shown(QueueView view) {
        return view.grid().getGenericDataView().getItems().map(QueueItem::number).toList();
    }

    @Test
    void moderatorFindsNewWorkWithItsDeadlineAndBySearch() {
        String pothole = submitted("Глубокая яма у школы " + marker);
        String other = submitted("Не убран снег во дворе " + marker);

        QueueView view = open(Role.MODERATOR);

        assertThat(shown(view)).contains(pothole, other);
        QueueItem item = view.grid().getGenericDataView().getItems().filter(q -> q.number().equals(pothole))
                .findFirst().orElseThrow();
        assertThat(view.countdown(item)).matches("(осталось \\d+ дн\\.|истекает сегодня).*");

        TenantContext.runAs(TOMSK, () -> test(view.search()).setValue("яма у школы " + marker));
        assertThat(shown(view)).containsExactly(pothole);
        TenantContext.runAs(TOMSK, () -> test(view.search()).setValue(other.toLowerCase()));
        assertThat(shown(view)).containsExactly(other);
    }

    @Test
    void anExecutorDoesNotSeeMessagesStillInModeration() {
        String pothole = submitted("Яма на остановке " + marker);
        QueueView view = open(Role.EXECUTOR);
        assertThat(shown(view)).doesNotContain(pothole);
    }

    @Test
    void newWorkAppearsInAnOpenQueueWithoutAReload() throws InterruptedException {
        QueueView view = open(Role.MODERATOR);
        assertThat(com.vaadin.flow.component.UI.getCurrent().getPushConfiguration().getPushMode())
                .isEqualTo(com.vaadin.flow.shared.communication.PushMode.AUTOMATIC);
        String fresh = submitted("Провал асфальта, пришло без перезагрузки " + marker);

        // The signal comes back through the cluster topic on another thread, which queues the refresh for the
        // page's session; the server round trip of a real browser runs it.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        while (!shown(view).contains(fresh)) {
            assertThat(java.time.Instant.now()).as("the queue refreshed within 15 s").isBefore(deadline);
            Thread.sleep(50);
            com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
        }
        assertThat($(com.vaadin.flow.component.notification.Notification.class).all())
                .anySatisfy(n -> assertThat(test(n).getText()).contains(fresh));
    }

    @Test
    void moderatorRefusesSeveralMessagesAtOnceAndSeesWhichDidNotGoThrough() {
        String spam1 = submitted("Реклама: куплю гараж " + marker);
        String spam2 = submitted("Реклама: продам гараж " + marker);
        String spam3 = submitted("Реклама: сдам гараж " + marker);
        QueueView view = open(Role.MODERATOR);
        List<QueueItem> chosen = view.grid().getGenericDataView().getItems()
                .filter(q -> List.of(spam1, spam2, spam3).contains(q.number())).toList();
        TenantContext.runAs(TOMSK, () -> view.grid().asMultiSelect().select(chosen));

        assertThat(view.bulk().isVisible()).isTrue();
        assertThat(view.bulk().action().getListDataView().getItems()
                .map(ru.civic.platform.workflow.AvailableAction::id)).contains("refuse", "publish");
        ru.civic.platform.workflow.AvailableAction refuse = view.bulk().action().getListDataView().getItems()
                .filter(a -> a.id().equals("refuse")).findFirst().orElseThrow();
        TenantContext.runAs(TOMSK, () -> {
            view.bulk().action().setValue(refuse);
            test(view.bulk().apply()).click();
        });
        ru.civic.admin.card.ActionDialog dialog = $(ru.civic.admin.card.ActionDialog.class).single();

        // Without a reason: the problem is the input's, shown at the field, and nothing is refused.
        TenantContext.runAs(TOMSK, () -> dialog.submit());
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<ru.civic.platform.tenancy.TenantConfiguration.RefusalReason> reason =
                (com.vaadin.flow.component.select.Select<ru.civic.platform.tenancy.TenantConfiguration.RefusalReason>)
                        dialog.input(ru.civic.platform.tenancy.TenantConfiguration.ActionField.REASON);
        assertThat(reason.isInvalid()).isTrue();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(shown(view)).contains(spam1, spam2, spam3);

        // Meanwhile another moderator publishes one of them.
        Account other = TenantContext.callAs(TOMSK, () -> accounts.create("q-other-" + marker, "x", "Другой", null,
                Set.of(Role.MODERATOR), null));
        TenantContext.runAs(TOMSK, () -> workflow.act(spam3, "publish", ru.civic.platform.workflow.ActionInput.none(),
                ru.civic.platform.message.Actors.of(other)));

        reason.setValue(reason.getListDataView().getItems().findFirst().orElseThrow());
        TenantContext.runAs(TOMSK, () -> dialog.submit());

        assertThat(dialog.isOpened()).isFalse();
        assertThat(view.bulk().outcome().getElement().getTextRecursively())
                .contains("выполнено 2, не выполнено 1").contains(spam3);
        assertThat(shown(view)).doesNotContain(spam1, spam2, spam3);
    }

    @Test
    void curatorSeesEverythingInFlightAndAModeratorMayNotAskForIt() {
        String fresh = submitted("Сломана скамейка " + marker);
        Account curator = TenantContext.callAs(TOMSK, () -> accounts.create("q-cur-" + marker, "x", "Куратор", null,
                Set.of(Role.CURATOR), null));
        TestSignIn.asUser("tomsk", curator.getUsername(), curator.getDisplayName(), "CURATOR");
        cleanVaadinEnvironment();
        InFlightView view = TenantContext.callAs(TOMSK, () -> {
            initVaadinEnvironment();
            return navigate("admin/in-flight", InFlightView.class);
        });
        assertThat(view.grid().getGenericDataView().getItems().map(QueueItem::number)).contains(fresh);

        TestSignIn.asUser("tomsk", "moderator", "Модератор", "MODERATOR");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantContext.runAs(TOMSK, () -> workflow.inFlight()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
