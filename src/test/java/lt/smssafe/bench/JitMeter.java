package lt.smssafe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long a JVM's JIT compilers have worked so far, from the JDK's {@code jstat -compiler}. On two cores the
 * compilers take minutes of CPU before the WAR and H2 run at full speed; a round measured while they still work
 * measures the JIT, so the warm-up goes on until a round finds them (nearly) idle.
 */
final class JitMeter {
    private static final Path JSTAT = Path.of(System.getProperty("java.home"), "bin", "jstat");

    private JitMeter() {
    }

    /** Seconds of compilation since the JVM started, or NaN when they cannot be read. */
    static double compileSeconds(long pid) {
        if (pid <= 0 || !Files.isExecutable(JSTAT)) {
            return Double.NaN;
        }
        try {
            Process jstat = new ProcessBuilder(JSTAT.toString(), "-compiler", String.valueOf(pid))
                    .redirectErrorStream(true).start();
            byte[] output = jstat.getInputStream().readAllBytes();
            if (!jstat.waitFor(10, TimeUnit.SECONDS) || jstat.exitValue() != 0) {
                return Double.NaN;
            }
            // Compiled Failed Invalid   Time   FailedType FailedMethod
            List<String> lines = new String(output, StandardCharsets.UTF_8).lines().toList();
            return Double.parseDouble(lines.get(1).trim().split("\\s+")[3]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}
