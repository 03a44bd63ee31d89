-- Audit runs and their findings; a finding's evidence is a copy of the lines it cites, so a
-- finding stays readable when the invoices it cites are superseded later.
CREATE SEQUENCE bl_audit_run_seq START 1;
CREATE SEQUENCE bl_finding_seq START 1;

CREATE TABLE bl_audit_run (
    tenant        VARCHAR   NOT NULL,
    run_id        BIGINT    NOT NULL,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP NOT NULL,
    detectors     VARCHAR   NOT NULL,
    finding_count BIGINT    NOT NULL,
    PRIMARY KEY (tenant, run_id)
);

CREATE TABLE bl_finding (
    tenant         VARCHAR        NOT NULL,
    finding_id     BIGINT         NOT NULL,
    run_id         BIGINT         NOT NULL,
    seq            BIGINT         NOT NULL,
    detector_id    VARCHAR        NOT NULL,
    kind           VARCHAR        NOT NULL,
    severity       VARCHAR        NOT NULL,
    carrier        VARCHAR        NOT NULL,
    service_id     VARCHAR,
    monthly_impact DECIMAL(18, 6) NOT NULL,
    annual_impact  DECIMAL(18, 6) NOT NULL,
    currency       VARCHAR        NOT NULL,
    explanation    VARCHAR        NOT NULL,
    action         VARCHAR        NOT NULL,
    PRIMARY KEY (tenant, finding_id)
);

CREATE TABLE bl_finding_line (
    tenant           VARCHAR        NOT NULL,
    finding_id       BIGINT         NOT NULL,
    line_no          BIGINT         NOT NULL,
    carrier          VARCHAR        NOT NULL,
    account          VARCHAR        NOT NULL,
    sub_account      VARCHAR,
    invoice_number   VARCHAR        NOT NULL,
    invoice_date     DATE           NOT NULL,
    period_start     DATE,
    period_end       DATE,
    service_id       VARCHAR,
    site             VARCHAR,
    service_type     VARCHAR        NOT NULL,
    category         VARCHAR        NOT NULL,
    charge_code      VARCHAR,
    description      VARCHAR,
    quantity         DECIMAL(18, 6),
    unit             VARCHAR,
    unit_price       DECIMAL(18, 6),
    amount           DECIMAL(18, 6) NOT NULL,
    currency         VARCHAR        NOT NULL,
    charge_start     DATE,
    charge_end       DATE,
    bandwidth_mbps   DECIMAL(18, 6),
    usage_quantity   DECIMAL(18, 6),
    usage_unit       VARCHAR,
    tax_type         VARCHAR,
    tax_jurisdiction VARCHAR,
    source_file      VARCHAR        NOT NULL,
    source_record    BIGINT         NOT NULL,
    source_line      BIGINT         NOT NULL,
    PRIMARY KEY (tenant, finding_id, line_no)
);
