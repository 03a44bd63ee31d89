-- The book of business: imports, invoices, charge lines. Every table is keyed by tenant.
-- Portable SQL (DuckDB and PostgreSQL): standard types, sequences, no engine-specific syntax.
CREATE SEQUENCE bl_import_seq START 1;
CREATE SEQUENCE bl_invoice_seq START 1;

CREATE TABLE bl_import (
    tenant        VARCHAR   NOT NULL,
    import_id     BIGINT    NOT NULL,
    file_name     VARCHAR   NOT NULL,
    content_hash  VARCHAR   NOT NULL,
    parser_id     VARCHAR   NOT NULL,
    imported_at   TIMESTAMP NOT NULL,
    invoices      BIGINT    NOT NULL,
    line_count    BIGINT    NOT NULL,
    finished      BOOLEAN   NOT NULL,
    PRIMARY KEY (tenant, import_id)
);

CREATE TABLE bl_invoice (
    tenant         VARCHAR        NOT NULL,
    invoice_id     BIGINT         NOT NULL,
    import_id      BIGINT         NOT NULL,
    carrier        VARCHAR        NOT NULL,
    account        VARCHAR        NOT NULL,
    sub_account    VARCHAR,
    invoice_number VARCHAR        NOT NULL,
    invoice_date   DATE           NOT NULL,
    period_start   DATE,
    period_end     DATE,
    currency       VARCHAR        NOT NULL,
    stated_total   DECIMAL(18, 6),
    line_total     DECIMAL(18, 6) NOT NULL,
    line_count     BIGINT         NOT NULL,
    revision       INTEGER        NOT NULL,
    supersedes     BIGINT         NOT NULL,
    superseded_by  BIGINT         NOT NULL,
    source_file    VARCHAR        NOT NULL,
    source_record  BIGINT         NOT NULL,
    source_line    BIGINT         NOT NULL,
    PRIMARY KEY (tenant, invoice_id)
);

-- No primary key: the appender writes millions of rows, and an index would slow every one.
-- A line belongs to an invoice that was committed with it in one transaction.
CREATE TABLE bl_charge_line (
    tenant           VARCHAR        NOT NULL,
    invoice_id       BIGINT         NOT NULL,
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
    source_line      BIGINT         NOT NULL
);
