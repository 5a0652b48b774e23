package ru.civic.platform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.database.ApplicationDatabaseRole;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.message.Supporter;
import ru.civic.platform.message.Supports;
import ru.civic.platform.shared.PlatformProperties;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.testsupport.CpuMeter;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.workflow.ActionInput;
import ru.civic.platform.workflow.WorkflowService;

/**
 * A benchmark, not a test: throughput and latency of text submissions ({@link MessageIntake#submit}) and supports
 * ({@link Supports#support}) in-process against the test PostgreSQL (embedded unless Docker answers), next to the raw
 * single-row insert rate of the same server and the cost of telling each borrowed connection its tenant.
 *
 * <p>It asserts correctness only (no failed call, no double-counted support, gapless numbers), never timing; the
 * numbers go to stdout and to {@code docs/benchmarks/intake-and-supports.md}. Tagged {@code benchmark}: excluded from
 * the normal build, run with {@code ./mvnw -pl platform-core -Pbenchmark test}. Settings are system properties
 * ({@code -Dbenchmark.threads=32}, see {@link Settings}).
 *
 * <p>Every phase is closed-loop: {@code threads} clients call as fast as they can, first for the warm-up (not
 * recorded), then for the measured window. Latency is the client's view: it includes waiting for a pooled connection.
 */
@Tag("benchmark")
@SpringBootTest(properties = "platform.database.pool-size=${benchmark.pool-size:4}")
class IntakeBenchmark {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final List<TenantId> ALL_TENANTS = List.of(TenantId.of("tomsk"), TenantId.of("volgograd"),
            TenantId.of("zarechny"), TenantId.of("tynda"), TenantId.of("gubkinsky"));
    /** A valid text submission per tenant: each tenant's required fields and one of its categories. */
    private static final Map<String, String> CATEGORY = Map.of("tomsk", "potholes", "volgograd", "potholes",
            "zarechny", "potholes", "tynda", "road-repair", "gubkinsky", "roads-transport");
    private static final String[] STREETS = {"Ленина", "Пушкина", "Кирова", "Советская", "Гагарина", "Мира",
            "Садовая", "Лесная"};

    @Autowired
    MessageIntake intake;
    @Autowired
    Supports supports;
    @Autowired
    WorkflowService workflow;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource appDataSource;
    @Autowired
    ApplicationDatabaseRole appRole;
    @Autowired
    PlatformProperties platform;
    @Autowired
    MeterRegistry meters;

    private final Settings settings = Settings.fromSystemProperties();
    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private static HikariDataSource rawPool;

    @AfterAll
    static void closeRawPool() {
        if (rawPool != null) {
            rawPool.close();
        }
    }

    @Test
    void intakeAndSupportThroughput() throws Exception {
        Report report = new Report(settings);
        report.facts.putAll(machineFacts());
        report.facts.put("load average before (1/5/15 min)", loadAverage());
        CpuMeter cpu = CpuMeter.forServer(() -> TenantContext.callAs(TOMSK,
                () -> jdbc.sql("select pg_backend_pid()").query(Integer.class).single()));

        // --- set-up: the raw pool and table, authors, the messages to support
        rawPool = rawPool();
        createRawTable();
        if (!settings.ownerSql.isBlank()) {
            asOwner(settings.ownerSql); // what-if experiments on the throw-away database, e.g. without an index
            report.facts.put("owner SQL run before the phases (experiment)", "`" + settings.ownerSql + "`");
        }
        Map<TenantId, Author> authors = new LinkedHashMap<>();
        for (TenantId tenant : ALL_TENANTS) {
            Actor citizen = account(tenant, "bench-citizen", Role.CITIZEN);
            authors.put(tenant, new Author(citizen.accountId(), citizen.name(), null, null));
        }
        Actor operator = account(TOMSK, "bench-operator", Role.OPERATOR);
        List<String> published = new ArrayList<>();
        for (int i = 0; i < settings.messages; i++) {
            Receipt r = submitOnce(TOMSK, authors.get(TOMSK), -1, i);
            TenantContext.runAs(TOMSK, () -> workflow.act(r.number(), "publish", ActionInput.none(), operator));
            published.add(r.number());
        }
        for (TenantId tenant : ALL_TENANTS) {
            if (!tenant.equals(TOMSK)) {
                for (int i = 0; i < 50; i++) {
                    submitOnce(tenant, authors.get(tenant), -1, i);
                }
            }
        }
        if (settings.analyze) {
            // As on a database that has been running for a while: the planner knows how the tenants' rows are spread.
            // Without statistics (a fresh database, until autovacuum's first pass, minutes later), every lookup by
            // id or number may be planned as a scan of a tenant-leading index: see the plans at the end of the report.
            asOwner("analyze");
        }
        report.facts.putAll(serverFacts());

        // --- 1. the raw single-row insert rate, and the cost of a borrow through each pool
        String payload = "x".repeat(200);
        Op rawInsert = (t, seq) -> {
            try (Connection c = rawPool.getConnection();
                    PreparedStatement ps = c.prepareStatement("insert into bench_raw_insert (id, payload) values (?, ?)")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, payload);
                ps.executeUpdate();
            }
        };
        Phase raw = settings.runs("raw") ? report.add(run("raw JDBC insert (autocommit, 1 row)", cpu, null, rawInsert))
                : null;
        Phase rawSelect = null, appSelect = null;
        if (settings.runs("select")) {
            rawSelect = report.add(run("borrow + select 1, raw pool", cpu, null, (t, seq) -> {
                try (Connection c = rawPool.getConnection(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select 1")) {
                    rs.next();
                }
            }));
            appSelect = report.add(run("borrow + select 1, tenant-aware pool", cpu, "civic-app", (t, seq) ->
                    TenantContext.callInChecked(new TenantContext.TenantScope(TOMSK), () -> {
                        try (Connection c = appDataSource.getConnection(); Statement s = c.createStatement();
                                ResultSet rs = s.executeQuery("select 1")) {
                            rs.next();
                        }
                        return null;
                    })));
        }

        // --- 2. text submissions: Tomsk alone, then the five tenants at once; capacity, then at the target rate
        SubmissionLedger ledger = new SubmissionLedger(this::messageCount);
        Op submitTomskOp = (t, seq) -> {
            submitOnce(TOMSK, authors.get(TOMSK), t, seq);
            ledger.stored(TOMSK);
        };
        Op submitAllOp = (t, seq) -> {
            TenantId tenant = ALL_TENANTS.get((int) (seq % ALL_TENANTS.size()));
            submitOnce(tenant, authors.get(tenant), t, seq);
            ledger.stored(tenant);
        };
        Phase submitTomsk = settings.runs("submit-tomsk") ? report.add(run("submit text, Tomsk only", cpu, "civic-app",
                submitTomskOp)) : null;
        Phase submitAll = settings.runs("submit-all") ? report.add(run("submit text, 5 tenants at once", cpu, "civic-app",
                submitAllOp)) : null;
        Phase submitTomskRate = settings.runs("rate-submit-tomsk") ? report.add(runAtRate("submit text, Tomsk only",
                settings.submitRate, cpu, "civic-app", submitTomskOp)) : null;
        Phase submitAllRate = settings.runs("rate-submit-all") ? report.add(runAtRate("submit text, 5 tenants at once",
                settings.submitRate, cpu, "civic-app", submitAllOp)) : null;

        // --- 3. supports by many guests on the published messages, with a stream of repeated clicks
        SupportLog supportLog = new SupportLog();
        Op supportOp = (t, seq) -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            SupportLog.Pair pair = random.nextDouble() < settings.duplicateShare ? supportLog.recent(random) : null;
            boolean repeat = pair != null;
            if (pair == null) {
                pair = new SupportLog.Pair(random.nextInt(published.size()), UUID.randomUUID());
                supportLog.remember(pair);
            }
            String number = published.get(pair.message());
            Supporter guest = Supporter.guest(pair.guest());
            Supports.Outcome outcome = TenantContext.callAs(TOMSK, () -> supports.support(number, guest));
            supportLog.record(pair, repeat, outcome.added());
        };
        String supportName = "support (guests, %d messages, %.0f%% repeats)".formatted(settings.messages,
                settings.duplicateShare * 100);
        Phase support = settings.runs("support") ? report.add(run(supportName, cpu, "civic-app", supportOp)) : null;
        Phase supportRate = settings.runs("rate-support") ? report.add(runAtRate(supportName, settings.supportRate, cpu,
                "civic-app", supportOp)) : null;

        // --- correctness (asserted below, after the report is written)
        SupportCheck supportCheck = checkSupports(supportLog, published);
        Map<TenantId, String> gaps = numberGaps();
        Map<String, String> checks = report.checks;
        checks.put("failed calls (all phases, warm-up included)",
                String.valueOf(report.phases.stream().mapToLong(p -> p.failures).sum()));
        checks.put("submissions: messages stored / successful calls, per tenant", ledger.describe());
        checks.put("numbers unique and gapless per tenant", gaps.isEmpty() ? "yes" : gaps.toString());
        checks.putAll(supportCheck.lines());
        report.facts.put("load average after (1/5/15 min)", loadAverage());
        report.plans.putAll(plans(published.getFirst()));

        // --- what one call sends to PostgreSQL (one client, after everything else; each call is made once untraced
        // first, so that the pooled connection is not idle, which would add the pool's validity check)
        rawInsert.run(0, 0);
        report.census.put("raw insert", RoundTrips.of(settings.trace, () -> rawInsert.run(0, 0)));
        submitOnce(TOMSK, authors.get(TOMSK), 0, 0);
        report.census.put("MessageIntake.submit (Tomsk)", RoundTrips.of(settings.trace,
                () -> submitOnce(TOMSK, authors.get(TOMSK), 0, 0)));
        String censusNumber = published.getFirst();
        UUID censusGuest = UUID.randomUUID();
        TenantContext.callAs(TOMSK, () -> supports.support(censusNumber, Supporter.guest(UUID.randomUUID())));
        report.census.put("Supports.support (new guest)", RoundTrips.of(settings.trace, () -> TenantContext.callAs(TOMSK,
                () -> supports.support(censusNumber, Supporter.guest(censusGuest)))));
        report.census.put("Supports.support (repeat)", RoundTrips.of(settings.trace, () -> TenantContext.callAs(TOMSK,
                () -> supports.support(censusNumber, Supporter.guest(censusGuest)))));

        if (raw != null) {
            for (Phase p : report.phases) {
                if (p != raw && !p.name.startsWith("borrow")) {
                    report.derived.put(p.label() + " ÷ raw insert", ratio(p, raw));
                }
            }
        }
        if (appSelect != null) {
            report.derived.put("tenant binding (set_config round trip) per borrow",
                    "mean +%.3f ms, p50 +%.3f ms; select-1 throughput %,.0f/s (raw pool) → %,.0f/s (tenant-aware)"
                            .formatted(appSelect.mean() - rawSelect.mean(), appSelect.p(50) - rawSelect.p(50),
                                    rawSelect.throughput(), appSelect.throughput()));
        }
        if (support != null) {
            report.targets.add(new Target("supports ≥ 2,000/s (capacity, closed loop)", support.throughput() >= 2000,
                    "%,.0f/s".formatted(support.throughput())));
        }
        if (supportRate != null) {
            report.targets.add(new Target("supports p99 ≤ 50 ms at %,.0f/s (open loop)".formatted(settings.supportRate),
                    supportRate.keptUp() && supportRate.p(99) <= 50, supportRate.p99Text()));
        }
        report.targets.add(new Target("zero double counts", supportCheck.ok(), supportCheck.ok() ? "0" : "see checks"));
        if (submitTomsk != null) {
            report.targets.add(new Target("text submissions ≥ 500/s, Tomsk only (capacity)",
                    submitTomsk.throughput() >= 500, "%,.0f/s".formatted(submitTomsk.throughput())));
        }
        if (submitAll != null) {
            report.targets.add(new Target("text submissions ≥ 500/s, 5 tenants (capacity)",
                    submitAll.throughput() >= 500, "%,.0f/s".formatted(submitAll.throughput())));
        }
        if (submitTomskRate != null) {
            report.targets.add(new Target("text submissions p99 ≤ 100 ms at %,.0f/s, Tomsk only (open loop)"
                    .formatted(settings.submitRate), submitTomskRate.keptUp() && submitTomskRate.p(99) <= 100,
                    submitTomskRate.p99Text()));
        }
        if (submitAllRate != null) {
            report.targets.add(new Target("text submissions p99 ≤ 100 ms at %,.0f/s, 5 tenants (open loop)"
                    .formatted(settings.submitRate), submitAllRate.keptUp() && submitAllRate.p(99) <= 100,
                    submitAllRate.p99Text()));
        }

        System.out.println("\n" + report.markdown());
        report.write();

        assertThat(report.phases).allSatisfy(p -> assertThat(p.failures).as(p.name + ": " + p.errors).isZero());
        ledger.assertStored();
        assertThat(gaps).as("numbering").isEmpty();
        supportCheck.assertOk();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the work

    private Receipt submitOnce(TenantId tenant, Author author, int thread, long seq) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String street = STREETS[random.nextInt(STREETS.length)];
        int house = 1 + random.nextInt(150);
        String text = ("Яма на проезжей части у дома %d по улице %s, глубиной около %d см и шириной почти на всю "
                + "полосу. Машины объезжают её по встречной, вечером её не видно. Просим заделать до начала дождей. "
                + "(%s-%d-%d)").formatted(house, street, 5 + random.nextInt(20), marker, thread, seq);
        Place place = new Place(56.40 + random.nextDouble() * 0.2, 84.85 + random.nextDouble() * 0.2,
                "ул. %s, %d".formatted(street, house));
        boolean volgograd = tenant.value().equals("volgograd");
        Instant occurred = Instant.now().minus(Duration.ofHours(2));
        SubmitMessage submission = new SubmitMessage(null, text, CATEGORY.get(tenant.value()), place, occurred,
                volgograd, List.of(), null, null);
        return TenantContext.callAs(tenant, () -> intake.submit(submission, author, Message.Channel.PORTAL));
    }

    private Actor account(TenantId tenant, String name, Role role) {
        return TenantContext.callAs(tenant, () -> {
            Account a = accounts.create(name + "-" + marker, "secret", name + " " + marker,
                    name + "-" + marker + "@example.ru", EnumSet.of(role), null);
            return Actors.of(a);
        });
    }

    private long messageCount(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("select count(*) from message").query(Long.class).single());
    }

    /** Per tenant: the counter must equal the number of messages, and numbers must be distinct. */
    private Map<TenantId, String> numberGaps() {
        Map<TenantId, String> gaps = new TreeMap<>();
        for (TenantId tenant : ALL_TENANTS) {
            TenantContext.runAs(tenant, () -> {
                long messages = jdbc.sql("select count(*) from message").query(Long.class).single();
                long distinct = jdbc.sql("select count(distinct number) from message").query(Long.class).single();
                long counters = jdbc.sql("select coalesce(sum(last_value), 0) from message_number")
                        .query(Long.class).single();
                if (messages != distinct || messages != counters) {
                    gaps.put(tenant, "messages %d, distinct numbers %d, counters %d".formatted(messages, distinct,
                            counters));
                }
            });
        }
        return gaps;
    }

    private SupportCheck checkSupports(SupportLog log, List<String> numbers) {
        return TenantContext.callAs(TOMSK, () -> {
            long mismatched = jdbc.sql("""
                    select count(*) from (
                        select m.id from message m left join message_support s on s.message_id = m.id
                        where m.number = any (?)
                        group by m.id having m.support_count <> count(s.supporter)) x""")
                    .param(numbers.toArray(String[]::new)).query(Long.class).single();
            long rows = jdbc.sql("""
                    select count(*) from message_support s join message m on m.id = s.message_id
                    where m.number = any (?)""")
                    .param(numbers.toArray(String[]::new)).query(Long.class).single();
            long counted = jdbc.sql("select coalesce(sum(support_count), 0) from message where number = any (?)")
                    .param(numbers.toArray(String[]::new)).query(Long.class).single();
            return new SupportCheck(log.summary(), mismatched, rows, counted);
        });
    }

    /**
     * How PostgreSQL runs the lookups every call makes, after the run: which index, how many rows it had to read to
     * find one, and whether autovacuum has analysed the table yet. Over a connection of its own (plan_cache_mode is
     * set on it), as the application role in Tomsk, every statement rolled back.
     */
    private Map<String, String> plans(String number) throws SQLException {
        Map<String, String> plans = new LinkedHashMap<>();
        UUID someId = TenantContext.callAs(TOMSK, () -> jdbc.sql("select id from message where number = ?").param(number)
                .query(UUID.class).single());
        Map<String, List<Object>> statements = new LinkedHashMap<>();
        statements.put("Hibernate `merge` before the insert (MessageIntake: `saveAndFlush` of a new message): "
                + "`select … from message m left join message_photo p … where m.id = ? and m.tenant_id = ?`",
                List.of("select m.id, m.text, m.version, p.message_id, p.position from message m "
                        + "left join message_photo p on m.id = p.message_id where m.id = ? and m.tenant_id = ?",
                        UUID.randomUUID(), "tomsk"));
        statements.put("Supports: `select id, published, author_id from message where number = ?`",
                List.of("select id, published, author_id from message where number = ?", number));
        statements.put("Supports: `update message set support_count = support_count + 1 where id = ? returning …`",
                List.of("update message set support_count = support_count + 1 where id = ? returning support_count",
                        someId));
        try (Connection c = DriverManager.getConnection(appRole.url(), appRole.name(),
                platform.database().rolePassword())) {
            try (Statement s = c.createStatement()) {
                // in autocommit: a setting made inside a transaction that is rolled back would be undone
                s.execute("select set_config('app.tenant_id', 'tomsk', false)");
            }
            c.setAutoCommit(false);
            for (var e : statements.entrySet()) {
                List<String> parts = new ArrayList<>();
                for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                    try (Statement s = c.createStatement()) {
                        s.execute("set plan_cache_mode = " + mode);
                    }
                    try (PreparedStatement ps = c.prepareStatement("explain (analyze, costs off, timing off, summary off) "
                            + e.getValue().getFirst())) {
                        for (int i = 1; i < e.getValue().size(); i++) {
                            ps.setObject(i, e.getValue().get(i));
                        }
                        List<String> lines = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                String line = rs.getString(1).strip().replaceFirst("^->\\s*", "");
                                if (line.matches(".* on message( .*)?") || line.startsWith("Rows Removed")
                                        || line.startsWith("Index Cond") || line.startsWith("Filter")) {
                                    lines.add(line.replaceAll("\\(actual rows=.*\\)", "").strip());
                                }
                            }
                        }
                        parts.add(String.join("; ", lines));
                    }
                    c.rollback();
                }
                plans.put(e.getKey(), "custom: " + parts.get(0) + " / generic: " + parts.get(1));
            }
        }
        plans.put("statistics of `message` at the end", jdbc.sql("""
                select 'last autoanalyze ' || coalesce(s.last_autoanalyze::text, 'never') || ', autoanalyze count '
                       || s.autoanalyze_count || ', rows modified since analyze ' || s.n_mod_since_analyze
                       || ', reltuples ' || c.reltuples
                from pg_stat_user_tables s join pg_class c on c.oid = s.relid where s.relname = 'message'""")
                .query(String.class).single());
        return plans;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the raw side

    private HikariDataSource rawPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(appRole.url());
        config.setUsername(appRole.name());
        config.setPassword(platform.database().rolePassword());
        config.setMaximumPoolSize(settings.poolSize);
        config.setMinimumIdle(settings.poolSize);
        config.setAutoCommit(true);
        config.setPoolName("bench-raw");
        return new HikariDataSource(config);
    }

    /** A plain table (no row-level security, one primary key), created by the owner role: civic_app creates none. */
    private void createRawTable() throws SQLException {
        asOwner("drop table if exists bench_raw_insert",
                "create table bench_raw_insert (id uuid primary key, payload text not null, "
                        + "created_at timestamptz not null default now())",
                "grant insert, select on bench_raw_insert to " + appRole.name());
    }

    private void asOwner(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(appRole.url(), platform.database().ownerRole(),
                platform.database().rolePassword()); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the runner

    @FunctionalInterface
    interface Op {
        void run(int thread, long seq) throws Exception;
    }

    private Phase run(String name, CpuMeter cpu, String poolName, Op op) throws InterruptedException {
        int threads = settings.threads;
        LongList[] latencies = new LongList[threads];
        AtomicLong failures = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        ThreadFactory factory = settings.virtualThreads ? Thread.ofVirtual().name("bench-", 0).factory()
                : Thread.ofPlatform().name("bench-", 0).factory();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int t = i;
            latencies[t] = new LongList();
            workers.add(factory.newThread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long measureFrom = window[0];
                long until = window[1];
                long seq = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= until) {
                        break;
                    }
                    boolean ok = true;
                    try {
                        op.run(t, seq++);
                    } catch (Throwable e) {
                        ok = false;
                        failures.incrementAndGet();
                        if (errors.size() < 5) {
                            errors.add(e.toString());
                        }
                    }
                    long end = System.nanoTime();
                    if (ok) {
                        calls.incrementAndGet();
                    }
                    if (start >= measureFrom && ok) {
                        latencies[t].add(end - start);
                    }
                }
            }));
        }
        workers.forEach(Thread::start);
        ready.await();
        long start = System.nanoTime();
        window[0] = start + settings.warmup.toNanos();
        window[1] = window[0] + settings.duration.toNanos();
        go.countDown();
        logWindow(name, window[0], window[1]);
        sleepUntil(window[0]);
        WaitSampler waits = WaitSampler.start(appRole.url(), appRole.name(), platform.database().rolePassword());
        TableStats tablesFrom = TableStats.of(jdbc);
        CpuMeter.Sample cpuFrom = cpu.sample();
        PoolTimers poolFrom = PoolTimers.of(meters, poolName);
        long gcFrom = GcPauses.now();
        sleepUntil(window[1]);
        WaitSampler.Profile waitProfile = waits.stop();
        TableStats.Delta tableDelta = tablesFrom.until(TableStats.of(jdbc));
        CpuMeter.Sample cpuTo = cpu.sample();
        PoolTimers poolTo = PoolTimers.of(meters, poolName);
        long gcTo = GcPauses.now();
        for (Thread w : workers) {
            w.join();
        }
        long[] all = LongList.merge(latencies);
        Arrays.sort(all);
        String mode = "closed, %d %s threads".formatted(threads, settings.virtualThreads ? "virtual" : "platform");
        Phase phase = new Phase(name, mode, 0, all, all.length, settings.duration, failures.get(), calls.get(), 0,
                List.copyOf(errors), cpuFrom.until(cpuTo), poolFrom == null ? null : poolFrom.until(poolTo),
                GcPauses.between(gcFrom, gcTo), waitProfile, tableDelta);
        System.out.println(phase.row());
        return phase;
    }

    /**
     * Open loop: calls start at the given rate whatever happens to earlier ones (each on its own virtual thread), and
     * a call's latency counts from the moment it was due, so a stall shows in every call it delays (no coordinated
     * omission). At most {@code MAX_WAITING} calls are in flight; beyond that a due call is dropped and counted.
     */
    private Phase runAtRate(String name, double rate, CpuMeter cpu, String poolName, Op op) throws InterruptedException {
        final int maxWaiting = 5_000;
        long period = Math.round(1e9 / rate);
        int expected = (int) (rate * settings.duration.toSeconds() * 1.05) + 1_000;
        AtomicLongArray latencies = new AtomicLongArray(expected);
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        AtomicLong completedInWindow = new AtomicLong();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        Semaphore inFlight = new Semaphore(maxWaiting);
        long start = System.nanoTime() + 10_000_000L;
        long measureFrom = start + settings.warmup.toNanos();
        long until = measureFrom + settings.duration.toNanos();
        logWindow(name + " at " + rate + "/s", measureFrom, until);
        CpuMeter.Sample cpuFrom = null;
        WaitSampler.Profile waitProfile;
        TableStats.Delta tableDelta;
        WaitSampler waits = null;
        TableStats tablesFrom = null;
        PoolTimers poolFrom = null;
        long gcFrom = 0;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; ; i++) {
                long due = start + i * period;
                if (due >= until) {
                    break;
                }
                if (cpuFrom == null && due >= measureFrom) {
                    waits = WaitSampler.start(appRole.url(), appRole.name(), platform.database().rolePassword());
                    tablesFrom = TableStats.of(jdbc);
                    cpuFrom = cpu.sample();
                    poolFrom = PoolTimers.of(meters, poolName);
                    gcFrom = GcPauses.now();
                }
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (!inFlight.tryAcquire()) {
                    dropped.incrementAndGet();
                    continue;
                }
                long seq = i;
                executor.execute(() -> {
                    try {
                        op.run((int) (seq % 1024), seq);
                        long end = System.nanoTime();
                        calls.incrementAndGet();
                        if (end >= measureFrom && end < until) {
                            completedInWindow.incrementAndGet();
                        }
                        if (due >= measureFrom) {
                            int at = recorded.getAndIncrement();
                            if (at < expected) {
                                latencies.set(at, end - due);
                            }
                        }
                    } catch (Throwable e) {
                        failures.incrementAndGet();
                        if (errors.size() < 5) {
                            errors.add(e.toString());
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
            sleepUntil(until);
            waitProfile = waits.stop();
            tableDelta = tablesFrom.until(TableStats.of(jdbc));
        }
        // (CPU and pool figures run until the last call due in the window has ended)
        CpuMeter.Sample cpuTo = cpu.sample();
        PoolTimers poolTo = PoolTimers.of(meters, poolName);
        long gcTo = GcPauses.now();
        int n = Math.min(recorded.get(), expected);
        long[] all = new long[n];
        for (int i = 0; i < n; i++) {
            all[i] = latencies.get(i);
        }
        Arrays.sort(all);
        Phase phase = new Phase(name, "open, %,.0f/s".formatted(rate), rate, all, completedInWindow.get(),
                settings.duration, failures.get(),
                calls.get(), dropped.get(), List.copyOf(errors), cpuFrom.until(cpuTo),
                poolFrom == null ? null : poolFrom.until(poolTo), GcPauses.between(gcFrom, gcTo), waitProfile,
                tableDelta);
        System.out.println(phase.row());
        return phase;
    }

    /** For profilers: the wall-clock window a phase measures. */
    private static void logWindow(String name, long from, long until) {
        Instant now = Instant.now();
        long nanoNow = System.nanoTime();
        System.out.printf("benchmark window: %s from %s to %s%n", name, now.plusNanos(from - nanoNow),
                now.plusNanos(until - nanoNow));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Duration.ofNanos(Math.min(left, 50_000_000L)));
        }
    }

    /**
     * Stop-the-world collections, from the JVM's GC notifications (G1's concurrent cycle is not a pause and is left
     * out): a call that arrives during a pause waits for it, so pauses set the floor of the tail latency.
     */
    static final class GcPauses {
        record Pause(long endMillis, long durationMillis) {
        }

        record Summary(int count, long totalMillis, long longestMillis) {
            @Override
            public String toString() {
                return "%d / %d / %d".formatted(count, totalMillis, longestMillis);
            }
        }

        private static final ConcurrentLinkedQueue<Pause> PAUSES = new ConcurrentLinkedQueue<>();

        static {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener((n, handback) -> {
                        if (!n.getType().equals(
                                com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                            return;
                        }
                        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                (javax.management.openmbean.CompositeData) n.getUserData());
                        if (!info.getGcName().contains("Concurrent")) {
                            PAUSES.add(new Pause(info.getGcInfo().getEndTime(), info.getGcInfo().getDuration()));
                        }
                    }, null, null);
                }
            }
        }

        /** Milliseconds since the JVM started, the clock of GC notifications. */
        static long now() {
            return ManagementFactory.getRuntimeMXBean().getUptime();
        }

        static Summary between(long from, long to) {
            List<Pause> in = PAUSES.stream().filter(p -> p.endMillis() >= from && p.endMillis() < to).toList();
            return new Summary(in.size(), in.stream().mapToLong(Pause::durationMillis).sum(),
                    in.stream().mapToLong(Pause::durationMillis).max().orElse(0));
        }
    }

    private static String ratio(Phase a, Phase raw) {
        return "%.1f%% (%,.0f/s of %,.0f/s)".formatted(100 * a.throughput() / raw.throughput(), a.throughput(),
                raw.throughput());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // facts

    private Map<String, String> machineFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        facts.put("date (UTC)", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(Instant.now().atZone(ZoneOffset.UTC)));
        facts.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " available to the JVM (nproc)");
        facts.put("memory", "%d GiB total, %d GiB free at start".formatted(os.getTotalMemorySize() >> 30,
                os.getFreeMemorySize() >> 30));
        facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.put("Java", "%s %s (%s), heap max %d MiB, GC %s".formatted(System.getProperty("java.vm.name"),
                Runtime.version(), System.getProperty("java.vm.vendor"), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", "))));
        return facts;
    }

    private Map<String, String> serverFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("PostgreSQL", jdbc.sql("select version()").query(String.class).single());
        facts.put("server settings", jdbc.sql("""
                select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
                where name in ('synchronous_commit', 'fsync', 'full_page_writes', 'shared_buffers', 'max_connections',
                               'wal_level', 'max_wal_size', 'checkpoint_timeout')""").query(String.class).single());
        facts.put("database", appRole.url().replaceAll("\\?.*", ""));
        return facts;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // settings and results

    /** The knobs, all system properties ({@code -Dbenchmark.threads=...} on the Maven command line). */
    record Settings(Duration warmup, Duration duration, int threads, boolean virtualThreads, int poolSize,
            int messages, double duplicateShare, double submitRate, double supportRate, Set<String> phases,
            boolean trace, String ownerSql, boolean analyze, String report) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 10)),
                    Duration.ofSeconds(Long.getLong("benchmark.duration-seconds", 20)),
                    Integer.getInteger("benchmark.threads", 4),
                    Boolean.parseBoolean(System.getProperty("benchmark.virtual-threads", "false")),
                    Integer.getInteger("benchmark.pool-size", 4),
                    Integer.getInteger("benchmark.messages", 200),
                    Double.parseDouble(System.getProperty("benchmark.duplicate-share", "0.1")),
                    Double.parseDouble(System.getProperty("benchmark.submit-rate", "500")),
                    Double.parseDouble(System.getProperty("benchmark.support-rate", "2000")),
                    Set.of(System.getProperty("benchmark.phases", "all").split(",")),
                    Boolean.getBoolean("benchmark.trace"),
                    System.getProperty("benchmark.owner-sql", ""),
                    Boolean.parseBoolean(System.getProperty("benchmark.analyze", "true")),
                    System.getProperty("benchmark.report", "docs/benchmarks/intake-and-supports.md"));
        }

        /** A phase runs when named, or when its group is: "submit" is submit-tomsk and submit-all, "rate" all rate-*. */
        boolean runs(String phase) {
            return phases.contains("all") || phases.contains(phase) || phases.contains(phase.split("-")[0]);
        }

        Map<String, String> describe() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("benchmark.warmup-seconds", warmup.toSeconds() + " (every phase)");
            m.put("benchmark.duration-seconds", duration.toSeconds() + " (every phase, measured)");
            m.put("benchmark.threads", threads + " closed-loop clients");
            m.put("benchmark.virtual-threads", virtualThreads + " (open-loop calls always run on virtual threads)");
            m.put("benchmark.pool-size", poolSize + " (application pool and raw pool alike)");
            m.put("benchmark.messages", String.valueOf(messages));
            m.put("benchmark.duplicate-share", String.valueOf(duplicateShare));
            m.put("benchmark.submit-rate", "%.0f/s (open loop)".formatted(submitRate));
            m.put("benchmark.support-rate", "%.0f/s (open loop)".formatted(supportRate));
            m.put("benchmark.phases", String.join(",", new java.util.TreeSet<>(phases)));
            m.put("benchmark.analyze", analyze + " (ANALYZE after the set-up)");
            return m;
        }
    }

    /**
     * @param offered the open-loop rate (calls/s), or 0 for a closed loop
     * @param dropped open loop only: calls not started because too many were already waiting
     */
    record Phase(String name, String mode, double offered, long[] sorted, long completedInWindow, Duration duration,
            long failures, long calls, long dropped, List<String> errors, CpuMeter.Usage cpu, PoolTimers.Delta pool,
            GcPauses.Summary gc, WaitSampler.Profile waits, TableStats.Delta tables) {

        String label() {
            return name + " [" + mode + "]";
        }

        /** An open loop kept up when it completed (nearly) every call it offered. */
        boolean keptUp() {
            return offered == 0 || (dropped == 0 && throughput() >= 0.98 * offered);
        }

        String p99Text() {
            return "%.1f ms%s".formatted(p(99), keptUp() ? "" : " (did not keep up: %,.0f/s of %,.0f/s)"
                    .formatted(throughput(), offered));
        }

        double throughput() {
            return completedInWindow / (duration.toNanos() / 1e9);
        }

        double p(double percentile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.clamp(index, 0, sorted.length - 1)] / 1e6;
        }

        double mean() {
            return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(0) / 1e6;
        }

        double max() {
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
        }

        String row() {
            return "| %s | %s | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %d | %s | %s | %s | %s |".formatted(name,
                    mode + (dropped > 0 ? ", %,d dropped".formatted(dropped) : ""), sorted.length, throughput(), p(50), p(95), p(99), p(99.9), max(), failures,
                    cpu == null ? "n/a" : cpu.toString(), pool == null ? "–" : pool.toString(), gc,
                    waits == null ? "?" : waits.toString());
        }

        static String header() {
            return """
                    | phase | load | measured calls | calls/s | p50 ms | p95 ms | p99 ms | p99.9 ms | max ms | failures \
                    | CPU (cores): JVM / PostgreSQL / kernel irq / other processes / idle | app pool: mean wait / mean hold ms \
                    | GC pauses: count / total / longest ms \
                    | PostgreSQL sessions (mean): running / lock wait / other wait / in transaction, waiting for the JVM |
                    |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|""";
        }
    }

    record Target(String what, boolean met, String measured) {
    }

    final class Report {
        final Settings settings;
        final Map<String, String> facts = new LinkedHashMap<>();
        final List<Phase> phases = new ArrayList<>();
        final Map<String, String> checks = new LinkedHashMap<>();
        final Map<String, String> derived = new LinkedHashMap<>();
        final Map<String, RoundTrips> census = new LinkedHashMap<>();
        final Map<String, String> plans = new LinkedHashMap<>();
        final List<Target> targets = new ArrayList<>();

        Report(Settings settings) {
            this.settings = settings;
        }

        Phase add(Phase phase) {
            phases.add(phase);
            return phase;
        }

        String command() {
            String overrides = System.getProperties().stringPropertyNames().stream()
                    .filter(n -> n.startsWith("benchmark.") && !n.equals("benchmark.report")).sorted()
                    .map(n -> " -D" + n + "=" + System.getProperty(n)).collect(Collectors.joining());
            return "./mvnw -pl platform-core -Pbenchmark test" + overrides;
        }

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("### Run of ").append(facts.get("date (UTC)")).append(" UTC\n\n");
            md.append("```bash\nexport JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64\n").append(command())
                    .append("\n```\n\n");
            md.append("| machine | |\n|---|---|\n");
            facts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append("\n| setting | value |\n|---|---|\n");
            settings.describe().forEach((k, v) -> md.append("| `").append(k).append("` | ").append(v).append(" |\n"));
            md.append('\n').append(Phase.header()).append('\n');
            phases.forEach(p -> md.append(p.row()).append('\n'));
            md.append("\nRow changes per measured call (pg_stat_user_tables over the window; HOT = updated in place, "
                    + "without new index entries):\n\n| phase | load | ").append(TableStats.header()).append(" |\n|---|---|")
                    .append("---|".repeat(TableStats.TABLES.size())).append('\n');
            phases.forEach(p -> md.append("| ").append(p.name).append(" | ").append(p.mode).append(" | ")
                    .append(p.tables == null ? "" : p.tables.perCall(Math.max(1, p.sorted.length))).append(" |\n"));
            md.append("\n| derived | |\n|---|---|\n");
            derived.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append("\n| target | measured | met |\n|---|---:|---|\n");
            targets.forEach(t -> md.append("| ").append(t.what()).append(" | ").append(t.measured()).append(" | ")
                    .append(t.met() ? "yes" : "**no**").append(" |\n"));
            md.append("\n| correctness check | result |\n|---|---|\n");
            checks.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append("\nRound trips to PostgreSQL for one call (one client, after the warm-up; "
                    + "each `[...]` is one round trip, listing the server's command tags):\n\n");
            md.append("| call | round trips | statements |\n|---|---:|---|\n");
            census.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.roundTrips()).append(" | ")
                    .append(v.describe()).append(" |\n"));
            md.append("\nPlans of the hot lookups at the end of the run (Tomsk; `EXPLAIN ANALYZE`, custom / generic plan; "
                    + "the statements as the application sends them):\n\n| statement | plan |\n|---|---|\n");
            plans.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            return md.toString();
        }

        /** Replaces the generated block of the report file (between the markers), or creates the file. */
        void write() throws IOException {
            if (settings.report.isBlank() || settings.report.equals("none")) {
                return;
            }
            Path root = Path.of(System.getProperty("platform.repository-root", ".."));
            Path file = root.resolve(settings.report).normalize();
            String begin = "<!-- generated by IntakeBenchmark: begin -->";
            String end = "<!-- generated by IntakeBenchmark: end -->";
            String block = begin + "\n" + markdown() + end;
            Files.createDirectories(file.getParent());
            String content;
            if (Files.exists(file)) {
                String old = Files.readString(file);
                int b = old.indexOf(begin);
                int e = old.indexOf(end);
                content = b >= 0 && e > b ? old.substring(0, b) + block + old.substring(e + end.length())
                        : old + "\n## Latest run\n\n" + block + "\n";
            } else {
                content = "# Benchmark: intake and supports\n\n## Latest run\n\n" + block + "\n";
            }
            Files.writeString(file, content);
            System.out.println("Benchmark report written to " + file);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // supports bookkeeping

    /** Successful submissions per tenant against the messages that appeared, counted from when it was made. */
    static final class SubmissionLedger {
        private final Function<TenantId, Long> count;
        private final Map<TenantId, Long> before = new LinkedHashMap<>();
        private final Map<TenantId, LongAdder> calls = new ConcurrentHashMap<>();

        SubmissionLedger(Function<TenantId, Long> count) {
            this.count = count;
            ALL_TENANTS.forEach(t -> before.put(t, count.apply(t)));
        }

        void stored(TenantId tenant) {
            calls.computeIfAbsent(tenant, t -> new LongAdder()).increment();
        }

        private Map<TenantId, long[]> compare() {
            Map<TenantId, long[]> m = new LinkedHashMap<>();
            before.forEach((t, b) -> m.put(t, new long[] {count.apply(t) - b,
                    calls.getOrDefault(t, new LongAdder()).sum()}));
            return m;
        }

        private Map<TenantId, long[]> snapshot;

        /** Compares now, and keeps the comparison for {@link #assertStored()}. */
        String describe() {
            snapshot = compare();
            return snapshot.entrySet().stream().map(e -> "%s %,d/%,d".formatted(e.getKey().value(), e.getValue()[0],
                    e.getValue()[1])).collect(Collectors.joining(", "));
        }

        void assertStored() {
            (snapshot != null ? snapshot : compare()).forEach((t, c) -> assertThat(c[0]).as("messages stored in " + t).isEqualTo(c[1]));
        }
    }

    static final class SupportLog {
        record Pair(int message, UUID guest) {
        }

        record Attempt(Pair pair, boolean repeat, boolean added) {
        }

        /* Attempts as three longs each in chunks allocated on demand: hundreds of thousands of objects kept to the end
           would make every young collection copy them, i.e. the benchmark would lengthen the pauses it measures. */
        private static final int CHUNK_BITS = 16;
        private static final int CHUNK = 1 << CHUNK_BITS;
        private final AtomicReferenceArray<long[]> chunks = new AtomicReferenceArray<>(4096);
        private final AtomicLong count = new AtomicLong();
        private final AtomicReferenceArray<Pair> recent = new AtomicReferenceArray<>(4096);
        private final AtomicLong next = new AtomicLong();

        /** Remembered before the call: a repeat may race its original or come after it. */
        void remember(Pair pair) {
            recent.set((int) (next.getAndIncrement() & (recent.length() - 1)), pair);
        }

        Pair recent(ThreadLocalRandom random) {
            long n = next.get();
            return n == 0 ? null : recent.get(random.nextInt((int) Math.min(n, recent.length())));
        }

        void record(Pair pair, boolean repeat, boolean added) {
            long i = count.getAndIncrement();
            int c = (int) (i >>> CHUNK_BITS);
            long[] chunk = chunks.get(c);
            if (chunk == null) {
                chunks.compareAndSet(c, null, new long[CHUNK * 3]);
                chunk = chunks.get(c);
            }
            int at = (int) (i & (CHUNK - 1)) * 3;
            chunk[at] = pair.guest().getMostSignificantBits();
            chunk[at + 1] = pair.guest().getLeastSignificantBits();
            chunk[at + 2] = ((long) pair.message() << 2) | (repeat ? 2 : 0) | (added ? 1 : 0);
        }

        /** Read after every caller has finished (thread joins and executor shutdown make the writes visible). */
        private List<Attempt> attempts() {
            List<Attempt> all = new ArrayList<>();
            for (long i = 0, n = count.get(); i < n; i++) {
                long[] chunk = chunks.get((int) (i >>> CHUNK_BITS));
                int at = (int) (i & (CHUNK - 1)) * 3;
                long flags = chunk[at + 2];
                all.add(new Attempt(new Pair((int) (flags >>> 2), new UUID(chunk[at], chunk[at + 1])),
                        (flags & 2) != 0, (flags & 1) != 0));
            }
            return all;
        }

        Summary summary() {
            Map<Pair, int[]> byPair = new HashMap<>();
            long calls = 0, repeats = 0, added = 0, addedByRepeats = 0;
            {
                for (Attempt a : attempts()) {
                    calls++;
                    int[] c = byPair.computeIfAbsent(a.pair(), p -> new int[2]);
                    c[0]++;
                    if (a.added()) {
                        c[1]++;
                        added++;
                    }
                    if (a.repeat()) {
                        repeats++;
                        if (a.added()) {
                            addedByRepeats++;
                        }
                    }
                }
            }
            long pairsAddedTwice = byPair.values().stream().filter(c -> c[1] > 1).count();
            long pairsNeverAdded = byPair.values().stream().filter(c -> c[1] == 0).count();
            long pairsTriedTwice = byPair.values().stream().filter(c -> c[0] > 1).count();
            return new Summary(calls, repeats, byPair.size(), added, addedByRepeats, pairsAddedTwice,
                    pairsNeverAdded, pairsTriedTwice);
        }

        record Summary(long calls, long repeats, long distinctPairs, long added, long addedByRepeats,
                long pairsAddedTwice, long pairsNeverAdded, long pairsTriedTwice) {
        }
    }

    record SupportCheck(SupportLog.Summary log, long mismatchedMessages, long rows, long counted) {

        boolean ok() {
            return mismatchedMessages == 0 && rows == log.added() && counted == rows
                    && log.added() == log.distinctPairs() && log.pairsAddedTwice() == 0 && log.pairsNeverAdded() == 0;
        }

        Map<String, String> lines() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("support calls (warm-up included) / of them repeats of an earlier pair",
                    "%,d / %,d (%,d pairs tried more than once)".formatted(log.calls(), log.repeats(),
                            log.pairsTriedTwice()));
            m.put("distinct (message, guest) pairs / `added` outcomes / message_support rows / sum of support_count",
                    "%,d / %,d / %,d / %,d".formatted(log.distinctPairs(), log.added(), rows, counted));
            m.put("messages whose support_count ≠ count(message_support)", String.valueOf(mismatchedMessages));
            m.put("pairs added twice / pairs never added", log.pairsAddedTwice() + " / " + log.pairsNeverAdded());
            m.put("double counts", ok() ? "**none**" : "**FOUND**");
            return m;
        }

        void assertOk() {
            assertThat(mismatchedMessages).as("messages whose support_count differs from their rows").isZero();
            assertThat(rows).as("message_support rows = added outcomes").isEqualTo(log.added());
            assertThat(counted).as("sum of support_count = rows").isEqualTo(rows);
            assertThat(log.pairsAddedTwice()).as("pairs added twice").isZero();
            assertThat(log.pairsNeverAdded()).as("pairs never added").isZero();
            assertThat(log.added()).as("added = distinct pairs (repeats add nothing)").isEqualTo(log.distinctPairs());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // measuring aids

    /** A growable array of longs, one per client thread (no sharing on the hot path). */
    static final class LongList {
        private long[] values = new long[16_384];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        static long[] merge(LongList[] lists) {
            int total = Arrays.stream(lists).mapToInt(l -> l.size).sum();
            long[] all = new long[total];
            int at = 0;
            for (LongList l : lists) {
                System.arraycopy(l.values, 0, all, at, l.size);
                at += l.size;
            }
            return all;
        }
    }

    /** The application pool's Hikari timers (Micrometer): time waiting for a connection, time holding it. */
    record PoolTimers(long acquireCount, double acquireMs, long usageCount, double usageMs) {

        static PoolTimers of(MeterRegistry meters, String pool) {
            if (pool == null) {
                return null;
            }
            Timer acquire = meters.find("hikaricp.connections.acquire").tag("pool", pool).timer();
            Timer usage = meters.find("hikaricp.connections.usage").tag("pool", pool).timer();
            if (acquire == null || usage == null) {
                return null;
            }
            return new PoolTimers(acquire.count(), acquire.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e6,
                    usage.count(), usage.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e6);
        }

        Delta until(PoolTimers later) {
            long a = later.acquireCount - acquireCount;
            long u = later.usageCount - usageCount;
            return new Delta(a, a == 0 ? 0 : (later.acquireMs - acquireMs) / a, u == 0 ? 0 : (later.usageMs - usageMs) / u);
        }

        record Delta(long borrows, double meanWaitMs, double meanHoldMs) {
            @Override
            public String toString() {
                return "%.2f / %.2f".formatted(meanWaitMs, meanHoldMs);
            }
        }
    }

    /** Rows inserted and updated (and how many updates were HOT) in the tables the phases write. */
    record TableStats(Map<String, long[]> rows) {
        static final List<String> TABLES = List.of("message", "message_number", "message_transition",
                "message_support", "bench_raw_insert");

        static TableStats of(JdbcClient jdbc) {
            Map<String, long[]> rows = new LinkedHashMap<>();
            jdbc.sql("select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, seq_scan, seq_tup_read, idx_scan "
                    + "from pg_stat_user_tables where relname in ("
                    + TABLES.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ")) + ")")
                    .query(rs -> {
                        rows.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7)});
                    });
            return new TableStats(rows);
        }

        Delta until(TableStats later) {
            Map<String, long[]> d = new LinkedHashMap<>();
            for (String t : TABLES) {
                long[] a = rows.getOrDefault(t, new long[6]);
                long[] b = later.rows.getOrDefault(t, new long[6]);
                long[] diff = new long[6];
                for (int i = 0; i < 6; i++) {
                    diff[i] = b[i] - a[i];
                }
                d.put(t, diff);
            }
            return new Delta(d);
        }

        static String header() {
            return TABLES.stream().map(t -> t + ": ins / upd (HOT %) / index scans / seq scans (rows read)")
                    .collect(Collectors.joining(" | "));
        }

        record Delta(Map<String, long[]> rows) {
            String perCall(long calls) {
                return TABLES.stream().map(t -> {
                    long[] r = rows.get(t);
                    if (Arrays.stream(r).allMatch(v -> v == 0)) {
                        return "–";
                    }
                    return "%.2f / %.2f%s / %.2f / %.2f (%,.0f)".formatted((double) r[0] / calls, (double) r[1] / calls,
                            r[1] == 0 ? "" : " (%.0f%%)".formatted(100.0 * r[2] / r[1]), (double) r[5] / calls,
                            (double) r[3] / calls, (double) r[4] / calls);
                }).collect(Collectors.joining(" | "));
            }
        }
    }

    /**
     * What the application's PostgreSQL sessions are doing, sampled every 20 ms from pg_stat_activity over a
     * connection of its own: running (on CPU or runnable), waiting for a lock (e.g. the row lock of a tenant's number
     * counter), waiting on something else (LWLock, IO, ...), or idle inside a transaction, i.e. waiting for the JVM
     * to send the next statement.
     */
    static final class WaitSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private final double[] sums = new double[4];
        private final Map<String, Integer> lockWaits = new ConcurrentHashMap<>();
        private int samples;

        record Profile(double running, double lock, double otherWait, double inTransaction, String topLock) {
            @Override
            public String toString() {
                return "%.1f / %.1f / %.1f / %.1f%s".formatted(running, lock, otherWait, inTransaction,
                        topLock == null ? "" : " (" + topLock + ")");
            }
        }

        private WaitSampler(String url, String user, String password) {
            thread = Thread.ofPlatform().daemon().name("bench-wait-sampler").start(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                        PreparedStatement ps = c.prepareStatement("""
                                select state, wait_event_type, wait_event, left(query, 40) from pg_stat_activity
                                where usename = current_user and pid <> pg_backend_pid()
                                  and state in ('active', 'idle in transaction')""")) {
                    while (running) {
                        double[] sample = new double[4];
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                String state = rs.getString(1);
                                String type = rs.getString(2);
                                if (state.equals("idle in transaction")) {
                                    sample[3]++;
                                } else if (type == null) {
                                    sample[0]++;
                                } else if (type.equals("Lock")) {
                                    sample[1]++;
                                    lockWaits.merge(rs.getString(3) + " in " + rs.getString(4).strip(), 1,
                                            Integer::sum);
                                } else {
                                    sample[2]++;
                                }
                            }
                        }
                        synchronized (this) {
                            for (int i = 0; i < 4; i++) {
                                sums[i] += sample[i];
                            }
                            samples++;
                        }
                        Thread.sleep(20);
                    }
                } catch (SQLException | InterruptedException e) {
                    // the profile says what it saw until then
                }
            });
        }

        static WaitSampler start(String url, String user, String password) {
            return new WaitSampler(url, user, password);
        }

        Profile stop() throws InterruptedException {
            running = false;
            thread.join();
            synchronized (this) {
                int n = Math.max(1, samples);
                String top = lockWaits.entrySet().stream().max(Map.Entry.comparingByValue())
                        .map(e -> e.getKey().replaceAll("\\s+", " ")).orElse(null);
                return new Profile(sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, top);
            }
        }
    }

    /**
     * What one call sends: the PostgreSQL driver's protocol trace (java.util.logging, FINEST) of the calling thread,
     * cut into round trips at each ReadyForQuery (the server's answer that ends every Sync or simple Query), with the
     * server's command tags.
     */
    record RoundTrips(List<List<String>> trips) {

        int roundTrips() {
            return trips.size();
        }

        String describe() {
            return trips.stream().map(t -> t.isEmpty() ? "[sync only]" : "[" + String.join(", ", t) + "]")
                    .collect(Collectors.joining(" "));
        }

        @FunctionalInterface
        interface Call {
            void run() throws Exception;
        }

        static RoundTrips of(boolean trace, Call call) throws Exception {
            Logger logger = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
            Level level = logger.getLevel();
            boolean parents = logger.getUseParentHandlers();
            long me = Thread.currentThread().threadId();
            List<List<String>> trips = new ArrayList<>();
            List<String> unassigned = new ArrayList<>();
            int[] openedInExecute = {0};
            Handler handler = new Handler() {
                @Override
                public void publish(LogRecord r) {
                    if (r.getLongThreadID() != me || r.getMessage() == null) {
                        return;
                    }
                    String msg = r.getMessage().strip();
                    Object[] p = r.getParameters();
                    if (trace) {
                        System.out.println("  trace: " + java.text.MessageFormat.format(msg, p == null ? new Object[0] : p));
                    }
                    // One execute sends its messages, flushes and waits: a round trip per Sync it sends, or one for a
                    // lone simple query (a piggy-backed BEGIN is a simple query sent in the same write).
                    if (msg.startsWith("simple execute") || msg.startsWith("batch execute")) {
                        openedInExecute[0] = 0;
                    } else if (msg.startsWith("FE=> Sync")) {
                        trips.add(new ArrayList<>(unassigned));
                        unassigned.clear();
                        openedInExecute[0]++;
                    } else if (msg.startsWith("<=BE CommandStatus")) {
                        String tag = p != null && p.length > 0 ? String.valueOf(p[0]) : msg;
                        if (openedInExecute[0] == 0 || trips.isEmpty()) {
                            unassigned.add(tag);
                        } else {
                            trips.getLast().add(tag);
                        }
                    } else if (msg.startsWith("<=BE ReadyForQuery") && openedInExecute[0] == 0) {
                        trips.add(new ArrayList<>(unassigned));
                        unassigned.clear();
                        openedInExecute[0]++;
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            logger.setUseParentHandlers(false);
            logger.addHandler(handler);
            logger.setLevel(Level.FINEST);
            try {
                call.run();
            } finally {
                logger.setLevel(level);
                logger.removeHandler(handler);
                logger.setUseParentHandlers(parents);
            }
            return new RoundTrips(List.copyOf(trips));
        }
    }
}
