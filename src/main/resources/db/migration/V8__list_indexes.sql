-- sms:safe schema, version 8: the admin's lists read what they show, not the history (issue 23).
-- * ix_session_state gains last_message_at and id: the one index a counted message rewrites (last_message_at moves
--   with every message of an open session). It serves the open sessions newest activity first (closed_at IS NULL)
--   and the closed ones newest first (closed_at is last_message_at once closed), each read in index order from a
--   keyset position, a page at a time; the message store still finds its session by primary keys (V6).
-- * ix_session_phone led with the gateway, so that "the phone starts with" could not use it, and no statement of the
--   write path reads it since V6 (the phone's lock row names its session). Now (safe_id, msisdn, id DESC): a phone's
--   sessions, newest first; written once per session (a session's phone never changes).
-- * ix_session_reversed: the reversed sessions, latest reversal first; written when a session opens and at a reversal.
-- * ix_mbs_reported: the MBS transactions newest report first. MBS reports are not the SMS path.
DROP INDEX ix_session_state ON smssafe_session;
CREATE INDEX ix_session_state ON smssafe_session (safe_id, closed_at, last_message_at, id);
DROP INDEX ix_session_phone ON smssafe_session;
CREATE INDEX ix_session_phone ON smssafe_session (safe_id, msisdn, id DESC);
CREATE INDEX ix_session_reversed ON smssafe_session (safe_id, reversed_at, id);
CREATE INDEX ix_mbs_reported ON smssafe_mbs_transaction (safe_id, last_reported_at);
-- * ix_unmatched_latest: /select's reports about unknown messages, latest first; written once per such report.
CREATE INDEX ix_unmatched_latest ON smssafe_unmatched_report (safe_id, id);
