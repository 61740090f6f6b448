package lt.smssafe.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** What {@link RecordingAction} wrote in the deployments ({@code target/it-data/actions.log}), read by the tests. */
public final class ActionLog {
    private static final Path FILE = Path.of("target", "it-data", "actions.log");

    private ActionLog() {
    }

    /** The lines that match, in the order the action ran. */
    public static List<String> lines(Predicate<String> matching) {
        if (!Files.exists(FILE)) {
            return List.of();
        }
        try {
            return Files.readAllLines(FILE).stream().filter(matching).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The matching lines once there are {@code count} of them, or what there is after 20 s. */
    public static List<String> await(Predicate<String> matching, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> lines = lines(matching);
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            lines = lines(matching);
        }
        return lines;
    }
}
