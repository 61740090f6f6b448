package lt.smssafe.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The webhook receivers and {@code POST /redeem} clients a shop copies (src/test/resources/webhooks/, shown in
 * docs/webhooks-receivers.md), run as real processes: each receiver on a free loopback port with a secret and its own
 * events file, which the test then reads; each client's command line, whose one line of output the test reads.
 * They need {@code php}, {@code node} and {@code python3} on the PATH (Debian's php-cli, nodejs, python3), which
 * {@code .ci/run} installs; a machine without one fails the test that needs it, saying so, rather than skipping it.
 */
public final class Receivers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private Receivers() {
    }

    /** The languages of the examples: the binary that runs them, the Debian package that has it, the file suffix. */
    public enum Language {
        PHP("php", "php-cli", "php"), NODE("node", "nodejs", "js"), PYTHON("python3", "python3", "py");

        private final String binary;
        private final String debianPackage;
        private final String suffix;

        Language(String binary, String debianPackage, String suffix) {
            this.binary = binary;
            this.debianPackage = debianPackage;
            this.suffix = suffix;
        }

        /** The binary on the PATH; fails, naming it and its package, when it is missing. */
        public Path binary() {
            return binaryOn(System.getenv().getOrDefault("PATH", ""));
        }

        /** The binary in one of these folders ({@code PATH}'s syntax); fails, naming it and its package, when not. */
        public Path binaryOn(String searchPath) {
            for (String folder : searchPath.split(File.pathSeparator)) {
                Path candidate = Path.of(folder.isEmpty() ? "." : folder, binary);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            throw new IllegalStateException(binary + " is missing (not on the PATH): the webhook receiver and"
                    + " /redeem client examples in src/test/resources/webhooks/ run under PHP, Node.js and Python."
                    + " Install Debian's " + debianPackage + " (apt-get install " + debianPackage
                    + "; .ci/run does this).");
        }

        /** The example's file, e.g. {@code receiver.php}: {@code kind} is {@code receiver} or {@code redeem}. */
        public Path script(String kind) {
            return Receivers.script(kind + "." + suffix);
        }

        private List<String> receiverCommand(int port) {
            return this == PHP
                    ? List.of(binary().toString(), "-S", "127.0.0.1:" + port, script("receiver").toString())
                    : List.of(binary().toString(), script("receiver").toString());
        }

        /**
         * Runs this language's redeem client's command line ({@code php redeem.php URL KEY CODE REF} …) and returns
         * its one line of output, e.g. {@code 200 redeemed} or {@code 409 already redeemed}; fails with its output
         * when it writes something else or does not end within a minute.
         */
        public String redeem(String baseUrl, String apiKey, String code, String reference) {
            List<String> command = List.of(binary().toString(), script("redeem").toString(), baseUrl, apiKey, code,
                    reference);
            try {
                Path output = Files.createTempFile("redeem-" + suffix + "-", ".out");
                try {
                    Process process = new ProcessBuilder(command).redirectErrorStream(true)
                            .redirectOutput(output.toFile()).start();
                    if (!process.waitFor(60, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                        throw new IllegalStateException(command + " did not end within a minute: "
                                + Files.readString(output));
                    }
                    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
                    if (lines.size() != 1) {
                        throw new IllegalStateException(command + " (exit " + process.exitValue()
                                + ") printed not one line but: " + lines);
                    }
                    return lines.get(0);
                } finally {
                    Files.deleteIfExists(output);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A file of src/test/resources/webhooks/, from the test classpath. */
    public static Path script(String name) {
        URL url = Receivers.class.getResource("/webhooks/" + name);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("webhooks/" + name + " is not a file on the test classpath: " + url);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts this language's receiver on a free loopback port with this webhook secret; its events file, the list of
     * event ids it handled and its log go into {@code folder} (created if need be). Returns once it accepts
     * connections.
     */
    public static Receiver start(Language language, String secret, Path folder) {
        try {
            Files.createDirectories(folder);
            Path events = folder.resolve("events-" + language.suffix + ".jsonl").toAbsolutePath();
            Path log = folder.resolve("receiver-" + language.suffix + ".log").toAbsolutePath();
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(language.receiverCommand(port))
                    .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("SMSSAFE_WEBHOOK_SECRET", secret);
            builder.environment().put("EVENTS_FILE", events.toString());
            Receiver receiver = new Receiver(language, builder.start(), port, events, log);
            receiver.awaitListening();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + language + " receiver", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A running receiver: where to post events, and what it did with them. */
    public static final class Receiver implements AutoCloseable {
        private final Language language;
        private final Process process;
        private final int port;
        private final Path events;
        private final Path log;

        private Receiver(Language language, Process process, int port, Path events, Path log) {
            this.language = language;
            this.process = process;
            this.port = port;
            this.events = events;
            this.log = log;
        }

        public Language language() {
            return language;
        }

        /** The URL to give as {@code webhook.url}. */
        public URI uri() {
            return URI.create("http://127.0.0.1:" + port + "/");
        }

        /** The lines the receiver appended, one per event it acted on (none yet: empty). */
        public List<String> eventLines() {
            try {
                return Files.exists(events) ? Files.readAllLines(events, StandardCharsets.UTF_8) : List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The events it acted on, in order: each {@code {"id":…,"type":…,"data":…}}. */
        public List<JsonNode> events() {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : eventLines()) {
                try {
                    nodes.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new IllegalStateException("the " + language + " receiver wrote a line that is not JSON: "
                            + line, e);
                }
            }
            return nodes;
        }

        /** What the process wrote (its request log, its errors), for a failure's message. */
        public String log() {
            try {
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException e) {
                return "(cannot read " + log + ": " + e + ")";
            }
        }

        private void awaitListening() {
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the " + language + " receiver ended (exit "
                            + process.exitValue() + ") before it listened: " + log());
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                    return;
                } catch (IOException notYet) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }
            close();
            throw new IllegalStateException("the " + language + " receiver did not listen on port " + port
                    + " within " + STARTUP + ": " + log());
        }

        /** Ends the process (and any it started). */
        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
