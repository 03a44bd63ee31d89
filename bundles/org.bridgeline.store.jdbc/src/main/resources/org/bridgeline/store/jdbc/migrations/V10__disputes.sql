-- Disputes: findings of one carrier account claimed back from the carrier, every change of state
-- with who made it, and the credit lines of later bills set against them.
CREATE SEQUENCE bl_dispute_seq START 1;

CREATE TABLE bl_dispute (
    tenant       VARCHAR        NOT NULL,
    dispute_id   BIGINT         NOT NULL,
    carrier      VARCHAR        NOT NULL,
    account      VARCHAR        NOT NULL,
    state        VARCHAR        NOT NULL,
    claimed      DECIMAL(18, 6) NOT NULL,
    currency     VARCHAR        NOT NULL,
    opened_at    TIMESTAMP      NOT NULL,
    submitted_at TIMESTAMP,
    PRIMARY KEY (tenant, dispute_id)
);

CREATE TABLE bl_dispute_finding (
    tenant      VARCHAR        NOT NULL,
    dispute_id  BIGINT         NOT NULL,
    finding_id  BIGINT         NOT NULL,
    kind        VARCHAR        NOT NULL,
    service_id  VARCHAR,
    charge_code VARCHAR,
    anomaly_key VARCHAR        NOT NULL,
    claimed     DECIMAL(18, 6) NOT NULL,
    currency    VARCHAR        NOT NULL,
    explanation VARCHAR        NOT NULL,
    resolved_on DATE,
    PRIMARY KEY (tenant, dispute_id, finding_id)
);

CREATE TABLE bl_dispute_event (
    tenant     VARCHAR   NOT NULL,
    dispute_id BIGINT    NOT NULL,
    seq        INTEGER   NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    actor      VARCHAR   NOT NULL,
    from_state VARCHAR,
    to_state   VARCHAR   NOT NULL,
    note       VARCHAR,
    PRIMARY KEY (tenant, dispute_id, seq)
);

CREATE TABLE bl_dispute_credit (
    tenant         VARCHAR        NOT NULL,
    dispute_id     BIGINT         NOT NULL,
    seq            INTEGER        NOT NULL,
    line_key       VARCHAR        NOT NULL,
    invoice_number VARCHAR        NOT NULL,
    invoice_date   DATE           NOT NULL,
    service_id     VARCHAR,
    charge_code    VARCHAR,
    description    VARCHAR,
    line_amount    DECIMAL(18, 6) NOT NULL,
    applied        DECIMAL(18, 6) NOT NULL,
    currency       VARCHAR        NOT NULL,
    source_file    VARCHAR        NOT NULL,
    source_record  BIGINT         NOT NULL,
    status         VARCHAR        NOT NULL,
    reason         VARCHAR,
    PRIMARY KEY (tenant, dispute_id, seq)
);
