package lt.smssafe.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real three-node MariaDB Galera cluster on loopback, from Debian's {@code mariadb-server} and {@code galera-4}
 * (the recipe of NOTES.md, "A real MariaDB Galera cluster on loopback"): node 1 bootstraps the cluster, nodes 2 and
 * 3 join it by an rsync state transfer. Started and stopped by the test; each node can be killed with
 * {@code kill -9}. Fails, saying what to install, when the packages are missing.
 */
public final class GaleraCluster implements AutoCloseable {
    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final Path GALERA = Path.of("/usr/lib/galera/libgalera_smm.so");
    private static final int SQL_PORT = 23310;
    private static final int GALERA_PORT = 24566;

    private final Path base;
    private final List<Process> nodes = new ArrayList<>();

    private GaleraCluster(Path base) {
        this.base = base;
    }

    /** Starts three synced nodes under {@code base} (emptied first). */
    public static GaleraCluster start(Path base) throws IOException, InterruptedException {
        for (Path needed : List.of(MARIADBD, INSTALL_DB, GALERA, Path.of("/usr/bin/rsync"))) {
            if (!Files.isExecutable(needed) && !Files.exists(needed)) {
                throw new IllegalStateException(needed + " is missing: the Galera test needs Debian's mariadb-server,"
                        + " galera-4 and rsync (apt-get install mariadb-server galera-4 rsync; .ci/run does this)");
            }
        }
        Folders.deleteTree(base);
        Files.createDirectories(base);
        GaleraCluster cluster = new GaleraCluster(base.toAbsolutePath());
        try {
            cluster.bootstrap();
            cluster.join(2);
            cluster.join(3);
            cluster.awaitSize(3, Duration.ofSeconds(60));
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The JDBC URL of a database on node {@code i} (1–3), reading its own and others' writes. */
    public String url(int node, String database) {
        // wsrep_sync_wait=1: a read waits until this node has applied what the cluster committed before it
        return "jdbc:mariadb://127.0.0.1:" + (SQL_PORT + node) + "/" + database
                + "?sessionVariables=wsrep_sync_wait=1";
    }

    /** Creates the database (on node 1; Galera replicates it). */
    public void createDatabase(String database) throws SQLException {
        execute(1, "CREATE DATABASE IF NOT EXISTS " + database + " CHARACTER SET utf8mb4");
    }

    /** Runs one statement on a node, as root. */
    public void execute(int node, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(node, ""), "root", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** {@code kill -9} of a node's server. */
    public void kill(int node) {
        nodes.get(node - 1).destroyForcibly();
    }

    /** How many nodes the cluster has, as node {@code i} sees it. */
    public int size(int node) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(node, ""), "root", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW STATUS LIKE 'wsrep_cluster_size'")) {
            return r.next() ? r.getInt(2) : 0;
        }
    }

    /** Waits until the surviving nodes see a cluster of {@code size}, primary and synced. */
    public void awaitSize(int size, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (size(1) == size && synced(1)) {
                    return;
                }
            } catch (SQLException e) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the Galera cluster did not reach " + size + " synced nodes within "
                + timeout + "; see the logs in " + base);
    }

    private boolean synced(int node) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(node, ""), "root", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW STATUS LIKE 'wsrep_local_state_comment'")) {
            return r.next() && "Synced".equals(r.getString(2));
        }
    }

    private void bootstrap() throws IOException, InterruptedException {
        Path data = prepare(1);
        Process install = new ProcessBuilder(INSTALL_DB.toString(), "--no-defaults", "--user=root",
                "--auth-root-authentication-method=normal", "--datadir=" + data, "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(base.resolve("install-db.log").toFile()).start();
        if (!install.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || install.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed; see " + base.resolve("install-db.log"));
        }
        nodes.add(server(1, true));
        awaitSql(1, Duration.ofSeconds(60));
    }

    private void join(int node) throws IOException, InterruptedException {
        Path data = prepare(node);
        // the rsync daemon of a state transfer run as root drops to nobody: it must be able to write here
        run("chown", "-R", "nobody:nogroup", data.toString());
        nodes.add(server(node, false));
        awaitSql(node, Duration.ofSeconds(90));
    }

    private Path prepare(int node) throws IOException, InterruptedException {
        Path dir = base.resolve("node" + node);
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.createDirectories(dir.resolve("tmp"));
        int g = GALERA_PORT + node;
        String cluster = IntStream.rangeClosed(1, 3).mapToObj(i -> "127.0.0.1:" + (GALERA_PORT + i))
                .collect(Collectors.joining(","));
        Files.writeString(dir.resolve("my.cnf"), """
                [mysqld]
                user=root
                datadir=%1$s
                tmpdir=%2$s
                socket=%3$s
                pid-file=%4$s
                port=%5$d
                bind-address=127.0.0.1
                log-error=%6$s
                innodb_buffer_pool_size=128M
                binlog_format=ROW
                default_storage_engine=InnoDB
                innodb_autoinc_lock_mode=2
                max_connections=300
                wsrep_on=ON
                wsrep_provider=%7$s
                wsrep_cluster_name=smssafe_test
                wsrep_cluster_address=gcomm://%8$s
                wsrep_node_address=127.0.0.1:%9$d
                wsrep_node_name=node%10$d
                wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:%9$d;ist.recv_addr=127.0.0.1:%11$d;gcache.size=64M"
                wsrep_sst_receive_address=127.0.0.1:%12$d
                wsrep_sst_method=rsync
                """.formatted(data, dir.resolve("tmp"), dir.resolve("mysqld.sock"), dir.resolve("mysqld.pid"),
                SQL_PORT + node, dir.resolve("error.log"), GALERA, cluster, g, node, g + 10, g + 20));
        // every parent folder must be enterable by nobody, who runs the joiner's rsync
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p) && !p.equals(Path.of("/"))) {
                run("chmod", "o+rx", p.toString());
            }
        }
        return data;
    }

    private Process server(int node, boolean newCluster) throws IOException {
        Path dir = base.resolve("node" + node);
        List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--defaults-file=" + dir.resolve("my.cnf")));
        if (newCluster) {
            command.add("--wsrep-new-cluster");
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile()).start();
    }

    private void awaitSql(int node, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!nodes.get(node - 1).isAlive()) {
                throw new IllegalStateException("Galera node " + node + " stopped; see "
                        + base.resolve("node" + node).resolve("error.log"));
            }
            try {
                if (synced(node)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Galera node " + node + " did not become synced within " + timeout + ": "
                + last + "; see " + base.resolve("node" + node).resolve("error.log"));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    /** Stops every node still running. */
    @Override
    public void close() {
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            try {
                if (!node.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                node.destroyForcibly();
            }
        }
    }

    /** Where the nodes keep their files and logs. */
    public Path base() {
        return base;
    }

}
