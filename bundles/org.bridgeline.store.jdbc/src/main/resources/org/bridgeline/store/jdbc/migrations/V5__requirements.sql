-- IT's requirements, versioned as a whole like the expected inventory: each import is a new version.
CREATE TABLE bl_requirement_set (
    tenant        VARCHAR   NOT NULL,
    version       INTEGER   NOT NULL,
    source        VARCHAR   NOT NULL,
    imported_at   TIMESTAMP NOT NULL,
    requirement_count INTEGER NOT NULL,
    PRIMARY KEY (tenant, version)
);

CREATE TABLE bl_requirement (
    tenant              VARCHAR        NOT NULL,
    version             INTEGER        NOT NULL,
    seq                 INTEGER        NOT NULL,
    site                VARCHAR        NOT NULL,
    service_type        VARCHAR        NOT NULL,
    bandwidth_mbps      DECIMAL(18, 6),
    needed_by           DATE           NOT NULL,
    availability_percent DECIMAL(18, 6),
    repair_minutes      BIGINT,
    notes               VARCHAR,
    PRIMARY KEY (tenant, version, seq)
);
