package lt.smssafe.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The test Tomcat's own log files ({@code catalina.*.log}), where the WAR's log lines land. */
public final class TomcatLog {
    /** A line that starts a new entry: JULI's {@code 01-Dec-2026 10:02:47.322 LEVEL [thread] ...}. */
    private static final Pattern ENTRY = Pattern.compile("^\\d{2}-\\w{3}-\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} .*");

    private TomcatLog() {
    }

    /** Lines that contain the text, each cut to start at the text. */
    public static List<String> linesContaining(String text) {
        return lines().stream().filter(line -> line.contains(text))
                .map(line -> line.substring(line.indexOf(text))).toList();
    }

    /** Every entry (its first line and the stack trace under it) whose first line contains the text. */
    public static List<String> entriesContaining(String text) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines()) {
            if (ENTRY.matcher(line).matches()) {
                if (current != null) {
                    entries.add(current.toString());
                }
                current = line.contains(text) ? new StringBuilder(line) : null;
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            entries.add(current.toString());
        }
        return entries;
    }

    /** The entries containing the text once there are more than {@code before}, waiting up to 10 s for the file. */
    public static List<String> awaitEntries(String text, int before) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<String> entries = entriesContaining(text);
            if (entries.size() > before) {
                return entries;
            }
            Thread.sleep(100);
        }
        return entriesContaining(text);
    }

    private static List<String> lines() {
        Path logs = Path.of(System.getProperty("tomcat.home"), "logs");
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> f.getFileName().toString().startsWith("catalina.")).sorted().flatMap(f -> {
                try {
                    return Files.readAllLines(f, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Tomcat logs in " + logs, e);
        }
    }
}
