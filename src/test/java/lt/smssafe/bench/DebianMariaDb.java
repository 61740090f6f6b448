package lt.smssafe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lt.smssafe.testing.Folders;

/**
 * A MariaDB server of the benchmark's own from Debian's {@code mariadb-server} (the recipe of NOTES.md): a fresh
 * data directory under {@code target/}, its own port on loopback, its own {@code my.cnf} (nothing of
 * {@code /etc/mysql} merged in), root without a password over TCP. Started and stopped by the benchmark.
 */
final class DebianMariaDb implements AutoCloseable {
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
    static DebianMariaDb start(Path dir, int port, String bufferPool) throws IOException, InterruptedException {
        for (Path needed : List.of(MARIADBD, INSTALL_DB)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: the benchmark on MariaDB needs Debian's"
                        + " mariadb-server (apt-get install -y mariadb-server)");
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
                innodb_log_file_size=512M
                max_connections=200
                userstat=1
                """.formatted(data, dir.resolve("tmp"), dir.resolve("mysqld.sock"), dir.resolve("mysqld.pid"), port,
                dir.resolve("error.log"), bufferPool));
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

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** The JDBC URL of a database on this server. */
    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** A connection as root. */
    Connection root(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "root", "");
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
