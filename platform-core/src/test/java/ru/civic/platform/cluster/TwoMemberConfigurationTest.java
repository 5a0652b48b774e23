package ru.civic.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import ru.civic.platform.CoreTestApplication;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRules;
import ru.civic.platform.tenancy.TenantAdministration;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Two instances of the platform, each with its embedded Hazelcast member, on one database: a configuration change
 * saved through one is served by the other without a restart.
 */
class TwoMemberConfigurationTest {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    private static ConfigurableApplicationContext start(String cluster, int port) {
        // Command-line arguments: they outrank the test configuration file's own cluster name.
        return new SpringApplicationBuilder(CoreTestApplication.class)
                .run("--server.port=0",
                        "--platform.hazelcast.cluster-name=" + cluster,
                        "--platform.hazelcast.port=" + port,
                        "--platform.hazelcast.members=127.0.0.1:5911,127.0.0.1:5912",
                        "--platform.demo-data=false");
    }

    @BeforeEach
    void asPlatformOwner() {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("owner", "n/a", "ROLE_PLATFORM_OWNER"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @BeforeAll
    static void twoMembers() {
        String cluster = "two-members-" + UUID.randomUUID();
        first = start(cluster, 5911);
        second = start(cluster, 5912);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aChangeSavedThroughOneMemberIsServedByTheOther() throws Exception {
        assertThat(first.getBean(HazelcastInstance.class).getCluster().getMembers()).hasSize(2);
        TenantRegistry secondRegistry = second.getBean(TenantRegistry.class);
        TenantAdministration firstAdministration = first.getBean(TenantAdministration.class);
        TenantId tomsk = TenantId.of("tomsk");
        long versionBefore = secondRegistry.getRequired(tomsk).version();

        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode document = (ObjectNode) yaml.readTree(firstAdministration.exportYaml(tomsk));
        String newTitle = "Активный житель " + UUID.randomUUID().toString().substring(0, 6);
        ((ObjectNode) document.get("branding")).put("title", newTitle);
        firstAdministration.save("test", yaml.writeValueAsString(document), "first member");

        await(() -> secondRegistry.getRequired(tomsk).version() > versionBefore);
        assertThat(secondRegistry.getRequired(tomsk).configuration().branding().title()).isEqualTo(newTitle);
    }

    @Test
    void aNewTenantCreatedOnOneMemberResolvesOnTheOther() throws Exception {
        String id = "t" + UUID.randomUUID().toString().substring(0, 8);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        TenantAdministration firstAdministration = first.getBean(TenantAdministration.class);
        ObjectNode document = (ObjectNode) yaml.readTree(firstAdministration.exportYaml(TenantId.of("zarechny")));
        document.put("id", id);
        document.putArray("hosts").add(id + ".example.ru");
        firstAdministration.save("test", yaml.writeValueAsString(document), "first member");

        TenantRegistry secondRegistry = second.getBean(TenantRegistry.class);
        await(() -> secondRegistry.findByHost(id + ".localhost").isPresent());
        assertThat(secondRegistry.findByHost(id + ".example.ru")).isPresent();
    }

    @Test
    void aMessageSubmittedOnOneMemberSignalsTheOthersOpenQueuesOfThatTenantOnly() throws Exception {
        java.util.List<ru.civic.platform.workflow.WorkArrived> zarechnySignals =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<ru.civic.platform.workflow.WorkArrived> tomskSignals =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        ru.civic.platform.workflow.WorkSignals signals = second.getBean(ru.civic.platform.workflow.WorkSignals.class);
        try (var z = signals.subscribe(TenantId.of("zarechny"), zarechnySignals::add);
                var t = signals.subscribe(TenantId.of("tomsk"), tomskSignals::add)) {
            ru.civic.platform.message.Receipt receipt = ru.civic.platform.tenancy.TenantContext.callAs(
                    TenantId.of("tomsk"), () -> first.getBean(ru.civic.platform.message.MessageIntake.class).submit(
                            new ru.civic.platform.message.SubmitMessage(null, "Яма у подъезда, сигнал в очередь", "potholes",
                                    new ru.civic.platform.message.Place(56.52, 84.9, "ул. Ленина, 1"), null, false,
                                    java.util.List.of(), null, null),
                            new ru.civic.platform.message.Author(null, "Гость", "guest@example.ru", null),
                            ru.civic.platform.message.Message.Channel.PORTAL));

            await(() -> tomskSignals.stream().anyMatch(w -> w.number().equals(receipt.number())));
            assertThat(tomskSignals).filteredOn(w -> w.number().equals(receipt.number()))
                    .allSatisfy(w -> assertThat(w.stage()).isEqualTo("moderation"));
            assertThat(zarechnySignals).noneMatch(w -> w.number().equals(receipt.number()));
        }
    }

    /** Issue 5, "must show": the regional operator's editor on one instance, the citizen's submission on another. */
    @Test
    void aRuleChangedInTheEditorAppliesToTheNextSubmissionOnTheOtherMember() throws Exception {
        TenantId tomsk = TenantId.of("tomsk");
        TenantRules editor = first.getBean(TenantRules.class);
        MessageIntake secondIntake = second.getBean(MessageIntake.class);
        TenantRegistry secondRegistry = second.getBean(TenantRegistry.class);
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("operator", "n/a", "ROLE_OPERATOR"));
        Author guest = new Author(null, "Гость", "guest@example.ru", null);
        SubmitMessage withoutDate = new SubmitMessage(null, "Яма у остановки", "potholes",
                new Place(56.48, 84.95, "пр. Ленина, 1"), null, false, java.util.List.of(), null, null);
        SubmitMessage withDate = new SubmitMessage(null, "Яма у остановки", "potholes",
                new Place(56.48, 84.95, "пр. Ленина, 1"), Instant.now().minus(Duration.ofHours(2)), false,
                java.util.List.of(), null, null);
        assertThat(TenantContext.callAs(tomsk, () -> secondIntake.submit(withoutDate, guest, Message.Channel.PORTAL))
                .number()).as("Tomsk does not ask for the date before the change").startsWith("TOM");

        TenantRules.Document before = TenantContext.callAs(tomsk, editor::current);
        ObjectNode edited = before.tree();
        edited.withObject("/intake").put("dateTimeRequired", true);
        try {
            TenantRules.Document saved = TenantContext.callAs(tomsk,
                    () -> editor.save(edited, before.version(), "Просим указывать дату"));
            await(() -> secondRegistry.getRequired(tomsk).version() >= saved.version());

            assertThatThrownBy(() -> TenantContext.callAs(tomsk,
                    () -> secondIntake.submit(withoutDate, guest, Message.Channel.PORTAL)))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                            .extracting(FieldProblem::field).containsExactly("occurredAt"));
            assertThat(TenantContext.callAs(tomsk, () -> secondIntake.submit(withDate, guest, Message.Channel.PORTAL))
                    .number()).startsWith("TOM");
        } finally {
            // One database for every test class of the run: Tomsk goes back to its file's rules.
            TenantContext.runAs(tomsk, () -> editor.save(before.tree(), editor.current().version(), "test clean-up"));
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition met within 15 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
