-- sms:safe schema, version 12: the sessions are listed newest activity first from two tables of their own, so that
-- the session row, which every paid message updates, carries no index that grows with the history beyond its code
-- and its phone (issue 23). The embedded H2 carries out an UPDATE by taking the row out of every index of its table
-- and putting it back; ix_session_state (version 8) moved with every message in a tree of every session ever stored.
-- * smssafe_open_session: one row per unclosed session, inserted when it opens, its last_message_at updated by each
--   of its messages (the same transaction writes the session's), deleted when it closes. Its trees hold the open
--   sessions only; with the test flag, the dashboard counts them from here alone.
-- * smssafe_closed_session: one row per closed session, inserted when it closes (closed_at never changes: a
--   reversal leaves a session closed); its index grows at its newest end.
CREATE TABLE smssafe_open_session (
    session_id BIGINT NOT NULL PRIMARY KEY,
    safe_id BIGINT NOT NULL,
    test BOOLEAN NOT NULL,
    last_message_at BIGINT NOT NULL,
    CONSTRAINT fk_open_session FOREIGN KEY (session_id) REFERENCES smssafe_session (id)
) ${table_options};
CREATE INDEX ix_open_activity ON smssafe_open_session (safe_id, last_message_at, session_id);
CREATE TABLE smssafe_closed_session (
    session_id BIGINT NOT NULL PRIMARY KEY,
    safe_id BIGINT NOT NULL,
    closed_at BIGINT NOT NULL,
    CONSTRAINT fk_closed_session FOREIGN KEY (session_id) REFERENCES smssafe_session (id)
) ${table_options};
CREATE INDEX ix_closed_latest ON smssafe_closed_session (safe_id, closed_at, session_id);
INSERT INTO smssafe_open_session (session_id, safe_id, test, last_message_at)
    SELECT id, safe_id, test, last_message_at FROM smssafe_session WHERE closed_at IS NULL;
INSERT INTO smssafe_closed_session (session_id, safe_id, closed_at)
    SELECT id, safe_id, closed_at FROM smssafe_session WHERE closed_at IS NOT NULL;
DROP INDEX ix_session_state ON smssafe_session;
