-- What the enterprise says besides its bills: contracts, the inventory it believes it has, and
-- its orders. Every import is a new version; the current one is what detectors read.
CREATE TABLE bl_contract (
    tenant             VARCHAR        NOT NULL,
    carrier            VARCHAR        NOT NULL,
    contract_id        VARCHAR        NOT NULL,
    version            INTEGER        NOT NULL,
    current_version    BOOLEAN        NOT NULL,
    term_start         DATE           NOT NULL,
    term_end           DATE           NOT NULL,
    auto_renewal       BOOLEAN        NOT NULL,
    renewal_months     INTEGER        NOT NULL,
    committed_spend    DECIMAL(18, 6),
    committed_currency VARCHAR,
    sla_availability   DECIMAL(18, 6),
    sla_repair_minutes BIGINT,
    sla_credit_percent DECIMAL(18, 6),
    source             VARCHAR        NOT NULL,
    imported_at        TIMESTAMP      NOT NULL,
    PRIMARY KEY (tenant, carrier, contract_id, version)
);

CREATE TABLE bl_contract_rate (
    tenant         VARCHAR        NOT NULL,
    carrier        VARCHAR        NOT NULL,
    contract_id    VARCHAR        NOT NULL,
    version        INTEGER        NOT NULL,
    seq            INTEGER        NOT NULL,
    service_type   VARCHAR,
    charge_code    VARCHAR,
    bandwidth_mbps DECIMAL(18, 6),
    category       VARCHAR        NOT NULL,
    rate           DECIMAL(18, 6) NOT NULL,
    currency       VARCHAR        NOT NULL,
    unit           VARCHAR,
    PRIMARY KEY (tenant, carrier, contract_id, version, seq)
);

-- each import of the expected inventory, even an empty one: the latest is current
CREATE TABLE bl_expected_inventory (
    tenant        VARCHAR   NOT NULL,
    version       INTEGER   NOT NULL,
    source        VARCHAR   NOT NULL,
    imported_at   TIMESTAMP NOT NULL,
    service_count BIGINT    NOT NULL,
    PRIMARY KEY (tenant, version)
);

CREATE TABLE bl_expected_service (
    tenant         VARCHAR        NOT NULL,
    version        INTEGER        NOT NULL,
    carrier        VARCHAR        NOT NULL,
    service_id     VARCHAR        NOT NULL,
    site           VARCHAR,
    service_type   VARCHAR        NOT NULL,
    bandwidth_mbps DECIMAL(18, 6),
    status         VARCHAR        NOT NULL,
    source         VARCHAR        NOT NULL,
    imported_at    TIMESTAMP      NOT NULL,
    PRIMARY KEY (tenant, version, carrier, service_id)
);

CREATE TABLE bl_service_order (
    tenant          VARCHAR   NOT NULL,
    carrier         VARCHAR   NOT NULL,
    order_id        VARCHAR   NOT NULL,
    version         INTEGER   NOT NULL,
    current_version BOOLEAN   NOT NULL,
    service_id      VARCHAR   NOT NULL,
    kind            VARCHAR   NOT NULL,
    effective       DATE      NOT NULL,
    detail          VARCHAR,
    source          VARCHAR   NOT NULL,
    imported_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant, carrier, order_id, version)
);
