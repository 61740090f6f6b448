-- sms:safe schema, version 1: payment sessions, their messages, and payment-action runs.
-- Written once for H2 and MariaDB/MySQL. ${table_options} is empty on H2 and sets InnoDB with utf8mb4_bin on
-- MariaDB/MySQL: binary collation keeps message ids and codes case-sensitive, and 4-byte UTF-8 keeps any content.
-- Instants are UTC epoch milliseconds in BIGINT columns: the same on every database and JVM time zone.
-- Every row carries safe_id: several safes may share one database without seeing each other's rows.
-- content columns hold 160 characters; VARCHAR(320) leaves room for H2, which counts UTF-16 units, not code points.

-- One row per phone and safe, locked FOR UPDATE while a message from that phone is processed, so that
-- messages arriving at once, on one node or several, are counted one after another.
CREATE TABLE smssafe_phone (
    safe_id BIGINT NOT NULL,
    msisdn VARCHAR(20) NOT NULL,
    PRIMARY KEY (safe_id, msisdn)
) ${table_options};

CREATE TABLE smssafe_session (
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
    version INT NOT NULL,
    CONSTRAINT uq_session_code UNIQUE (safe_id, code)
) ${table_options};

CREATE INDEX ix_session_phone ON smssafe_session (safe_id, msisdn, closed_at);
CREATE INDEX ix_session_activity ON smssafe_session (safe_id, closed_at, last_message_at);

-- Every message the provider delivered, counted or rejected, with the reply we gave: a retry of the same
-- message_id is answered from here.
CREATE TABLE smssafe_message (
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
    outcome VARCHAR(8) NOT NULL,
    reply VARCHAR(400) NOT NULL,
    CONSTRAINT uq_message_id UNIQUE (safe_id, message_id),
    CONSTRAINT fk_message_session FOREIGN KEY (session_id) REFERENCES smssafe_session (id)
) ${table_options};

-- The site owner's payment action, one row per payment: retried until it succeeds.
CREATE TABLE smssafe_action_run (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    safe_id BIGINT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    reference VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    attempts INT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    locked_until BIGINT NULL,
    last_attempt_at BIGINT NULL,
    last_error VARCHAR(1000) NULL,
    succeeded_at BIGINT NULL,
    CONSTRAINT uq_action_run UNIQUE (safe_id, kind, reference)
) ${table_options};

CREATE INDEX ix_action_run_due ON smssafe_action_run (succeeded_at, next_attempt_at);
