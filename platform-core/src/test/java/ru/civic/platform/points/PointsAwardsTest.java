package ru.civic.platform.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.test.context.support.WithMockUser;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.message.Supporter;
import ru.civic.platform.message.Supports;
import ru.civic.platform.poll.Poll;
import ru.civic.platform.poll.PollDraft;
import ru.civic.platform.poll.PollDraft.QuestionDraft;
import ru.civic.platform.poll.PollKind;
import ru.civic.platform.poll.PollVoted;
import ru.civic.platform.poll.Polls;
import ru.civic.platform.poll.Voter;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantAdministration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.testsupport.TestClock;
import ru.civic.platform.workflow.ActionInput;
import ru.civic.platform.workflow.CitizenBlocking;
import ru.civic.platform.workflow.WorkflowService;

/**
 * Points follow what residents do, as each tenant prices it (Tomsk 1.1, Gubkinsky 2, 3.9): through the real
 * services and events on the real database, once per source, nothing where points are off, annulled on a block
 * where the tenant says so.
 */
@SpringBootTest
@WithMockUser(roles = {"OPERATOR", "MODERATOR"})
class PointsAwardsTest {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final TenantId GUBKINSKY = TenantId.of("gubkinsky");
    private static final TenantId TYNDA = TenantId.of("tynda");
    private static final Path TENANTS = Path.of(System.getProperty("platform.repository-root", ".."), "config",
            "tenants");

    @Autowired
    PointsLedger ledger;
    @Autowired
    AccountService accounts;
    @Autowired
    MessageIntake intake;
    @Autowired
    WorkflowService workflow;
    @Autowired
    Supports supports;
    @Autowired
    Polls polls;
    @Autowired
    CitizenBlocking blocking;
    @Autowired
    TenantAdministration administration;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TestClock clock;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Actor person(TenantId tenant, String name, String organisation, Role role) {
        return TenantContext.callAs(tenant, () -> {
            Account a = accounts.create(name + "-" + marker, "secret", name + " " + marker,
                    name + "-" + marker + "@example.ru", EnumSet.of(role), organisation);
            return Actors.of(a);
        });
    }

    private String submit(TenantId tenant, Actor author, String category) {
        Place place = tenant.equals(GUBKINSKY) ? null : new Place(56.48, 84.95, "ул. Мира, 1");
        return TenantContext.callAs(tenant, () -> intake.submit(
                new SubmitMessage(null, "Яма во дворе дома " + marker, category, place, null, false, List.of(), null,
                        null),
                new Author(author.accountId(), author.name(), null, null), Message.Channel.PORTAL).number());
    }

    private void act(TenantId tenant, String number, String action, ActionInput input, Actor actor) {
        TenantContext.runAs(tenant, () -> workflow.act(number, action, input, actor));
    }

    private List<PointsEntry> history(TenantId tenant, Actor who) {
        return TenantContext.callAs(tenant, () -> ledger.history(who.accountId()));
    }

    private long balance(TenantId tenant, Actor who) {
        return TenantContext.callAs(tenant, () -> ledger.balance(who.accountId()));
    }

    @Test
    void aPublishedTomskMessageEarnsItsAuthorTenPointsOnceWhateverFollows() {
        Actor author = person(TOMSK, "pts-author", null, Role.CITIZEN);
        Actor operator = person(TOMSK, "pts-operator", "operator", Role.OPERATOR);
        Actor executor = person(TOMSK, "pts-executor", "dep-transport", Role.EXECUTOR);
        String number = submit(TOMSK, author, "potholes");
        assertThat(history(TOMSK, author)).isEmpty(); // submitted is not published

        act(TOMSK, number, "publish", ActionInput.none(), operator);
        act(TOMSK, number, "answer", ActionInput.builder().answer("Отремонтируем в мае").build(), executor);

        assertThat(history(TOMSK, author)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.AWARD);
            assertThat(e.action()).isEqualTo(PointsAction.MESSAGE_PUBLISHED);
            assertThat(e.amount()).isEqualTo(10);
        });
        assertThat(balance(TOMSK, author)).isEqualTo(10);
    }

    @Test
    void tyndaWithPointsOffAwardsNothing() {
        Actor author = person(TYNDA, "pts-tynda", null, Role.CITIZEN);
        Actor moderator = person(TYNDA, "pts-tynda-mod", null, Role.MODERATOR);
        String number = TenantContext.callAs(TYNDA, () -> intake.submit(
                new SubmitMessage(null, "Не горит фонарь " + marker, null, null, null, false, List.of(), null, null),
                new Author(author.accountId(), author.name(), null, null), Message.Channel.PORTAL).number());
        act(TYNDA, number, "set-category", ActionInput.builder().category("road-repair").build(), moderator);
        act(TYNDA, number, "accept", ActionInput.none(), moderator);
        // Whatever Tynda's workflow publishes, and a vote: points are off there.
        UUID messageId = UUID.randomUUID();
        events.publishEvent(new ru.civic.platform.workflow.MessageTransitioned("tynda", messageId, number, "publish",
                ru.civic.platform.tenancy.TenantConfiguration.ActionType.PUBLISH, "moderation", "published",
                ru.civic.platform.tenancy.TenantConfiguration.StageStatus.PUBLISHED, author.accountId(), true));
        events.publishEvent(new PollVoted("tynda", UUID.randomUUID(), "account:" + author.accountId(), false,
                author.accountId()));

        assertThat(history(TYNDA, author)).isEmpty();
        assertThat(balance(TYNDA, author)).isZero();
    }

    @Test
    @WithMockUser(roles = {"PLATFORM_OWNER", "OPERATOR", "MODERATOR"})
    void aSupportEarnsTheSupporterTheTenantsPriceOnceAndAGuestNothing() throws Exception {
        // No shipped tenant prices a support: a city that does is one more document, no code.
        TenantId city = TenantId.of("pts-" + marker.replaceAll("[^a-z0-9]", "a"));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode tree = (ObjectNode) yaml.readTree(Files.readString(TENANTS.resolve("tomsk.yaml")));
        tree.put("id", city.value());
        tree.putArray("hosts").add(city.value() + ".example.ru");
        ArrayNode rules = (ArrayNode) tree.get("points").get("rules");
        rules.addObject().put("action", "SUPPORT").put("points", 3);
        administration.save("api", yaml.writeValueAsString(tree), "test");

        Actor author = person(city, "sup-author", null, Role.CITIZEN);
        Actor supporter = person(city, "sup-supporter", null, Role.CITIZEN);
        Actor operator = person(city, "sup-operator", "operator", Role.OPERATOR);
        String number = submit(city, author, "potholes");
        act(city, number, "publish", ActionInput.none(), operator);

        TenantContext.runAs(city, () -> {
            supports.support(number, Supporter.account(supporter.accountId()));
            supports.support(number, Supporter.account(supporter.accountId()));
            supports.support(number, Supporter.guest(UUID.randomUUID()));
        });

        assertThat(history(city, supporter)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(PointsAction.SUPPORT);
            assertThat(e.amount()).isEqualTo(3);
        });
        assertThat(history(city, author)).extracting(PointsEntry::action)
                .containsExactly(PointsAction.MESSAGE_PUBLISHED);
    }

    @Test
    void aGubkinskyVoteEarnsVoteAndAFullyAnsweredPollEarnsCompletionOnce() {
        LocalDate start = LocalDate.of(2033, 4, 13);
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        clock.set(LocalDateTime.of(start.minusDays(1), LocalTime.NOON).atZone(zone));
        QuestionDraft optional = new QuestionDraft("Что ещё?", List.of("Фонари", "Урны"), 0, 1);
        UUID pollId = TenantContext.callAs(GUBKINSKY, () -> {
            UUID created = polls.create(new PollDraft(PollKind.ORDINARY, "Парк " + marker, "Что сделать в парке",
                    List.of(QuestionDraft.single("Цвет скамеек?", "Зелёный", "Синий"), optional), start,
                    start.plusDays(20), List.of()));
            polls.submit(created);
            polls.approve(created);
            return created;
        });
        clock.set(LocalDateTime.of(start, LocalTime.NOON).atZone(zone));
        Poll poll = TenantContext.callAs(GUBKINSKY, () -> polls.published(pollId));
        Poll.Question first = poll.questions().get(0);
        Poll.Question second = poll.questions().get(1);
        Actor full = person(GUBKINSKY, "vote-full", null, Role.CITIZEN);
        Actor partial = person(GUBKINSKY, "vote-partial", null, Role.CITIZEN);

        TenantContext.runAs(GUBKINSKY, () -> {
            polls.vote(pollId, Voter.account(full.accountId()), Map.of(first.id(),
                    Set.of(first.options().get(0).id()), second.id(), Set.of(second.options().get(1).id())), null);
            polls.vote(pollId, Voter.account(partial.accountId()), Map.of(first.id(),
                    Set.of(first.options().get(1).id())), null);
        });
        // The same event again (a redelivery) adds nothing.
        TenantContext.runAs(GUBKINSKY, () -> events.publishEvent(new PollVoted("gubkinsky", pollId,
                "account:" + full.accountId(), false, full.accountId())));

        assertThat(history(GUBKINSKY, full)).extracting(PointsEntry::action, PointsEntry::amount)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(PointsAction.VOTE, 2),
                        org.assertj.core.groups.Tuple.tuple(PointsAction.POLL_COMPLETED, 5));
        assertThat(history(GUBKINSKY, partial)).extracting(PointsEntry::action).containsExactly(PointsAction.VOTE);
        assertThat(history(GUBKINSKY, full)).extracting(PointsEntry::source).containsOnly("poll:" + pollId);
    }

    @Test
    void blockingAGubkinskyAuthorAnnulsEveryAwardWithTheReasonAndTheBalanceIsTheSumOfEntries() {
        Actor author = person(GUBKINSKY, "blk-author", null, Role.CITIZEN);
        Actor moderator = person(GUBKINSKY, "blk-moderator", null, Role.MODERATOR);
        TenantContext.runAs(GUBKINSKY, () -> {
            ledger.award(author.accountId(), PointsAction.IDEA_PUBLISHED, "idea:" + marker);
            ledger.award(author.accountId(), PointsAction.COMMENT, "comment:" + marker);
        });
        assertThat(balance(GUBKINSKY, author)).isEqualTo(11);
        String number = submit(GUBKINSKY, author, "yards");

        act(GUBKINSKY, number, "block-author", ActionInput.builder().reason("obscenity-extremism")
                .comment("Брань в тексте").build(), moderator);

        List<PointsEntry> history = history(GUBKINSKY, author);
        List<PointsEntry> annulments = history.stream().filter(e -> e.kind() == EntryKind.ANNULMENT).toList();
        assertThat(annulments).hasSize(2).allSatisfy(e -> {
            assertThat(e.amount()).isNegative();
            assertThat(e.reason()).startsWith("Нецензурная лексика").endsWith("(" + number + ")");
            assertThat(e.reverses()).isNotNull();
        });
        assertThat(annulments).extracting(PointsEntry::amount).containsExactlyInAnyOrder(-10, -1);
        assertThat(balance(GUBKINSKY, author)).isZero()
                .isEqualTo(history.stream().mapToLong(PointsEntry::amount).sum());
        // Blocked, they earn nothing more: a late award event is ignored.
        TenantContext.runAs(GUBKINSKY, () -> events.publishEvent(new ru.civic.platform.campaign.CommentPublished(
                "gubkinsky", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), author.accountId(),
                java.time.Instant.now())));
        assertThat(balance(GUBKINSKY, author)).isZero();
    }

    @Test
    void blockingATomskResidentKeepsTheirPoints() {
        Actor resident = person(TOMSK, "keep-resident", null, Role.CITIZEN);
        TenantContext.runAs(TOMSK, () -> ledger.award(resident.accountId(), PointsAction.VOTE, "poll:" + marker));

        TenantContext.runAs(TOMSK, () -> blocking.block(resident.accountId(), "Спам в комментариях"));

        assertThat(TenantContext.callAs(TOMSK, () -> accounts.find(resident.accountId()).orElseThrow().isBlocked()))
                .isTrue();
        assertThat(history(TOMSK, resident)).extracting(PointsEntry::kind).containsExactly(EntryKind.AWARD);
        assertThat(balance(TOMSK, resident)).isEqualTo(2);
    }

    @Test
    void anEventOfOneTenantNeverTouchesAnotherTenantsResident() {
        Actor gubkinskyResident = person(GUBKINSKY, "iso-gub", null, Role.CITIZEN);
        Actor tomskResident = person(TOMSK, "iso-tomsk", null, Role.CITIZEN);
        UUID poll = UUID.randomUUID();
        TenantContext.runAs(GUBKINSKY, () -> ledger.award(gubkinskyResident.accountId(), PointsAction.VOTE,
                "poll:" + marker));

        // Tomsk events naming the Gubkinsky resident: a vote, and a block (Tomsk keeps points anyway; Gubkinsky
        // would annul, but the event is Tomsk's).
        events.publishEvent(new PollVoted("tomsk", poll, "account:" + gubkinskyResident.accountId(), false,
                gubkinskyResident.accountId()));
        events.publishEvent(new ru.civic.platform.workflow.AuthorBlocked("tomsk", gubkinskyResident.accountId(),
                "Чужой блок", null));
        events.publishEvent(new PollVoted("tomsk", poll, "account:" + tomskResident.accountId(), false,
                tomskResident.accountId()));

        assertThat(history(GUBKINSKY, gubkinskyResident)).singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo("poll:" + marker));
        assertThat(history(TOMSK, gubkinskyResident)).isEmpty();
        assertThat(history(TOMSK, tomskResident)).extracting(PointsEntry::source).containsExactly("poll:" + poll);
        assertThat(history(GUBKINSKY, tomskResident)).isEmpty();
    }
}
