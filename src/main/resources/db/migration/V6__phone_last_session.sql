-- sms:safe schema, version 6: the phone's lock row names the phone's last session (issue 15, flat at scale).
-- Every message already takes this row; reading the phone's unclosed session through it is a read by primary key
-- in a table of the phones, instead of a walk of the phone's index over every session ever stored. A phone opens a
-- session only when it has none unclosed, so its unclosed session, if any, is always the last one it opened that
-- did not close at once. Closing does not clear the column (the read checks closed_at: one write fewer per
-- payment). Test messages have sessions of their own, so they have a column of their own. Sessions are never
-- deleted, so the column never names a row that is gone.
ALTER TABLE smssafe_phone ADD COLUMN last_session_id BIGINT NULL;
ALTER TABLE smssafe_phone ADD COLUMN last_test_session_id BIGINT NULL;

UPDATE smssafe_phone SET last_session_id = (SELECT MAX(s.id) FROM smssafe_session s
    WHERE s.safe_id = smssafe_phone.safe_id AND s.dialect = smssafe_phone.dialect
    AND s.msisdn = smssafe_phone.msisdn AND s.test = FALSE AND s.closed_at IS NULL);
UPDATE smssafe_phone SET last_test_session_id = (SELECT MAX(s.id) FROM smssafe_session s
    WHERE s.safe_id = smssafe_phone.safe_id AND s.dialect = smssafe_phone.dialect
    AND s.msisdn = smssafe_phone.msisdn AND s.test = TRUE AND s.closed_at IS NULL);
