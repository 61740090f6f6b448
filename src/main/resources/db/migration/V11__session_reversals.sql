-- sms:safe schema, version 11: the reversed sessions are listed from a table of their own, so that the session row,
-- which every paid message updates, carries one index fewer (issue 23). The embedded H2 carries out an UPDATE by
-- taking the row out of every index of its table and putting it back (whether or not the index's columns changed),
-- so each secondary index of smssafe_session cost every message two B-tree changes, in trees that grow with the
-- history; ix_session_reversed (version 8) was one of them, for what a few sessions in a thousand ever need. A row
-- here is written once, by the first reversal of a closed session's message (smssafe_session.reversed_at stays:
-- it is what the pages show and the "closed" filter reads).
CREATE TABLE smssafe_reversal (
    session_id BIGINT NOT NULL PRIMARY KEY,
    safe_id BIGINT NOT NULL,
    reversed_at BIGINT NOT NULL,
    CONSTRAINT fk_reversal_session FOREIGN KEY (session_id) REFERENCES smssafe_session (id)
) ${table_options};
CREATE INDEX ix_reversal_latest ON smssafe_reversal (safe_id, reversed_at, session_id);
INSERT INTO smssafe_reversal (session_id, safe_id, reversed_at)
    SELECT id, safe_id, reversed_at FROM smssafe_session WHERE reversed_at IS NOT NULL;
DROP INDEX ix_session_reversed ON smssafe_session;
