-- Contracts as agreements are written: a waiver of late fees, what a service costs after its own
-- term, and a service schedule (each service's own term and rates). Rates carry their role: the
-- agreement's, a list price the post-term rule names, or a schedule entry's.
ALTER TABLE bl_contract ADD COLUMN late_fees_waived BOOLEAN DEFAULT FALSE;
ALTER TABLE bl_contract ADD COLUMN post_term VARCHAR DEFAULT 'MONTH_TO_MONTH';
ALTER TABLE bl_contract ADD COLUMN post_term_uplift DECIMAL(18, 6);
ALTER TABLE bl_contract_rate ADD COLUMN rate_role VARCHAR DEFAULT 'AGREEMENT';
ALTER TABLE bl_contract_rate ADD COLUMN schedule_seq INTEGER;

CREATE TABLE bl_contract_service (
    tenant       VARCHAR NOT NULL,
    carrier      VARCHAR NOT NULL,
    contract_id  VARCHAR NOT NULL,
    version      INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    service_id   VARCHAR,
    service_type VARCHAR,
    site         VARCHAR,
    term_start   DATE    NOT NULL,
    term_end     DATE    NOT NULL,
    PRIMARY KEY (tenant, carrier, contract_id, version, seq)
);

-- the inventory as enterprises keep it: each service's expected charge codes (';'-separated),
-- monthly cost, install date, term and disconnect date
ALTER TABLE bl_expected_service ADD COLUMN features VARCHAR;
ALTER TABLE bl_expected_service ADD COLUMN expected_monthly DECIMAL(18, 6);
ALTER TABLE bl_expected_service ADD COLUMN expected_currency VARCHAR;
ALTER TABLE bl_expected_service ADD COLUMN installed DATE;
ALTER TABLE bl_expected_service ADD COLUMN term_months INTEGER;
ALTER TABLE bl_expected_service ADD COLUMN disconnected DATE;

-- an order that adds or removes a feature names its charge code
ALTER TABLE bl_service_order ADD COLUMN feature VARCHAR;
