-- Bills on their way in: one job per bill, claimed by one runtime at a time under a lease, so that
-- several runtimes on one database share the intake and a dead runtime's bills are taken over.
-- Claimed across tenants from one queue, so shared like the registry; reads name their tenant.
CREATE TABLE bl_intake_job (
    tenant       VARCHAR   NOT NULL,
    intake_id    VARCHAR   NOT NULL,
    file_name    VARCHAR   NOT NULL,
    state        VARCHAR   NOT NULL,
    received_at  TIMESTAMP NOT NULL,
    started_at   TIMESTAMP,
    finished_at  TIMESTAMP,
    holder       VARCHAR,
    lease_until  TIMESTAMP,
    attempts     INTEGER   NOT NULL,
    audit_run_id BIGINT,
    reason       VARCHAR,
    report_json  VARCHAR,
    PRIMARY KEY (tenant, intake_id)
);
