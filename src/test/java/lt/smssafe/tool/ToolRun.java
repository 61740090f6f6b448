package lt.smssafe.tool;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One run of the signed-notification tool in the test's JVM: its exit code, what it printed on stdout (its answers)
 * and on stderr (its warnings), line by line.
 */
public record ToolRun(int exitCode, List<String> lines, List<String> warnings) {
    /** Runs {@link SendNotification} with these arguments and these environment variables (and no other). */
    public static ToolRun of(Map<String, String> environment, String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream warned = new ByteArrayOutputStream();
        int exit = new SendNotification(Clock.systemUTC(), new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(warned, true, StandardCharsets.UTF_8), environment::get).run(args);
        return new ToolRun(exit, printed.toString(StandardCharsets.UTF_8).lines().toList(),
                warned.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
