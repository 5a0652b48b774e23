package ru.civic.portal.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.civic.platform.poll.Poll;
import ru.civic.platform.poll.PollDraft;
import ru.civic.platform.poll.PollDraft.QuestionDraft;
import ru.civic.platform.poll.PollKind;
import ru.civic.platform.poll.Polls;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.portal.TestSignIn;

/** The portal's vote form: limits refused at the question with the choices kept, a guest's vote where allowed. */
@SpringBootTest
class PollViewTest extends SpringBrowserlessTest {

    @Autowired
    Polls polls;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private UUID openPoll(TenantId tenant, ZoneId zone, int days) {
        TestSignIn.as(tenant.value(), "OPERATOR");
        LocalDate today = LocalDate.now(zone);
        UUID id = TenantContext.callAs(tenant, () -> {
            UUID created = polls.create(new PollDraft(PollKind.ORDINARY, "Парк " + marker, "Что нужно в парке",
                    List.of(new QuestionDraft("Какие площадки нужны?", List.of("Детская", "Спортивная", "Для собак"),
                            2, 2), QuestionDraft.single("Нужен ли фонтан?", "Да", "Нет")),
                    today, today.plusDays(days - 1), List.of()));
            polls.submit(created);
            polls.approve(created);
            return created;
        });
        TestSignIn.out();
        return id;
    }

    private Component open(TenantId tenant, String location) {
        cleanVaadinEnvironment();
        return TenantContext.callAs(tenant, () -> {
            initVaadinEnvironment();
            return navigate(location, Component.class);
        });
    }

    @SuppressWarnings("unchecked")
    @Test
    void aGuestInTomskSeesTheLimitAtTheQuestionKeepsTheChoicesAndThenVotes() {
        TenantId tomsk = TenantId.of("tomsk");
        UUID id = openPoll(tomsk, ZoneId.of("Asia/Tomsk"), 7);
        assertThat(((Component) open(tomsk, "polls")).getElement().getOuterHTML()).contains("Парк " + marker);
        assertThat(find(Anchor.class).all()).anyMatch(a -> "polls".equals(a.getHref()));

        PollView view = (PollView) open(tomsk, "polls/" + id);
        Poll poll = TenantContext.callAs(tomsk, () -> polls.published(id));
        CheckboxGroup<Poll.Option> areas = (CheckboxGroup<Poll.Option>) view.answerFields()
                .get(poll.questions().get(0).id());
        RadioButtonGroup<Poll.Option> fountain = (RadioButtonGroup<Poll.Option>) view.answerFields()
                .get(poll.questions().get(1).id());
        Poll.Option children = poll.questions().get(0).options().get(0);
        TenantContext.runAs(tomsk, () -> {
            areas.setValue(Set.of(children));
            fountain.setValue(poll.questions().get(1).options().get(0));
            test(view.voteButton()).click();
        });
        assertThat(areas.isInvalid()).isTrue();
        assertThat(areas.getErrorMessage()).isEqualTo("Выберите не меньше 2 вариантов.");
        assertThat(fountain.isInvalid()).isFalse();
        assertThat(areas.getValue()).containsExactly(children); // nothing chosen is lost
        assertThat(TenantContext.callAs(tomsk, () -> polls.published(id)).votes()).isZero();

        TenantContext.runAs(tomsk, () -> {
            areas.setValue(Set.of(children, poll.questions().get(0).options().get(2)));
            test(view.voteButton()).click();
        });
        assertThat(areas.isInvalid()).isFalse();
        assertThat(view.outcome().getText()).isEqualTo("Спасибо, ваш голос учтён.");
        assertThat(view.voteButton().isEnabled()).isFalse();
        Poll voted = TenantContext.callAs(tomsk, () -> polls.published(id));
        assertThat(voted.votes()).isEqualTo(1);
        assertThat(voted.guestVotes()).isEqualTo(1);
    }

    @Test
    void aGuestInGubkinskyIsAskedToSignInToVote() {
        TenantId gubkinsky = TenantId.of("gubkinsky");
        UUID id = openPoll(gubkinsky, ZoneId.of("Asia/Yekaterinburg"), 21);
        PollView view = (PollView) open(gubkinsky, "polls/" + id);
        assertThat(view.voteButton().isEnabled()).isFalse();
        assertThat(view.outcome().getText()).contains("Войдите, чтобы проголосовать");
    }
}
