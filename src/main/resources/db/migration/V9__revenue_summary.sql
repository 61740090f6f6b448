-- sms:safe schema, version 9: the dashboard's figures kept by the write path (issue 23). The dashboard showed paid
-- sessions and revenue per day by reading every closed session of the last 30 days (half a million rows at a million
-- sessions). Now the message that closes a session adds 1 and its total to the row of the day it closed on (in the pages' time
-- zone), country, operator and currency, and a reversal of one of its messages takes the amount off that row again:
-- the dashboard reads a few rows per day. Test sessions are not counted. slot (the session's id mod 8) spreads a
-- busy day's row over eight, so that sessions closing at once, on one node or on several (Galera), seldom write the
-- same row; the dashboard sums the slots.
CREATE TABLE smssafe_revenue_day (
    safe_id BIGINT NOT NULL,
    closed_on DATE NOT NULL,
    country CHAR(2) NOT NULL,
    provider VARCHAR(32) NOT NULL,
    currency CHAR(3) NOT NULL,
    slot SMALLINT NOT NULL,
    payments BIGINT NOT NULL,
    revenue DECIMAL(14, 2) NOT NULL,
    PRIMARY KEY (safe_id, closed_on, country, provider, currency, slot)
) ${table_options};

-- Which time zone the days above are in, and when they were last counted from the sessions. A safe without a row
-- (every database migrated from an earlier version, which holds sessions but no summary) or with another zone than
-- the configured one is counted again from its sessions when the application starts.
CREATE TABLE smssafe_summary (
    safe_id BIGINT NOT NULL PRIMARY KEY,
    time_zone VARCHAR(64) NULL,
    built_at BIGINT NULL
) ${table_options};
