-- sms:safe schema, version 5: no index that every paid message must update without needing it (issue 15).
-- Each secondary index costs every message an index write; on the embedded H2 each of these two cost a message
-- about a tenth of its database time.
-- * Unattributed messages (session_id IS NULL) are found through the foreign key's own index on session_id.
-- * Open sessions are found by (safe_id, closed_at); an index that also held last_message_at was rewritten by every
--   counted message, and only saved sorting the unclosed sessions for the admin's list.
DROP INDEX ix_message_unattributed ON smssafe_message;
DROP INDEX ix_session_activity ON smssafe_session;
CREATE INDEX ix_session_state ON smssafe_session (safe_id, closed_at);
