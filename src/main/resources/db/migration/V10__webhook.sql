-- sms:safe schema, version 10: the webhook (docs/protocol.md §10) is a second target of the payment action. A completed
-- payment owes one run per configured target, in the same transaction: ACTION (the site's Java PaymentAction, or
-- the logging one) and WEBHOOK (the POST to webhook.url). Each target has its own runner, claims only its own runs
-- and retries them on its own, so the unique key names the target: one run per payment and target. Every run
-- before this version was the Java action's.
-- failed_at: when a WEBHOOK run was given up after at least 3 days of failed deliveries; it is not due any more
-- until the admin sends it again (which clears it). An ACTION run is never given up.
ALTER TABLE smssafe_action_run ADD COLUMN target VARCHAR(8) DEFAULT 'ACTION' NOT NULL;
ALTER TABLE smssafe_action_run ADD COLUMN failed_at BIGINT NULL;
ALTER TABLE smssafe_action_run DROP CONSTRAINT uq_action_run;
ALTER TABLE smssafe_action_run ADD CONSTRAINT uq_action_run UNIQUE (safe_id, kind, reference, target);
-- each runner looks for its own due runs: not succeeded, not given up, next attempt due
DROP INDEX ix_action_run_due ON smssafe_action_run;
CREATE INDEX ix_action_run_due ON smssafe_action_run (succeeded_at, failed_at, target, next_attempt_at);
-- the admin's given-up webhooks, latest first (MariaDB reads the index backwards; H2 sorts the given-up ones), and
-- their count; written once when a run is given up and once when it is sent again
CREATE INDEX ix_action_run_failed ON smssafe_action_run (safe_id, target, failed_at);
