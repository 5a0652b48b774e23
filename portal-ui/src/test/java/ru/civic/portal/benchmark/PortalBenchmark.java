package ru.civic.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.security.LocalHostResolver;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.testsupport.CpuMeter;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.workflow.ActionInput;
import ru.civic.platform.workflow.WorkflowService;

/**
 * A benchmark, not a test: what an anonymous visitor of a public page costs the live server, in heap and in
 * throughput, over real HTTP against the whole application (Tomcat, security, tenant resolution, Vaadin in production
 * mode, the test PostgreSQL) with {@code benchmark.messages} published Tomsk messages in the feed.
 *
 * <p>A <b>page view</b> is what a browser makes the server do for a Vaadin page, each by a new visitor (no cookie):
 * <ol>
 * <li>{@code GET /messages}: the bootstrap HTML; it starts the HTTP session ({@code JSESSIONID});</li>
 * <li>{@code GET /?v-r=init&location=messages&query=&v-sh=…} with that cookie: the request Vaadin's {@code Flow.js}
 * sends ({@code flowInitUi}, relative to the page's {@code <base href>}, the servlet root) since the HTML carries no
 * initial UIDL ({@code window.Vaadin.TypeScript= {}}). The server creates the (empty) UI;</li>
 * <li>{@code POST /?v-r=uidl&v-uiId=0} with the {@code ui-navigate} event that {@code Flow.tsx} sends on React
 * Router's first location: the server runs the router, builds the layout and the view, and answers with the UIDL
 * changes that render them.</li>
 * </ol>
 * Static files (the bundle, styles, Leaflet) are not requested: browsers cache them and they cost no session state.
 *
 * <p>Phases:
 * <ul>
 * <li><b>heap</b>: {@code benchmark.views} views of one page, full GC before and after: live heap grown per view;
 * then nobody comes back, the sessions time out ({@code platform.portal.anonymous-session-timeout}, set to
 * {@code benchmark.session-timeout}) and the heap is measured again;</li>
 * <li><b>throughput</b>: {@code benchmark.threads} closed-loop clients doing page views for the warm-up, then the
 * measured window; views/s, latency percentiles, CPU split and GC time.</li>
 * </ul>
 * It asserts correctness only (every response 200, the init answer carries the page's content, one session per
 * view, sessions gone after the timeout), never timing. Results go to stdout and to
 * {@code docs/benchmarks/portal-pages.md}. Tagged {@code benchmark}: run with
 * {@code ./mvnw -o -pl portal-ui -am -Pbenchmark test -Dtest=PortalBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.portal.anonymous-session-timeout=${benchmark.session-timeout:45s}",
        // Tomcat looks for expired sessions every 6 background runs: every 6 s instead of every 60 s.
        "server.tomcat.background-processor-delay=1s",
        "server.tomcat.threads.max=${benchmark.server-threads:200}",
        "logging.level.root=WARN", "logging.level.ru.civic=WARN"})
class PortalBenchmark {

    private static final TenantId TOMSK = TenantId.of("tomsk");
    private static final String HOST = "tomsk.localhost";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MessageIntake intake;
    @Autowired
    WorkflowService workflow;
    @Autowired
    AccountService accounts;
    @Autowired
    TenantRegistry tenants;
    @Autowired
    JdbcClient jdbc;
    @Value("${platform.portal.anonymous-session-timeout}")
    Duration sessionTimeout;

    private final Settings settings = Settings.fromSystemProperties();
    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private CloseableHttpClient http;

    @AfterAll
    void close() throws IOException {
        if (http != null) {
            http.close();
        }
    }

    @Test
    void anonymousPageViews() throws Exception {
        Report report = new Report(settings);
        report.facts.putAll(machineFacts());
        report.facts.put("load average before (1/5/15 min)", loadAverage());
        report.facts.put("other Maven/surefire JVMs at start", otherBuilds());
        http = client(settings.threads * 2);

        // --- set-up: published messages across the categories and districts
        String newest = seed(settings.messages);
        report.facts.put("published messages in the feed", settings.messages + " (Tomsk; newest " + newest + ")");

        // "feed": what a new visitor gets at /messages, the server-rendered page (PublicFeedPage, one request, no
        // session); "feed-vaadin": the interactive feed a visitor with a session gets (three requests, a UI).
        List<PageKind> pages = List.of(
                new PageKind("feed", "/messages", null, List.of(newest, "civic-feed-item"), true),
                new PageKind("feed-vaadin", "/messages?interactive", "messages", List.of(newest, "civic-feed-item"),
                        false),
                new PageKind("home", "/", "", List.of("civic-topics"), false));
        for (PageKind page : pages) {
            View sample = view(page);
            report.samples.put(page, sample);
        }

        // --- warm-up: JIT and caches, then every session ended so the baseline holds none
        for (PageKind page : pages) {
            closedLoop(page, settings.threads, Duration.ofSeconds(Math.max(3, settings.warmup.toSeconds())), null);
        }
        expireAllSessions();

        if (settings.phases.contains("heap")) {
            for (PageKind page : pages) {
                report.heap.add(heapPhase(page));
            }
        }
        if (settings.phases.contains("throughput")) {
            for (PageKind page : pages) {
                if (!settings.throughputPages.contains(page.name())) {
                    continue;
                }
                report.throughput.add(throughputPhase(page));
                expireAllSessions(); // the next page starts without this one's sessions
            }
        }
        report.facts.put("load average after (1/5/15 min)", loadAverage());
        report.facts.put("other Maven/surefire JVMs at end", otherBuilds());
        report.print();
        if (!settings.report.isBlank()) {
            report.write(Path.of(settings.report));
        }
        for (Throughput t : report.throughput) {
            assertThat(t.failures()).as(t.page().name() + ": failed views " + t.errors()).isZero();
        }
        for (Heap h : report.heap) {
            assertThat(h.sessionsCreated()).as(h.page().name() + ": sessions per view")
                    .isEqualTo(h.page().serverRendered() ? 0 : h.views());
            assertThat(h.sessionsLeft()).as(h.page().name() + ": sessions left after the timeout").isZero();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // set-up

    private String seed(int count) {
        TenantConfiguration tomsk = TenantContext.callAs(TOMSK, () -> tenants.currentConfiguration());
        List<String> leaves = tomsk.allCategories().stream().filter(c -> c.children().isEmpty())
                .map(TenantConfiguration.Category::id).toList();
        List<double[]> points = tomsk.districts().stream().map(d -> centre(d.polygon())).toList();
        return TenantContext.callAs(TOMSK, () -> {
            Actor author = Actors.of(accounts.create("bench-author-" + marker, "x", "Автор", null,
                    Set.of(Role.CITIZEN), null));
            Actor operator = Actors.of(accounts.create("bench-operator-" + marker, "x", "Оператор", null,
                    Set.of(Role.OPERATOR), null));
            String last = null;
            for (int i = 0; i < count; i++) {
                double[] p = points.get(i % points.size());
                String text = "Сообщение " + i + ": " + TEXTS[i % TEXTS.length];
                last = intake.submit(new SubmitMessage(null, text, leaves.get(i % leaves.size()),
                        new Place(p[0], p[1], "ул. " + STREETS[i % STREETS.length] + ", " + (i % 90 + 1)), null,
                        false, List.of(), null, null),
                        new Author(author.accountId(), author.name(), null, null), Message.Channel.PORTAL).number();
                workflow.act(last, "publish", ActionInput.none(), operator);
            }
            return last;
        });
    }

    private static final String[] STREETS = {"Ленина", "Пушкина", "Кирова", "Советская", "Гагарина", "Мира",
            "Садовая", "Лесная"};
    private static final String[] TEXTS = {
            "Во дворе дома глубокая яма, после дождя её не видно, машины повреждают колёса. Просим заделать.",
            "Не горит уличное освещение на всём протяжении улицы уже третью неделю, вечером идти опасно.",
            "Сосульки над входом в подъезд, управляющая компания не реагирует на обращения жителей.",
            "Тротуар не чищен от снега, пешеходы идут по проезжей части, рядом школа и детский сад.",
            "Переполнены мусорные контейнеры, мусор не вывозят больше недели, вокруг площадки свалка."};

    private static double[] centre(List<List<Double>> polygon) {
        double lat = 0, lon = 0;
        for (List<Double> corner : polygon) {
            lat += corner.get(0);
            lon += corner.get(1);
        }
        return new double[] {lat / polygon.size(), lon / polygon.size()};
    }

    // ---------------------------------------------------------------------------------------------------------------
    // a page view over HTTP

    /** @param serverRendered the whole page comes with the first GET, without a session (no Vaadin UI) */
    record PageKind(String name, String path, String location, List<String> expected, boolean serverRendered) {
    }

    record View(int htmlBytes, int initBytes, int uidlBytes, long nanos) {
    }

    private static CloseableHttpClient client(int connections) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new LocalHostResolver())
                        .setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60)).build())
                // Each view is a new visitor: cookies are carried by hand from the page to its init request.
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .build();
    }

    /** The browser details Flow.js appends to the init request (a 1920×1080 desktop in Tomsk). */
    private static final String BROWSER_DETAILS = "&v-sh=1080&v-sw=1920&v-wh=960&v-ww=1920&v-bh=960&v-bw=1920"
            + "&v-curdate=" + "1795000000000" + "&v-tzo=-420&v-dstd=0&v-rtzo=-420&v-dston=false&v-tzid=Asia%2FTomsk"
            + "&v-td=false&v-pr=1&v-np=Linux%20x86_64";

    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final boolean DUMP = Boolean.getBoolean("benchmark.dump");

    /** One page view by a new visitor; throws when a response is not what a browser would need. */
    private View view(PageKind page) throws IOException {
        long start = System.nanoTime();
        String base = "http://" + HOST + ":" + port;
        HttpGet html = new HttpGet(base + page.path());
        html.setHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        html.setHeader("Accept-Language", "ru-RU,ru;q=0.9");
        String[] cookie = new String[1];
        int htmlBytes = http.execute(html, response -> {
            byte[] body = EntityUtils.toByteArray(response.getEntity());
            if (DUMP) {
                Files.write(Path.of("target", "dump-" + page.name() + ".html"), body);
            }
            if (response.getCode() != 200) {
                throw new IOException("GET " + page.path() + " → " + response.getCode());
            }
            cookie[0] = cookies(response.getHeaders("Set-Cookie"));
            if (page.serverRendered()) {
                String text = new String(body, StandardCharsets.UTF_8);
                for (String expected : page.expected()) {
                    if (!text.contains(expected)) {
                        throw new IOException("GET " + page.path() + " lacks " + expected);
                    }
                }
            }
            return body.length;
        });
        if (page.serverRendered()) {
            if (cookie[0] != null) {
                throw new IOException("GET " + page.path() + " started a session: " + cookie[0]);
            }
            return new View(htmlBytes, 0, 0, System.nanoTime() - start);
        }
        if (cookie[0] == null) {
            throw new IOException("GET " + page.path() + " started no session");
        }
        // Flow.js requests "?v-r=init…" relative to the page's <base href>, which points at the servlet root.
        HttpGet init = new HttpGet(base + "/?v-r=init&location="
                + URLEncoder.encode(page.location(), StandardCharsets.UTF_8) + "&query=" + BROWSER_DETAILS);
        init.setHeader("Cookie", cookie[0]);
        init.setHeader("Accept", "*/*");
        String[] key = new String[2];
        int initBytes = http.execute(init, response -> {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (DUMP) {
                Files.writeString(Path.of("target", "dump-" + page.name() + "-init.json"), body);
            }
            Matcher csrf = SECURITY_KEY.matcher(body);
            Matcher ui = UI_ID.matcher(body);
            if (response.getCode() != 200 || !csrf.find() || !ui.find()) {
                throw new IOException("init of " + page.path() + " → " + response.getCode() + ": "
                        + body.substring(0, Math.min(300, body.length())));
            }
            key[0] = csrf.group(1);
            key[1] = ui.group(1);
            return body.getBytes(StandardCharsets.UTF_8).length;
        });
        // What Flow.tsx sends next, on React Router's first location: the "ui-navigate" event to the UI's root node.
        // Only now does the server run the router: the layout and the view are built and come back as UIDL changes.
        HttpPost navigate = new HttpPost(base + "/?v-r=uidl&v-uiId=" + key[1]);
        navigate.setHeader("Cookie", cookie[0]);
        navigate.setEntity(new StringEntity("{\"csrfToken\":\"" + key[0] + "\",\"rpc\":[{\"type\":\"event\","
                + "\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + page.location() + "\","
                + "\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"usr\":null,\"key\":\"default\","
                + "\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}", ContentType.APPLICATION_JSON));
        int uidlBytes = http.execute(navigate, response -> {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (DUMP) {
                Files.writeString(Path.of("target", "dump-" + page.name() + "-uidl.json"), body);
            }
            if (response.getCode() != 200 || !body.contains("\"changes\"")) {
                throw new IOException("navigation to " + page.path() + " → " + response.getCode() + ": "
                        + body.substring(0, Math.min(300, body.length())));
            }
            for (String expected : page.expected()) {
                if (!body.contains(expected)) {
                    throw new IOException("navigation to " + page.path() + " lacks " + expected + ": "
                            + body.substring(0, Math.min(300, body.length())));
                }
            }
            return body.getBytes(StandardCharsets.UTF_8).length;
        });
        return new View(htmlBytes, initBytes, uidlBytes, System.nanoTime() - start);
    }

    private static String cookies(Header[] setCookies) {
        if (setCookies.length == 0) {
            return null;
        }
        return Arrays.stream(setCookies).map(h -> h.getValue().split(";", 2)[0]).collect(Collectors.joining("; "));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // heap

    record Heap(PageKind page, int views, long baseline, long after, long released, int sessionsCreated,
            int sessionsLeft, Duration waitedForExpiry, int uiSessionsAfter, Map<String, long[]> perClass) {
        double perView() {
            return (after - baseline) / (double) views;
        }

        double residualPerView() {
            return (released - baseline) / (double) views;
        }
    }

    private Heap heapPhase(PageKind page) throws Exception {
        Manager sessions = sessionManager();
        int before = sessions.getActiveSessions();
        long expiredBefore = sessions.getExpiredSessions();
        long baseline = settledHeap();
        Map<String, long[]> histogramBefore = settings.histogram ? histogram() : Map.of();
        // 2 clients: the views are made quickly (well inside the session timeout), not measured for speed
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().name("heap-client-" + t).start(() -> {
                while (next.getAndIncrement() < settings.views) {
                    try {
                        view(page);
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).as("failed views while measuring heap").isEmpty();
        long after = settledHeap();
        Map<String, long[]> perClass = settings.histogram ? growth(histogramBefore, histogram(), 25) : Map.of();
        histogramBefore = null; // not to be counted in the heap measured after the visitors left
        int created = sessions.getActiveSessions() - before;
        assertThat(sessions.getExpiredSessions()).as("no session timed out before the heap was measured: raise "
                + "benchmark.session-timeout").isEqualTo(expiredBefore);
        int uiSessions = vaadinSessions();
        System.out.printf(Locale.ROOT, "[heap] %s: %d views, %d sessions, live heap %+.1f KB per view%n", page.name(),
                settings.views, created, (after - baseline) / 1024.0 / settings.views);

        // the visitors leave: nobody comes back, the sessions time out and Tomcat drops them
        long leftAt = System.nanoTime();
        long deadline = leftAt + sessionTimeout.toNanos() + Duration.ofSeconds(30).toNanos();
        while (sessions.getActiveSessions() > before && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - leftAt);
        int left = Math.max(0, sessions.getActiveSessions() - before);
        long released = settledHeap();
        System.out.printf(Locale.ROOT, "[heap] %s: after %ds %d sessions left, live heap %+.1f KB per view%n",
                page.name(), waited.toSeconds(), left, (released - baseline) / 1024.0 / settings.views);
        return new Heap(page, settings.views, baseline, after, released, created, left, waited, uiSessions, perClass);
    }

    /** Live objects per class (the histogram forces a full GC first): class → {instances, bytes}. */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return classes;
    }

    /** The classes whose live bytes grew most between two histograms. */
    private static Map<String, long[]> growth(Map<String, long[]> before, Map<String, long[]> after, int n) {
        Map<String, long[]> grown = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {
                        e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                        e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(n)
                .forEach(e -> grown.put(e.getKey(), e.getValue()));
        return grown;
    }

    /** Used heap after full collections, once it stops shrinking (G1: System.gc() is a full, stop-the-world GC). */
    private static long settledHeap() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int round = 0; round < 6; round++) {
            System.gc();
            Thread.sleep(200);
            used = memory.getHeapMemoryUsage().getUsed();
            if (round >= 2 && used > previous - 256 * 1024) {
                break;
            }
            previous = used;
        }
        return used;
    }

    private Manager sessionManager() {
        var server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        return ((Context) server.getTomcat().getHost().findChildren()[0]).getManager();
    }

    /** How many sessions hold a Vaadin session (one per visitor who got a UI). */
    private int vaadinSessions() {
        int n = 0;
        for (Session s : sessionManager().findSessions()) {
            try {
                var names = s.getSession().getAttributeNames();
                while (names.hasMoreElements()) {
                    if (names.nextElement().startsWith("com.vaadin.flow.server.VaadinSession")) {
                        n++;
                        break;
                    }
                }
            } catch (IllegalStateException expiredMeanwhile) {
                // gone
            }
        }
        return n;
    }

    /** Ends every session as the timeout would (Vaadin's session-destroy listeners run). */
    private void expireAllSessions() throws InterruptedException {
        for (Session s : sessionManager().findSessions()) {
            s.expire();
        }
        settledHeap();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // throughput

    record Throughput(PageKind page, int threads, long views, double seconds, long[] latencies, long failures,
            List<String> errors, CpuMeter.Usage cpu, long gcMillis, long gcCount, long heapUsedMaxMb,
            int sessionsAtEnd, Map<String, Long> hotSelf, Map<String, Long> hotTotal, long samples) {
        double rate() {
            return views / seconds;
        }

        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            return latencies[(int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] / 1e6;
        }
    }

    private Throughput throughputPhase(PageKind page) throws Exception {
        closedLoop(page, settings.threads, settings.warmup, null);
        CpuMeter cpu = CpuMeter.forServer(() -> TenantContext.callAs(TOMSK,
                () -> jdbc.sql("select pg_backend_pid()").query(Integer.class).single()));
        Measured m = new Measured();
        Recording jfr = settings.profile ? startProfile() : null;
        CpuMeter.Sample from = cpu.sample();
        long[] gcFrom = gc();
        long start = System.nanoTime();
        closedLoop(page, settings.threads, settings.duration, m);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] gcTo = gc();
        CpuMeter.Usage usage = from.until(cpu.sample());
        Map<String, Long> self = Map.of();
        Map<String, Long> total = Map.of();
        long samples = 0;
        if (jfr != null) {
            Profile p = stopProfile(jfr, page);
            self = p.self();
            total = p.total();
            samples = p.samples();
        }
        long[] latencies = m.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Throughput t = new Throughput(page, settings.threads, m.views.get(), seconds, latencies, m.failures.get(),
                List.copyOf(m.errors), usage, gcTo[0] - gcFrom[0], gcTo[1] - gcFrom[1], m.heapMax.get() >> 20,
                sessionManager().getActiveSessions(), self, total, samples);
        System.out.printf(Locale.ROOT, "[throughput] %s: %,.0f views/s, p50 %.1f ms, p99 %.1f ms, CPU %s, GC %d ms%n",
                page.name(), t.rate(), t.percentile(0.5), t.percentile(0.99), usage, t.gcMillis());
        return t;
    }

    static final class Measured {
        final AtomicLong views = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        final AtomicLong heapMax = new AtomicLong();
    }

    /** {@code threads} clients viewing the page as fast as they can for {@code duration}. */
    private void closedLoop(PageKind page, int threads, Duration duration, Measured m) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(threads);
        var memory = ManagementFactory.getMemoryMXBean();
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().name("visitor-" + t).start(() -> {
                try {
                    long n = 0;
                    while (System.nanoTime() < until) {
                        try {
                            View v = view(page);
                            if (m != null) {
                                m.views.incrementAndGet();
                                m.latencies.add(v.nanos());
                            }
                        } catch (Throwable e) {
                            if (m != null) {
                                m.failures.incrementAndGet();
                                if (m.errors.size() < 5) {
                                    m.errors.add(e.toString());
                                }
                            }
                        }
                        if (m != null && (++n & 63) == 0) {
                            m.heapMax.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
    }

    private static long[] gc() {
        long millis = 0, count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
            count += Math.max(0, gc.getCollectionCount());
        }
        return new long[] {millis, count};
    }

    // ---------------------------------------------------------------------------------------------------------------
    // profile (-Dbenchmark.profile=true): JFR execution samples of the measured window, summarised

    record Profile(Map<String, Long> self, Map<String, Long> total, long samples) {
    }

    private static Recording startProfile() {
        Recording r = new Recording();
        r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        r.start();
        return r;
    }

    /** Frames counted per sample: the top frame (self) and every distinct frame of the stack (total). */
    private static Profile stopProfile(Recording r, PageKind page) throws IOException {
        r.stop();
        Path file = Path.of("target", "portal-benchmark-" + page.name() + ".jfr");
        r.dump(file);
        r.close();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        long samples = 0;
        for (var event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(frameName(frames.getFirst()), 1L, Long::sum);
            Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame f : frames) {
                String name = frameName(f);
                if (seen.add(name)) {
                    total.merge(name, 1L, Long::sum);
                }
            }
        }
        // The request plumbing (filter chains, lambdas, the JDK) is on every stack and says nothing.
        total.keySet().removeIf(name -> name.startsWith("java.") || name.startsWith("jdk.")
                || name.startsWith("jakarta.") || name.startsWith("org.apache.catalina.")
                || name.startsWith("org.apache.tomcat.") || name.startsWith("org.apache.coyote.")
                || name.contains("Lambda") || name.contains("FilterChain") || name.contains("Filter.doFilter")
                || name.contains("OncePerRequestFilter") || name.contains("DispatcherServlet")
                || name.contains("FrameworkServlet") || name.contains("ComponentEventBus")
                || name.contains("ElementListenerMap") || name.contains("RpcHandler")
                || name.contains("TenantContext") || name.contains("PortalBenchmark"));
        return new Profile(top(self, 20), top(total, 40), samples);
    }

    private static String frameName(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static Map<String, Long> top(Map<String, Long> counts, int n) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }


    // ---------------------------------------------------------------------------------------------------------------
    // machine, settings, report

    private static Map<String, String> machineFacts() {
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
        facts.put("Vaadin", com.vaadin.flow.server.Version.getFullVersion() + ", production mode");
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
            return "?";
        }
    }

    /** Other JVMs running Maven or tests on the machine: they share the 2 cores with this run. */
    private static String otherBuilds() {
        Set<Long> ours = new java.util.HashSet<>(); // this JVM and the Maven that forked it
        for (var p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
            ours.add(p.get().pid());
        }
        long count = ProcessHandle.allProcesses().filter(p -> !ours.contains(p.pid()))
                .filter(p -> p.info().commandLine().map(c -> c.contains("java")
                        && (c.contains("surefire") || c.contains("plexus-classworlds"))).orElse(false))
                .count();
        return String.valueOf(count);
    }

    /** The knobs, all system properties ({@code -Dbenchmark.threads=...} on the Maven command line). */
    record Settings(Duration warmup, Duration duration, int threads, int views, int messages, Set<String> phases,
            Set<String> throughputPages, boolean profile, boolean histogram, String report) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 10)),
                    Duration.ofSeconds(Long.getLong("benchmark.duration-seconds", 20)),
                    Integer.getInteger("benchmark.threads", 8),
                    Integer.getInteger("benchmark.views", 1000),
                    Integer.getInteger("benchmark.messages", 200),
                    Set.of(System.getProperty("benchmark.phases", "heap,throughput").split(",")),
                    Set.of(System.getProperty("benchmark.throughput-pages", "feed,feed-vaadin,home").split(",")),
                    Boolean.getBoolean("benchmark.profile"),
                    Boolean.parseBoolean(System.getProperty("benchmark.histogram", "true")),
                    System.getProperty("benchmark.report",
                            System.getProperty("platform.repository-root", "..") + "/docs/benchmarks/portal-pages.md"));
        }

        Map<String, String> lines() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("`benchmark.messages`", messages + " published messages (Tomsk, every leaf category, 4 districts)");
            m.put("`benchmark.views`", views + " views per page for the heap phase (2 clients)");
            m.put("`benchmark.session-timeout`", System.getProperty("benchmark.session-timeout", "45s")
                    + " (`platform.portal.anonymous-session-timeout` for this run)");
            m.put("`benchmark.threads`", threads + " closed-loop clients (platform threads, in the same JVM)");
            m.put("`benchmark.warmup-seconds` / `benchmark.duration-seconds`", warmup.toSeconds() + " / "
                    + duration.toSeconds() + " per page");
            m.put("`benchmark.profile`", String.valueOf(profile));
            return m;
        }
    }

    final class Report {
        final Settings settings;
        final Map<String, String> facts = new LinkedHashMap<>();
        final Map<PageKind, View> samples = new LinkedHashMap<>();
        final List<Heap> heap = new ArrayList<>();
        final List<Throughput> throughput = new ArrayList<>();

        Report(Settings settings) {
            this.settings = settings;
        }

        String render() {
            StringBuilder s = new StringBuilder();
            s.append("### Run of ").append(facts.get("date (UTC)")).append(" UTC\n\n```bash\n")
                    .append("export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64\n")
                    .append("./mvnw -o -pl portal-ui -am -Pbenchmark verify -Dtest=PortalBenchmark "
                            + "-Dsurefire.failIfNoSpecifiedTests=false")
                    .append(System.getProperties().stringPropertyNames().stream().sorted()
                            .filter(k -> k.startsWith("benchmark.") && !k.equals("benchmark.report"))
                            .map(k -> " -D" + k + "=" + System.getProperty(k)).collect(Collectors.joining()))
                    .append("\n```\n\n");
            s.append("| machine | |\n|---|---|\n");
            facts.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            s.append("\n| setting | value |\n|---|---|\n");
            settings.lines().forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));

            s.append("\nOne page view (a new visitor): the bootstrap HTML, Vaadin's init request and the navigation "
                    + "round trip that builds the view (response sizes, uncompressed).\n\n")
                    .append("| page | bootstrap HTML bytes | init JSON bytes | navigation UIDL bytes |\n"
                            + "|---|---:|---:|---:|\n");
            samples.forEach((p, v) -> s.append("| ").append(p.name()).append(" `").append(p.path()).append("` | ")
                    .append(String.format(Locale.ROOT, "%,d | %,d | %,d", v.htmlBytes(), v.initBytes(),
                            v.uidlBytes())).append(" |\n"));

            if (!heap.isEmpty()) {
                s.append("\nLive heap (after full GC) per anonymous page view, and after the visitors left:\n\n")
                        .append("| page | views | sessions created / with a Vaadin session | live heap before → after "
                                + "(MiB) | **per view** | sessions left after the timeout (waited) | heap then (MiB) "
                                + "| residual per view |\n")
                        .append("|---|---:|---|---|---:|---|---|---:|\n");
                for (Heap h : heap) {
                    s.append(String.format(Locale.ROOT, "| %s | %,d | %,d / %,d | %.1f → %.1f | **%.1f KB** | %d (%d s) "
                                    + "| %.1f | %.1f KB |\n", h.page().name(), h.views(), h.sessionsCreated(),
                            h.uiSessionsAfter(), h.baseline() / 1048576.0, h.after() / 1048576.0, h.perView() / 1024,
                            h.sessionsLeft(), h.waitedForExpiry().toSeconds(), h.released() / 1048576.0,
                            h.residualPerView() / 1024));
                }
            }
            if (!throughput.isEmpty()) {
                s.append("\nThroughput of full anonymous page views (HTML, init, navigation; a new visitor each), closed "
                        + "loop:\n\n")
                        .append("| page | clients | views | **views/s** | p50 ms | p90 ms | p99 ms | max ms | failures "
                                + "| CPU (cores): JVM (server + clients) / PostgreSQL / kernel irq / other processes / idle "
                                + "| GC ms (collections) | max heap used MiB | live sessions at end |\n")
                        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
                for (Throughput t : throughput) {
                    s.append(String.format(Locale.ROOT, "| %s | %d | %,d | **%,.0f** | %.1f | %.1f | %.1f | %.1f | %d "
                                    + "| %s | %,d (%d) | %,d | %,d |\n", t.page().name(), t.threads(), t.views(), t.rate(),
                            t.percentile(0.5), t.percentile(0.9), t.percentile(0.99), t.percentile(1.0), t.failures(),
                            t.cpu(), t.gcMillis(), t.gcCount(), t.heapUsedMaxMb(), t.sessionsAtEnd()));
                }
            }
            s.append("\n| target | measured | met |\n|---|---:|---|\n");
            for (Heap h : heap) {
                s.append(String.format(Locale.ROOT, "| live heap per anonymous view of %s ≤ 100 KB | %.1f KB | %s |\n",
                        h.page().name(), h.perView() / 1024, h.perView() <= 100 * 1024 ? "yes" : "**no**"));
                s.append(String.format(Locale.ROOT, "| %s sessions freed once the visitors leave | %d left, residual "
                                + "%.1f KB per view | %s |\n", h.page().name(), h.sessionsLeft(),
                        h.residualPerView() / 1024, h.sessionsLeft() == 0 && h.residualPerView() < 10 * 1024
                                ? "yes" : "**no**"));
            }
            for (Throughput t : throughput) {
                if (t.page().name().equals("feed")) {
                    s.append(String.format(Locale.ROOT, "| feed ≥ 1,000 page views/s on 2 cores | %,.0f/s | %s |\n",
                            t.rate(), t.rate() >= 1000 ? "yes" : "**no**"));
                }
            }
            for (Heap h : heap) {
                if (h.perClass().isEmpty()) {
                    continue;
                }
                s.append("\nWhat a view of ").append(h.page().name()).append(" leaves on the heap (live objects "
                        + "per view, the classes that grew most):\n\n| class | instances per view | bytes per view |\n"
                        + "|---|---:|---:|\n");
                h.perClass().forEach((k, v) -> s.append(String.format(Locale.ROOT, "| `%s` | %.1f | %,.0f |\n", k,
                        v[0] / (double) h.views(), v[1] / (double) h.views())));
            }
            for (Throughput t : throughput) {
                if (t.samples() == 0) {
                    continue;
                }
                s.append("\nProfile of ").append(t.page().name()).append(" (JFR execution samples, ")
                        .append(t.samples()).append(" samples): hottest frames\n\n| self: top frame | samples | "
                                + "% |\n|---|---:|---:|\n");
                t.hotSelf().forEach((k, v) -> s.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f |\n", k, v,
                        100.0 * v / t.samples())));
                s.append("\n| total: on the stack (request plumbing left out) | samples | % |\n|---|---:|---:|\n");
                t.hotTotal().forEach((k, v) -> s.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f |\n", k, v,
                        100.0 * v / t.samples())));
            }
            return s.toString();
        }

        void print() {
            System.out.println(render());
        }

        void write(Path file) throws IOException {
            String begin = "<!-- generated by PortalBenchmark: begin -->";
            String end = "<!-- generated by PortalBenchmark: end -->";
            String block = begin + "\n" + render() + end;
            String doc = Files.exists(file) ? Files.readString(file) : "# Benchmark: public portal pages\n\n"
                    + "## Latest run\n\n" + begin + "\n" + end + "\n";
            int from = doc.indexOf(begin);
            int to = doc.indexOf(end);
            doc = from < 0 || to < 0 ? doc + "\n" + block + "\n"
                    : doc.substring(0, from) + block + doc.substring(to + end.length());
            Files.createDirectories(file.getParent());
            Files.writeString(file, doc);
        }
    }
}
