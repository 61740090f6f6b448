-- sms:safe schema, version 2: MBS direct carrier-billing transactions, as loaded from the platform after each
-- verified billing report. One row per (service, transaction); action_owed marks that the payment action for its
-- commit has been created, so repeated reports never owe it twice.
CREATE TABLE smssafe_mbs_transaction (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    safe_id BIGINT NOT NULL,
    service_id BIGINT NOT NULL,
    transaction_id BIGINT NOT NULL,
    ident VARCHAR(255) NULL,
    operator VARCHAR(64) NULL,
    account_id VARCHAR(64) NULL,
    account_msisdn VARCHAR(20) NULL,
    account_type VARCHAR(16) NULL,
    price_cents BIGINT NOT NULL,
    tariff_cents BIGINT NOT NULL,
    currency CHAR(3) NOT NULL,
    status VARCHAR(16) NOT NULL,
    state VARCHAR(64) NULL,
    first_reported_at BIGINT NOT NULL,
    last_reported_at BIGINT NOT NULL,
    reports INT NOT NULL,
    action_owed BOOLEAN NOT NULL,
    version INT NOT NULL,
    CONSTRAINT uq_mbs_transaction UNIQUE (service_id, transaction_id)
) ${table_options};
