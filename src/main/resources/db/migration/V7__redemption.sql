-- sms:safe schema, version 7: a paid code is spent once (PROTOCOL.md §9). One row per redeemed session, written only
-- by the redemption, so the session tables keep their writers. The unique key on session_id is what decides: of any
-- number of concurrent redemptions of one session, on one node or on several sharing the database (Galera certifies
-- unique keys across nodes), exactly one insert commits; every other one fails on the key (or its certification) and,
-- run again, reads this row. A session is never deleted, so the foreign key only guards against a defect.
-- reference holds 128 characters; VARCHAR(256) leaves room for H2, which counts UTF-16 units, not code points.
CREATE TABLE smssafe_redemption (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    safe_id BIGINT NOT NULL,
    session_id BIGINT NOT NULL,
    reference VARCHAR(256) NOT NULL,
    redeemed_at BIGINT NOT NULL,
    CONSTRAINT uq_redemption_session UNIQUE (session_id),
    CONSTRAINT fk_redemption_session FOREIGN KEY (session_id) REFERENCES smssafe_session (id)
) ${table_options};
