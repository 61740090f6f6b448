package lt.smssafe.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SchemaMigrations;

/**
 * Whether this node can take payments, for a load balancer's {@code /health}: the database answers and takes
 * queries (on a Galera node: {@code wsrep_ready}, else a node cut off from the cluster's Primary component would be
 * called up while it refuses every payment), and its schema has every migration this WAR needs. Cheap enough to ask
 * every second: the database is asked for a valid connection (and, on MariaDB, two {@code SHOW}s), and the schema's
 * state (a look at the migrations' history) is remembered for {@link #SCHEMA_RECHECK}.
 */
public final class NodeHealth {
    /** How long a look at the schema's migrations is trusted; another node may migrate it meanwhile. */
    static final Duration SCHEMA_RECHECK = Duration.ofSeconds(30);

    private final Database database;
    private final SchemaMigrations migrations;
    private final Clock clock;
    private volatile Instant schemaCheckedAt = Instant.MIN;
    private volatile boolean schemaCurrent;

    public NodeHealth(Database database, SchemaMigrations migrations, Clock clock) {
        this.database = database;
        this.migrations = migrations;
        this.clock = clock;
    }

    /** What a load balancer is told. */
    public record Verdict(Database.Readiness database, boolean schemaCurrent) {
        /** Up: take payments here. */
        public boolean up() {
            return databaseUp() && schemaCurrent;
        }

        /** The database answers and takes queries. */
        public boolean databaseUp() {
            return database == Database.Readiness.UP;
        }
    }

    /** This node's state now. */
    public Verdict check() {
        Database.Readiness readiness = database.readiness();
        if (readiness != Database.Readiness.UP) {
            return new Verdict(readiness, false);
        }
        Instant now = clock.instant();
        if (!schemaCurrent || schemaCheckedAt.plus(SCHEMA_RECHECK).isBefore(now)) {
            try {
                schemaCurrent = !migrations.hasPending();
                schemaCheckedAt = now;
            } catch (RuntimeException e) {
                return new Verdict(Database.Readiness.DOWN, false);
            }
        }
        return new Verdict(Database.Readiness.UP, schemaCurrent);
    }
}
