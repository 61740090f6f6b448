package lt.smssafe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * CPU time from Linux's {@code /proc}: the whole machine's busy time, and one process's, so that a round can say how
 * many cores Tomcat and the database used and how many everything else on the machine did.
 */
final class CpuMeter {
    /** Linux's USER_HZ: the unit of {@code /proc}'s CPU times. */
    private static final double TICKS_PER_SECOND = 100;

    private CpuMeter() {
    }

    /**
     * A reading: machine busy and idle ticks, the processes' ticks (-1 when unknown), and the ticks of this JVM's
     * ended children (wrk, once it has been waited for).
     */
    record Reading(long nanos, long busy, long idle, long[] processes, long children) {
        /**
         * Cores busy between an earlier reading and this one: the machine's, each process's, the children's that
         * ended in between, and what is left for everything else on the machine.
         */
        double[] coresSince(Reading earlier) {
            double seconds = (nanos - earlier.nanos) / 1e9;
            double[] cores = new double[processes.length + 3];
            cores[0] = (busy - earlier.busy) / TICKS_PER_SECOND / seconds;
            double ours = 0;
            for (int i = 0; i < processes.length; i++) {
                cores[i + 1] = processes[i] < 0 || earlier.processes[i] < 0 ? Double.NaN
                        : (processes[i] - earlier.processes[i]) / TICKS_PER_SECOND / seconds;
                ours += Double.isNaN(cores[i + 1]) ? 0 : cores[i + 1];
            }
            cores[processes.length + 1] = (children - earlier.children) / TICKS_PER_SECOND / seconds;
            cores[processes.length + 2] = Math.max(0, cores[0] - ours - cores[processes.length + 1]);
            return cores;
        }
    }

    static Reading read(long... pids) {
        long busy = 0;
        long idle = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long[] t = Arrays.stream(cpu).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
            idle = t[3] + t[4];
            busy = t[0] + t[1] + t[2] + t[5] + t[6] + t[7];
        } catch (IOException | RuntimeException e) {
            // not Linux: no figures
        }
        long[] processes = Arrays.stream(pids).map(pid -> processTicks(pid, 11).orElse(-1)).toArray();
        return new Reading(System.nanoTime(), busy, idle, processes,
                processTicks(ProcessHandle.current().pid(), 13).orElse(0));
    }

    /**
     * Two CPU times of {@code /proc/<pid>/stat} added up: from field 11 utime + stime (the process's own), from 13
     * cutime + cstime (its children's that it has waited for), counted after the command name.
     */
    private static OptionalLong processTicks(long pid, int field) {
        if (pid <= 0) {
            return OptionalLong.empty();
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name may hold spaces; the fields after it are fixed
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(f[field]) + Long.parseLong(f[field + 1]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The machine's load averages, as {@code uptime} shows them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
