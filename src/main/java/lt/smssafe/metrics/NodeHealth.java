package lt.smssafe.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SchemaMigrations;

/**
 * Whether this node can take payments, for a load balancer's {@code /health}: the database answers, and its schema
 * has every migration this WAR needs. Cheap enough to ask every second: the database is asked for a valid
 * connection, and the schema's state (a look at the migrations' history) is remembered for {@link #SCHEMA_RECHECK}.
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
    public record Verdict(boolean databaseUp, boolean schemaCurrent) {
        /** Up: take payments here. */
        public boolean up() {
            return databaseUp && schemaCurrent;
        }
    }

    /** This node's state now. */
    public Verdict check() {
        if (!database.answers()) {
            return new Verdict(false, false);
        }
        Instant now = clock.instant();
        if (!schemaCurrent || schemaCheckedAt.plus(SCHEMA_RECHECK).isBefore(now)) {
            try {
                schemaCurrent = !migrations.hasPending();
                schemaCheckedAt = now;
            } catch (RuntimeException e) {
                return new Verdict(false, false);
            }
        }
        return new Verdict(true, schemaCurrent);
    }
}
