package lt.smssafe.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Plain HTTP calls of the benchmark's own (not its load: that is wrk's): the contract check, opening sessions. */
final class Http {
    /** An answer: status and body. */
    record Answer(int status, String body) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param base {@code http://host:port} */
    Http(String base) {
        this.base = base;
    }

    Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * Sends the requests {@code path(0)} to {@code path(count - 1)} from {@code threads} threads at once and returns
     * the answers that were not as expected (at most 10), empty when all were.
     */
    List<String> sendAll(int count, int threads, IntFunction<String> path, java.util.function.Predicate<Answer> expected)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            Answer answer = get(path.apply(i));
                            if (!expected.test(answer) && unexpected.size() < 10) {
                                unexpected.add(path.apply(i) + " -> " + answer);
                            }
                        } catch (IOException e) {
                            if (unexpected.size() < 10) {
                                unexpected.add(path.apply(i) + " -> " + e);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return unexpected;
    }
}
