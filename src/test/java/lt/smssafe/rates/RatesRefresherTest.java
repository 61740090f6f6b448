package lt.smssafe.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import lt.smssafe.testing.LogCapture;
import lt.smssafe.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refresher against a real HTTP server on the loopback interface: what replaces the rates, what keeps the last
 * good copy and the reason it records, start-up, atomic replacement under concurrent readers, and shutdown.
 */
class RatesRefresherTest {
    private static final long SAFE = 1234;
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dataDir;

    /** Where the tests' Fortumo files are served from, as {@code file:} URLs: not in {@code dataDir}. */
    @TempDir
    Path served;

    private final MutableClock clock = new MutableClock(START);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<RatesRefresher> refreshers = new ArrayList<>();
    private volatile Answer answer;
    private ExecutorService serverThreads;
    private HttpServer server;

    /** What the test server does with a request. */
    @FunctionalInterface
    private interface Answer {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    @BeforeEach
    void startServer() throws IOException, InterruptedException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            try (exchange) {
                answer.handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // a hanging answer must not hold up the next request
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
        answer = status(204);
        // the first request loads the HTTP client's and server's classes: not on the clock of a 500 ms timeout
        try (RatesRefresher warmUp = new RatesRefresher(SAFE, "en", Optional.of(url("/warm-up")),
                Duration.ofHours(1), dataDir, clock, Duration.ofSeconds(10), Duration.ofSeconds(10))) {
            warmUp.refreshNow();
        }
        requests.clear();
        answer = ok(RatesFormatTest.resource("example.xml"));
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        refreshers.forEach(RatesRefresher::close);
        release.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
        assertThat(serverThreads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private RatesRefresher refresher(Optional<String> ratesUrl) {
        RatesRefresher refresher = new RatesRefresher(SAFE, "en", ratesUrl, Duration.ofHours(1), dataDir, clock,
                TIMEOUT, TIMEOUT);
        refreshers.add(refresher);
        return refresher;
    }

    private RatesRefresher refresher() {
        return refresher(Optional.of(url("/rates/{safe}/{language}")));
    }

    private Path localXml() {
        return dataDir.resolve("local.xml");
    }

    private static Answer ok(byte[] body) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    private static Answer status(int status) {
        return exchange -> exchange.sendResponseHeaders(status, -1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String example() {
        return new String(RatesFormatTest.resource("example.xml"), StandardCharsets.UTF_8);
    }

    private static List<Thread> refresherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(RatesRefresher.THREAD_NAME))
                .toList();
    }

    private static Thread started(Runnable task) {
        Thread thread = new Thread(task, "test-" + task.hashCode());
        thread.start();
        return thread;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void goodFeedReplacesTableAndFile() throws IOException {
        RatesRefresher refresher = refresher();

        RefreshResult result = refresher.refreshNow();

        assertThat(result).isEqualTo(new RefreshResult(true, "rates refreshed: 1 country, 1 provider", START));
        assertThat(refresher.table().find("lt", "bite_lt")).map(Rate::operatorName).contains("Bitė");
        assertThat(Files.readAllBytes(localXml())).isEqualTo(RatesFormatTest.resource("example.xml"));
        assertThat(refresher.localFile()).isEqualTo(localXml());
        RatesStatus status = refresher.status();
        assertThat(status.source()).contains(url("/rates/1234/en"));
        assertThat(status.lastSuccess()).contains(START);
        assertThat(status.lastAttempt()).contains(START);
        assertThat(status.lastFailure()).isEmpty();
        assertThat(status.lastFailureReason()).isEmpty();
        assertThat(status.table()).isSameAs(refresher.table());
        try (var files = Files.list(dataDir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(localXml());
        }
    }

    @Test
    void safeAndLanguageAreFilledInAndTheTokenIsNeverShown() {
        RatesRefresher refresher = refresher(Optional.of(url("/rates/{safe}/{language}.xml?token=s3cret")));
        answer = status(503);

        RefreshResult result = refresher.refreshNow();

        assertThat(requests).containsExactly("/rates/1234/en.xml?token=s3cret");
        assertThat(result.message()).isEqualTo("HTTP 503 from " + url("/rates/1234/en.xml?..."));
        assertThat(refresher.status().source()).contains(url("/rates/1234/en.xml?..."));
        assertThat(refresher.status().toString()).doesNotContain("s3cret");
    }

    /** Refreshes once with the good example, then with {@code failing}: the good copy must stay, file and table. */
    private void assertKeepsLastGoodCopy(Answer failing, String reason) throws IOException {
        RatesRefresher refresher = refresher();
        assertThat(refresher.refreshNow().succeeded()).isTrue();
        RateTable good = refresher.table();
        byte[] goodFile = Files.readAllBytes(localXml());
        answer = failing;
        Instant later = clock.advance(Duration.ofHours(1));

        RefreshResult result = refresher.refreshNow();

        assertThat(result).isEqualTo(new RefreshResult(false, reason, later));
        assertThat(refresher.table()).isSameAs(good);
        assertThat(Files.readAllBytes(localXml())).isEqualTo(goodFile);
        RatesStatus status = refresher.status();
        assertThat(status.lastSuccess()).contains(START);
        assertThat(status.lastFailure()).contains(later);
        assertThat(status.lastFailureReason()).contains(reason);
        assertThat(status.lastAttempt()).contains(later);
    }

    @Test
    void http500KeepsLastGoodCopy() throws IOException {
        assertKeepsLastGoodCopy(status(500), "HTTP 500 from " + url("/rates/1234/en"));
    }

    @Test
    void noAnswerWithinTheTimeoutKeepsLastGoodCopy() throws IOException {
        assertKeepsLastGoodCopy(exchange -> release.await(10, TimeUnit.SECONDS),
                "no answer from " + url("/rates/1234/en") + " within 500 ms");
    }

    @Test
    void bodyThatStallsKeepsLastGoodCopy() throws IOException {
        assertKeepsLastGoodCopy(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(utf8("<?xml version=\"1.0\"?>\n<rates safe=\"1234\">"));
            body.flush();
            release.await(10, TimeUnit.SECONDS);
        }, "no answer from " + url("/rates/1234/en") + " within 500 ms");
    }

    @Test
    void bodyThatTricklesIsCutAtTheDeadline() throws IOException {
        // each byte comes well within the read timeout: only the deadline of the whole answer ends this
        // (without it, 5 s of spaces would end as "not XML")
        assertKeepsLastGoodCopy(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            for (int i = 0; i < 50; i++) {
                body.write(' ');
                body.flush();
                Thread.sleep(100);
            }
        }, "no answer from " + url("/rates/1234/en") + " within 500 ms");
    }

    @Test
    void invalidXmlKeepsLastGoodCopy() throws IOException {
        assertKeepsLastGoodCopy(ok(utf8(example().replace("code=\"lt\"", "code=\"LT\""))),
                "line 3: cvc-pattern-valid: Value 'LT' is not facet-valid with respect to pattern '[a-z]{2}' for "
                        + "type 'countryCode'.");
    }

    @Test
    void htmlPageKeepsLastGoodCopy() throws IOException {
        assertKeepsLastGoodCopy(ok(utf8("<html><body>Down for maintenance</body></html>")),
                "line 1: cvc-elt.1.a: Cannot find the declaration of element 'html'.");
    }

    @Test
    void anotherSafeKeepsLastGoodCopy() throws IOException {
        assertKeepsLastGoodCopy(ok(utf8(example().replace("safe=\"1234\"", "safe=\"999\""))),
                "the feed is for safe 999, not 1234");
    }

    @Test
    void noProvidersKeepsLastGoodCopy() throws IOException {
        assertKeepsLastGoodCopy(ok(utf8("<rates safe=\"1234\" generated=\"2026-11-22T11:00:00Z\"></rates>")),
                "the feed lists no providers");
    }

    @Test
    void absurdlyLargeFeedKeepsLastGoodCopy() throws IOException {
        byte[] huge = new byte[RatesSource.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        assertKeepsLastGoodCopy(ok(huge), "the feed from " + url("/rates/1234/en") + " is larger than 5 MB");
    }

    @Test
    void connectionRefusedKeepsLastGoodCopy() throws IOException {
        RatesRefresher refresher = refresher();
        assertThat(refresher.refreshNow().succeeded()).isTrue();
        RateTable good = refresher.table();
        byte[] goodFile = Files.readAllBytes(localXml());
        server.stop(0);

        RefreshResult result = refresher.refreshNow();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).startsWith("cannot connect to " + url("/rates/1234/en"));
        assertThat(refresher.status().lastFailureReason()).contains(result.message());
        assertThat(refresher.table()).isSameAs(good);
        assertThat(Files.readAllBytes(localXml())).isEqualTo(goodFile);
    }

    @Test
    void fileUrlWorks() throws IOException {
        Path feed = Files.write(dataDir.resolve("feed-1234.xml"), RatesFormatTest.resource("two-countries.xml"));
        String template = feed.toUri().toString().replace("1234", "{safe}");
        RatesRefresher refresher = refresher(Optional.of(template));

        RefreshResult result = refresher.refreshNow();

        assertThat(result.message()).isEqualTo("rates refreshed: 2 countries, 3 providers");
        assertThat(refresher.table().entryCount()).isEqualTo(3);
        assertThat(Files.readAllBytes(localXml())).isEqualTo(Files.readAllBytes(feed));
        assertThat(refresher.status().source()).contains(feed.toString());
    }

    @Test
    void missingFileIsAFailure() {
        Path missing = dataDir.resolve("missing.xml");
        RatesRefresher refresher = refresher(Optional.of(missing.toUri().toString()));

        assertThat(refresher.refreshNow().message()).isEqualTo("cannot read " + missing + ": no such file");
        assertThat(localXml()).doesNotExist();
    }

    @Test
    void withoutUrlNothingIsFetchedOrScheduled() {
        RatesRefresher refresher = refresher(Optional.empty());

        refresher.start();
        RefreshResult result = refresher.refreshNow();

        assertThat(result).isEqualTo(new RefreshResult(false, "rates.url is not configured", START));
        assertThat(refresher.status().source()).isEmpty();
        assertThat(refresherThreads()).isEmpty();
        assertThat(requests).isEmpty();
    }

    @Test
    void aPlainHttpFeedFromAnotherMachineIsOneWarningAtStartUp() {
        LogCapture log = LogCapture.of(RatesFeed.class).start();
        try {
            refresher(Optional.of("http://user:token@192.0.2.1:9/rates/{safe}?key=secret")).start();
            refresher(Optional.of("https://192.0.2.1:9/rates/{safe}")).start();
            refresher().start(); // http to 127.0.0.1: nothing travels on a network
        } finally {
            log.stop();
        }

        assertThat(log.records().stream().filter(r -> r.getMessage().contains("plain HTTP")))
                .singleElement().satisfies(record -> {
                    assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                    assertThat(record.getMessage()).isEqualTo("sms:safe rates.url http://192.0.2.1:9/rates/1234?..."
                            + " is plain HTTP: anyone on the way can change the rates (the number of messages a"
                            + " session needs); use https");
                });
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> refresher(Optional.of("ftp://rates.example/{safe}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rates.url must start with http:, https: or file:");
    }

    @Test
    void startLoadsLocalFileEvenWhenTheFeedIsDown() throws IOException, InterruptedException {
        Files.write(localXml(), RatesFormatTest.resource("example.xml"));
        answer = status(500);
        RatesRefresher refresher = refresher();

        refresher.start();

        assertThat(refresher.table().find("lt", "bite_lt")).isPresent();
        await(() -> refresher.status().lastFailure().isPresent());
        assertThat(refresher.status().lastFailureReason()).contains("HTTP 500 from " + url("/rates/1234/en"));
        assertThat(refresher.table().find("lt", "bite_lt")).isPresent();
        assertThat(Files.readAllBytes(localXml())).isEqualTo(RatesFormatTest.resource("example.xml"));
    }

    @Test
    void startWithAnInvalidLocalFileLeavesTheRatesEmpty() throws IOException {
        Files.writeString(localXml(), example().replace("code=\"lt\"", "code=\"LT\""));
        RatesRefresher refresher = refresher(Optional.empty());

        refresher.start();

        assertThat(refresher.table().isEmpty()).isTrue();
        assertThat(refresher.status().lastFailure()).contains(START);
        assertThat(refresher.status().lastFailureReason()).contains("local.xml: line 3: cvc-pattern-valid: Value "
                + "'LT' is not facet-valid with respect to pattern '[a-z]{2}' for type 'countryCode'.");
    }

    @Test
    void startWithTheLocalFileOfAnotherSafeLeavesTheRatesEmpty() throws IOException {
        Files.writeString(localXml(), example().replace("safe=\"1234\"", "safe=\"999\""));
        RatesRefresher refresher = refresher(Optional.empty());

        refresher.start();

        assertThat(refresher.table().isEmpty()).isTrue();
        assertThat(refresher.status().lastFailureReason()).contains("local.xml: the feed is for safe 999, not 1234");
    }

    @Test
    void startWithoutLocalFileLeavesTheRatesEmpty() {
        RatesRefresher refresher = refresher(Optional.empty());

        refresher.start();

        assertThat(refresher.table().isEmpty()).isTrue();
        assertThat(refresher.status().lastFailureReason()).contains("local.xml: not found in " + dataDir);
    }

    @Test
    void startRefreshesAtOnceInTheBackground() throws InterruptedException {
        RatesRefresher refresher = refresher();

        refresher.start();

        await(() -> refresher.notesStatus().values().stream().allMatch(s -> s.lastSuccess().isPresent()));
        assertThat(refresher.table().entryCount()).isEqualTo(1);
        assertThat(requests).as("the feed, then the other languages' for their notes")
                .containsExactly("/rates/1234/en", "/rates/1234/lt", "/rates/1234/ru");
        assertThat(refresherThreads()).isNotEmpty().allSatisfy(thread -> assertThat(thread.isDaemon()).isTrue());
        assertThatThrownBy(refresher::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refreshesRunOneAtATime() throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        byte[] body = RatesFormatTest.resource("example.xml");
        answer = exchange -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(20);
            inFlight.decrementAndGet();
            ok(body).handle(exchange);
        };
        RatesRefresher refresher = refresher();
        List<Thread> callers = new ArrayList<>();
        Queue<RefreshResult> results = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 4; i++) {
            callers.add(started(() -> {
                for (int j = 0; j < 3; j++) {
                    results.add(refresher.refreshNow());
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join(5000);
        }

        assertThat(results).hasSize(12).allSatisfy(result -> assertThat(result.succeeded()).isTrue());
        assertThat(requests).hasSize(12);
        assertThat(most).hasValue(1);
    }

    @Test
    void readersNeverSeeHalfAFileOrHalfATable() throws InterruptedException {
        byte[] first = Feeds.feed(SAFE, 10, 20, "AAA");
        byte[] second = Feeds.feed(SAFE, 8, 25, "BBB");
        AtomicInteger served = new AtomicInteger();
        answer = exchange -> ok(served.getAndIncrement() % 2 == 0 ? first : second).handle(exchange);
        RatesRefresher refresher = refresher();
        AtomicBoolean done = new AtomicBoolean();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger fileReads = new AtomicInteger();
        AtomicInteger tableReads = new AtomicInteger();

        Thread fileReader = started(() -> {
            boolean seen = false;
            while (!done.get()) {
                try {
                    byte[] content = Files.readAllBytes(localXml());
                    seen = true;
                    if (!Arrays.equals(content, first) && !Arrays.equals(content, second)) {
                        problems.add("local.xml of " + content.length + " bytes is neither feed");
                    }
                    RateTable table = RatesFormat.parse(content, SAFE);
                    checkWhole(table, problems);
                    fileReads.incrementAndGet();
                } catch (NoSuchFileException e) {
                    if (seen) {
                        problems.add("local.xml disappeared");
                    }
                } catch (IOException | InvalidRatesException e) {
                    problems.add("local.xml unreadable: " + e);
                }
            }
        });
        Thread tableReader = started(() -> {
            while (!done.get()) {
                RateTable table = refresher.table();
                if (!table.isEmpty()) {
                    checkWhole(table, problems);
                    tableReads.incrementAndGet();
                }
                Thread.yield(); // two cores: leave the writer its share
            }
        });
        Thread writer = started(() -> {
            for (int i = 0; i < 50; i++) {
                RefreshResult result = refresher.refreshNow();
                if (!result.succeeded()) {
                    problems.add("refresh " + i + " failed: " + result.message());
                }
            }
        });
        writer.join(20_000);
        done.set(true);
        fileReader.join(5000);
        tableReader.join(5000);

        assertThat(problems).isEmpty();
        assertThat(served).hasValue(50);
        assertThat(fileReads.get()).isPositive();
        assertThat(tableReads.get()).isPositive();
    }

    /** A table is whole when all of it comes from one of the two feeds of that test. */
    private static void checkWhole(RateTable table, Queue<String> problems) {
        String prefix = table.countries().get(0).entries().get(0).prefix();
        int countries = prefix.equals("AAA") ? 10 : 8;
        int perCountry = prefix.equals("AAA") ? 20 : 25;
        boolean whole = table.entryCount() == 200 && table.countries().size() == countries
                && table.countries().stream().allMatch(country -> country.entries().size() == perCountry
                        && country.entries().stream().allMatch(rate -> rate.prefix().equals(prefix)));
        if (!whole) {
            problems.add("a mixed table: " + table);
        }
    }

    @Test
    void closeLeavesNoThreadBehind() throws InterruptedException {
        RatesRefresher refresher = refresher();
        refresher.start();
        await(() -> refresher.status().lastSuccess().isPresent());
        assertThat(refresherThreads()).isNotEmpty();

        refresher.close();

        assertThat(refresherThreads()).isEmpty();
        assertThat(refresher.refreshNow().message()).isEqualTo("the rates refresher is closed");
    }

    @Test
    void closeInterruptsAFetchInProgress() throws IOException, InterruptedException {
        answer = exchange -> release.await(10, TimeUnit.SECONDS);
        RatesRefresher refresher = new RatesRefresher(SAFE, "en", Optional.of(url("/rates/{safe}/{language}")),
                Duration.ofHours(1), dataDir, clock, TIMEOUT, Duration.ofSeconds(30));
        refreshers.add(refresher);
        refresher.start();
        await(() -> !requests.isEmpty());
        long started = System.nanoTime();

        refresher.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(refresherThreads()).isEmpty();
        assertThat(refresher.status().lastFailureReason())
                .contains("interrupted while fetching " + url("/rates/1234/en"));
        assertThat(localXml()).doesNotExist();
    }

    private static final String FORTUMO_SERVICE = "f9482620cd62d78dcf834398bdd4139e";

    private Path fortumoXml() {
        return dataDir.resolve("fortumo.xml");
    }

    private static String fortumoSample() {
        return new String(RatesFormatTest.resource("fortumo-service-data.xml"), StandardCharsets.UTF_8);
    }

    /** A refresher of the feed (the test server) and of Fortumo's file at {@code fortumoUrl}. */
    private RatesRefresher withFortumo(String fortumoUrl) {
        RatesRefresher refresher = new RatesRefresher(SAFE, "en", Optional.of(url("/rates/{safe}/{language}")),
                Optional.of(new FortumoRatesConfig(fortumoUrl, Optional.of(FORTUMO_SERVICE), 3)), Duration.ofHours(1),
                dataDir, clock, TIMEOUT, TIMEOUT);
        refreshers.add(refresher);
        return refresher;
    }

    private Path served(String name, String content) throws IOException {
        return Files.writeString(served.resolve(name), content);
    }

    @Test
    void fortumosFileIsKeptAsFortumoXmlAndItsEntriesJoinTheFeeds() throws IOException {
        Path file = served("service.xml", fortumoSample());
        RatesRefresher refresher = withFortumo(file.toUri().toString());

        List<RefreshResult> results = refresher.refreshAll();

        assertThat(results).containsExactly(new RefreshResult(true, "rates refreshed: 1 country, 1 provider", START),
                new RefreshResult(true, "Fortumo rates refreshed: 2 countries, 6 providers", START));
        assertThat(refresher.table().find(Gateway.SMSSAFE, "lt", "bite_lt")).map(Rate::shortcode).contains("1337");
        assertThat(refresher.table().find(Gateway.FORTUMO, "lt", "bite")).map(Rate::shortcode).contains("1398");
        assertThat(refresher.table().entryCount()).isEqualTo(7);
        assertThat(Files.readAllBytes(fortumoXml())).isEqualTo(Files.readAllBytes(file));
        try (var files = Files.list(dataDir)) {
            assertThat(files).as("no temporary file left behind").containsExactlyInAnyOrder(localXml(), fortumoXml(),
                    dataDir.resolve("local-lt.xml"), dataDir.resolve("local-ru.xml"));
        }
        RatesStatus fortumo = refresher.fortumoStatus().orElseThrow();
        assertThat(fortumo.source()).contains(file.toString());
        assertThat(fortumo.lastSuccess()).contains(START);
        assertThat(fortumo.table().entryCount()).isEqualTo(6);
        assertThat(refresher.status().table().entryCount()).as("the feed's own status").isEqualTo(1);
    }

    /** Refreshes Fortumo's file once as it should be, then as {@code bad}: the good copy stays, file and table. */
    private void assertFortumoKeepsLastGoodCopy(String bad, String reason) throws IOException {
        Path file = served("service.xml", fortumoSample());
        RatesRefresher refresher = withFortumo(file.toUri().toString());
        assertThat(refresher.refreshAll()).allSatisfy(result -> assertThat(result.succeeded()).isTrue());
        RateTable good = refresher.table();
        byte[] goodFile = Files.readAllBytes(fortumoXml());
        Files.writeString(file, bad);
        Instant later = clock.advance(Duration.ofHours(1));

        RefreshResult result = refresher.refreshFortumoNow();

        assertThat(result).isEqualTo(new RefreshResult(false, "Fortumo rates: " + reason, later));
        assertThat(refresher.table()).isSameAs(good);
        assertThat(refresher.table().find(Gateway.FORTUMO, "ee", "elisa")).isPresent();
        assertThat(Files.readAllBytes(fortumoXml())).isEqualTo(goodFile);
        RatesStatus status = refresher.fortumoStatus().orElseThrow();
        assertThat(status.lastSuccess()).contains(START);
        assertThat(status.lastFailure()).contains(later);
        assertThat(status.lastFailureReason()).contains(reason);
        assertThat(refresher.status().failingNow()).as("the feed is not to blame").isFalse();
    }

    @Test
    void fortumoFileOfAnotherServiceKeepsTheLastGoodCopy() throws IOException {
        assertFortumoKeepsLastGoodCopy(fortumoSample().replace(FORTUMO_SERVICE, "0123456789abcdef"),
                "the file is for Fortumo service 0123456789abcdef, not " + FORTUMO_SERVICE);
    }

    @Test
    void fortumoErrorStatusKeepsTheLastGoodCopy() throws IOException {
        assertFortumoKeepsLastGoodCopy("<services_api_response version=\"2.0\"><status><code>5</code>"
                + "<message>Service not found</message></status></services_api_response>",
                "Fortumo answered status 5: Service not found");
    }

    @Test
    void fortumoFileWithoutCountriesKeepsTheLastGoodCopy() throws IOException {
        assertFortumoKeepsLastGoodCopy(fortumoSample().replaceAll("(?s)<countries>.*</countries>", "<countries/>"),
                "the file lists no countries");
    }

    @Test
    void invalidFortumoFileKeepsTheLastGoodCopy() throws IOException {
        assertFortumoKeepsLastGoodCopy("<html><body>Maintenance</body></html>",
                "line 1: cvc-elt.1.a: Cannot find the declaration of element 'html'.");
    }

    @Test
    void startLoadsFortumoXmlAndLocalXmlNamesTheCountOfAFortumoEntry() throws IOException, InterruptedException {
        Files.writeString(localXml(), example().replace("</country>", "</country>\n  <country code=\"ee\" "
                + "name=\"Estonia\"><provider code=\"elisa\" name=\"Elisa\" gateway=\"fortumo\"><shortcode>1"
                + "</shortcode><prefix>TXT SAFE</prefix><price currency=\"EUR\" vat=\"included\">0.32</price>"
                + "<messages>5</messages></provider></country>"));
        Files.writeString(fortumoXml(), fortumoSample());
        Path missing = served.resolve("missing.xml");
        answer = status(500);
        RatesRefresher refresher = withFortumo(missing.toUri().toString());

        refresher.start();

        assertThat(refresher.table().find(Gateway.FORTUMO, "ee", "elisa")).hasValueSatisfying(elisa -> {
            assertThat(elisa.shortcode()).as("Fortumo's number").isEqualTo("1311");
            assertThat(elisa.messages()).as("local.xml's count").isEqualTo(5);
        });
        assertThat(refresher.table().find(Gateway.FORTUMO, "ee", "telia")).map(Rate::messages).contains(3);
        await(() -> refresher.fortumoStatus().orElseThrow().lastFailure().isPresent());
        assertThat(refresher.fortumoStatus().orElseThrow().lastFailureReason())
                .contains("cannot read " + missing + ": no such file");
        assertThat(refresher.table().find(Gateway.FORTUMO, "ee", "elisa")).isPresent();
        assertThat(Files.readString(fortumoXml())).isEqualTo(fortumoSample());
    }

    @Test
    void fortumosFileNameIsNeverShownForItCarriesASignature() {
        RatesRefresher refresher = withFortumo(url("/api/services/2/" + FORTUMO_SERVICE + ".5ecre7519.xml"));
        answer = status(503);

        RefreshResult result = refresher.refreshFortumoNow();

        assertThat(result.message()).isEqualTo("Fortumo rates: HTTP 503 from " + url("/api/services/2/..."));
        assertThat(refresher.fortumoStatus().orElseThrow().source()).contains(url("/api/services/2/..."));
        assertThat(requests).containsExactly("/api/services/2/" + FORTUMO_SERVICE + ".5ecre7519.xml");
    }

    @Test
    void withoutFortumosUrlItsOldCopyIsNotLoadedAndCronRefreshesTheFeedAlone() throws IOException {
        Files.writeString(fortumoXml(), fortumoSample());
        RatesRefresher refresher = refresher();

        refresher.start();
        List<RefreshResult> results = refresher.refreshAll();

        assertThat(results).extracting(RefreshResult::message)
                .containsExactly("rates refreshed: 1 country, 1 provider");
        assertThat(refresher.refreshFortumoNow().message()).isEqualTo("fortumo.rates.url is not configured");
        assertThat(refresher.fortumoStatus()).isEmpty();
        assertThat(refresher.table().find(Gateway.FORTUMO, "ee", "elisa")).isEmpty();
    }

    /** The example feed in another language: its note translated, and a price that no page may ever show. */
    private static byte[] exampleIn(String note, String price) {
        return utf8(example().replace("Only for Bitė subscribers.", note).replace("1.45", price));
    }

    /** Answers each language's path with its own feed, and {@code lt} with {@code lithuanian}. */
    private static Answer perLanguage(Answer lithuanian) {
        return exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/lt")) {
                lithuanian.handle(exchange);
            } else if (path.endsWith("/ru")) {
                ok(exampleIn("Только для абонентов Bitė.", "9.99")).handle(exchange);
            } else {
                ok(RatesFormatTest.resource("example.xml")).handle(exchange);
            }
        };
    }

    @Test
    void everyPageLanguageIsFetchedForItsNotesAndOnlyTheNotesAreTaken() throws IOException {
        byte[] lithuanian = exampleIn("Tik Bitės abonentams.", "8.88");
        answer = perLanguage(ok(lithuanian));
        RatesRefresher refresher = refresher();

        List<RefreshResult> results = refresher.refreshAll();

        assertThat(results).as("/cron's verdict is the feed's").containsExactly(
                new RefreshResult(true, "rates refreshed: 1 country, 1 provider", START));
        assertThat(requests).containsExactly("/rates/1234/en", "/rates/1234/lt", "/rates/1234/ru");
        Rate bite = refresher.table().find("lt", "bite_lt").orElseThrow();
        assertThat(bite.price()).as("the numbers come from the configured language's feed")
                .isEqualByComparingTo("1.45");
        assertThat(bite.notes()).containsExactly("Only for Bitė subscribers.");
        assertThat(refresher.notes("lt", bite)).contains(List.of("Tik Bitės abonentams."));
        assertThat(refresher.notes("ru", bite)).contains(List.of("Только для абонентов Bitė."));
        assertThat(refresher.notes("en", bite)).as("the configured language has no second copy").isEmpty();
        assertThat(Files.readAllBytes(dataDir.resolve("local-lt.xml"))).isEqualTo(lithuanian);
        assertThat(dataDir.resolve("local-ru.xml")).exists();
        assertThat(refresher.notesStatus().keySet()).containsExactly("lt", "ru");
    }

    @Test
    void aBadLithuanianCopyKeepsItsLastGoodOneAndTheRatesAreUntouched() throws IOException {
        byte[] lithuanian = exampleIn("Tik Bitės abonentams.", "8.88");
        answer = perLanguage(ok(lithuanian));
        RatesRefresher refresher = refresher();
        refresher.refreshAll();
        Instant later = clock.advance(Duration.ofHours(1));
        answer = perLanguage(ok(utf8("<html><body>Maintenance</body></html>")));

        List<RefreshResult> results = refresher.refreshAll();

        assertThat(results).containsExactly(new RefreshResult(true, "rates refreshed: 1 country, 1 provider", later));
        Rate bite = refresher.table().find("lt", "bite_lt").orElseThrow();
        assertThat(bite.price()).isEqualByComparingTo("1.45");
        assertThat(bite.notes()).containsExactly("Only for Bitė subscribers.");
        assertThat(refresher.status().failingNow()).isFalse();
        assertThat(refresher.notes("lt", bite)).as("the last good copy's notes")
                .contains(List.of("Tik Bitės abonentams."));
        assertThat(Files.readAllBytes(dataDir.resolve("local-lt.xml"))).isEqualTo(lithuanian);
        RatesStatus lt = refresher.notesStatus().get("lt");
        assertThat(lt.failingNow()).isTrue();
        assertThat(lt.lastFailure()).contains(later);
        assertThat(lt.lastFailureReason()).hasValueSatisfying(reason -> assertThat(reason).contains("html"));
        assertThat(refresher.notesStatus().get("ru").failingNow()).isFalse();

        answer = perLanguage(status(500));
        refresher.refreshAll();
        assertThat(refresher.notesStatus().get("lt").lastFailureReason())
                .contains("HTTP 500 from " + url("/rates/1234/lt"));
        assertThat(refresher.notes("lt", bite)).contains(List.of("Tik Bitės abonentams."));
    }

    @Test
    void startLoadsTheOtherLanguagesLastGoodCopies() throws IOException {
        Files.write(dataDir.resolve("local-ru.xml"), exampleIn("Только для абонентов Bitė.", "9.99"));
        Files.write(localXml(), RatesFormatTest.resource("example.xml"));
        RatesRefresher refresher = new RatesRefresher(SAFE, "en", Optional.of(url("/rates/{safe}/{language}")),
                Duration.ofHours(1), dataDir, clock, TIMEOUT, TIMEOUT);
        refreshers.add(refresher);
        answer = status(500);

        refresher.start();

        Rate bite = refresher.table().find("lt", "bite_lt").orElseThrow();
        assertThat(refresher.notes("ru", bite)).contains(List.of("Только для абонентов Bitė."));
        assertThat(refresher.notes("lt", bite)).as("no Lithuanian copy yet").isEmpty();
    }

    @Test
    void withoutLanguageInTheUrlTheFeedIsFetchedOnce() {
        RatesRefresher refresher = refresher(Optional.of(url("/rates/{safe}.xml")));

        refresher.refreshAll();

        assertThat(requests).containsExactly("/rates/1234.xml");
        assertThat(refresher.notesStatus()).isEmpty();
        assertThat(refresher.notes("lt", refresher.table().find("lt", "bite_lt").orElseThrow())).isEmpty();
        assertThat(dataDir.resolve("local-lt.xml")).doesNotExist();
    }
}
