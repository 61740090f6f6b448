package lt.smssafe.bench.baseline;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The baseline's tables, created if absent, on H2 and MariaDB: what a minimal implementation stores. Shaped like
 * the application's (the same column types, a unique message id, a foreign key from message to session, an index to
 * find a phone's unclosed session) without what the contract does not need (dialects, test flags, reversals).
 */
public final class BaselineSchema {
    private BaselineSchema() {
    }

    /** Whether the connection is to MariaDB (or MySQL) rather than H2. */
    public static boolean isMariaDb(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mariadb") || product.contains("mysql");
    }

    /** Creates the tables that do not exist yet. */
    public static void create(Connection connection) throws SQLException {
        String options = isMariaDb(connection) ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin" : "";
        List<String> ddl = List.of("""
                CREATE TABLE IF NOT EXISTS baseline_phone (
                    safe_id BIGINT NOT NULL,
                    msisdn VARCHAR(20) NOT NULL,
                    writes BIGINT NOT NULL,
                    PRIMARY KEY (safe_id, msisdn))""" + options, """
                CREATE TABLE IF NOT EXISTS baseline_session (
                    id BIGINT AUTO_INCREMENT PRIMARY KEY,
                    safe_id BIGINT NOT NULL,
                    code CHAR(8) NOT NULL,
                    msisdn VARCHAR(20) NOT NULL,
                    country CHAR(2) NOT NULL,
                    provider VARCHAR(32) NOT NULL,
                    content VARCHAR(320) NOT NULL,
                    required_messages INT NOT NULL,
                    received_messages INT NOT NULL,
                    total DECIMAL(12, 2) NOT NULL,
                    currency CHAR(3) NOT NULL,
                    opened_at BIGINT NOT NULL,
                    last_message_at BIGINT NOT NULL,
                    wait_until BIGINT NULL,
                    closed_at BIGINT NULL,
                    CONSTRAINT uq_baseline_session_code UNIQUE (safe_id, code))""" + options,
                "CREATE INDEX IF NOT EXISTS ix_baseline_session_phone ON baseline_session (safe_id, msisdn, closed_at)",
                """
                CREATE TABLE IF NOT EXISTS baseline_message (
                    id BIGINT AUTO_INCREMENT PRIMARY KEY,
                    safe_id BIGINT NOT NULL,
                    message_id VARCHAR(64) NOT NULL,
                    session_id BIGINT NOT NULL,
                    msisdn VARCHAR(20) NOT NULL,
                    country CHAR(2) NOT NULL,
                    provider VARCHAR(32) NOT NULL,
                    shortcode VARCHAR(10) NOT NULL,
                    content VARCHAR(320) NOT NULL,
                    cost_local DECIMAL(12, 2) NOT NULL,
                    currency CHAR(3) NOT NULL,
                    provider_time BIGINT NOT NULL,
                    received_at BIGINT NOT NULL,
                    outcome VARCHAR(16) NOT NULL,
                    reply VARCHAR(400) NOT NULL,
                    CONSTRAINT uq_baseline_message_id UNIQUE (safe_id, message_id),
                    CONSTRAINT fk_baseline_message_session FOREIGN KEY (session_id) REFERENCES baseline_session (id))"""
                        + options, """
                CREATE TABLE IF NOT EXISTS baseline_action (
                    id BIGINT AUTO_INCREMENT PRIMARY KEY,
                    safe_id BIGINT NOT NULL,
                    reference VARCHAR(64) NOT NULL,
                    created_at BIGINT NOT NULL,
                    attempts INT NOT NULL,
                    next_attempt_at BIGINT NOT NULL,
                    succeeded_at BIGINT NULL,
                    CONSTRAINT uq_baseline_action UNIQUE (safe_id, reference))""" + options,
                "CREATE INDEX IF NOT EXISTS ix_baseline_action_due ON baseline_action (succeeded_at, next_attempt_at)");
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
    }
}
