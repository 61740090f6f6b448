-- sms:safe schema, version 3: several gateways ("dialects", PROTOCOL.md §8) on the same sessions.
-- A message id is unique per (safe, dialect); sessions and phone locks are per dialect too, so that a masked
-- sender id of one gateway never meets another gateway's. Sender ids may be up to 64 characters (masked ids) or
-- blank; a blank sender's message that cannot close a session at once is kept without one ("unattributed").
-- Test messages are flagged and never share a session with real ones. A reversed message (the gateway's later
-- "not billed" report) is marked, and so is the closed session it had paid into.

ALTER TABLE smssafe_phone ADD COLUMN dialect VARCHAR(16) DEFAULT 'smssafe' NOT NULL;
ALTER TABLE smssafe_phone ${modify_column} msisdn VARCHAR(64) NOT NULL;
ALTER TABLE smssafe_phone DROP PRIMARY KEY;
ALTER TABLE smssafe_phone ADD PRIMARY KEY (safe_id, dialect, msisdn);

ALTER TABLE smssafe_session ADD COLUMN dialect VARCHAR(16) DEFAULT 'smssafe' NOT NULL;
ALTER TABLE smssafe_session ADD COLUMN test BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE smssafe_session ADD COLUMN reversed_at BIGINT NULL;
ALTER TABLE smssafe_session ADD COLUMN reversed_total DECIMAL(12, 2) DEFAULT 0 NOT NULL;
ALTER TABLE smssafe_session ${modify_column} msisdn VARCHAR(64) NOT NULL;
DROP INDEX ix_session_phone ON smssafe_session;
CREATE INDEX ix_session_phone ON smssafe_session (safe_id, dialect, msisdn, closed_at);

ALTER TABLE smssafe_message ADD COLUMN dialect VARCHAR(16) DEFAULT 'smssafe' NOT NULL;
ALTER TABLE smssafe_message ADD COLUMN test BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE smssafe_message ADD COLUMN reversed_at BIGINT NULL;
ALTER TABLE smssafe_message ${modify_column} msisdn VARCHAR(64) NOT NULL;
ALTER TABLE smssafe_message ${modify_column} session_id BIGINT NULL;
ALTER TABLE smssafe_message ${modify_column} outcome VARCHAR(16) NOT NULL;
ALTER TABLE smssafe_message DROP CONSTRAINT uq_message_id;
ALTER TABLE smssafe_message ADD CONSTRAINT uq_message_id UNIQUE (safe_id, dialect, message_id);
CREATE INDEX ix_message_unattributed ON smssafe_message (safe_id, session_id, received_at);

-- A gateway's report about a message we never stored (PROTOCOL.md §8.1): kept for the site owner to look into.
CREATE TABLE smssafe_unmatched_report (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    safe_id BIGINT NOT NULL,
    dialect VARCHAR(16) NOT NULL,
    message_id VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    received_at BIGINT NOT NULL,
    reports INT NOT NULL,
    CONSTRAINT uq_unmatched_report UNIQUE (safe_id, dialect, message_id, status)
) ${table_options};
