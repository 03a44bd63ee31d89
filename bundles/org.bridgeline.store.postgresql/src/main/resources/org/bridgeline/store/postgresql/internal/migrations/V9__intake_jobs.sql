-- The claim's scan: the waiting bills and the held ones whose lease may have run out, oldest first.
CREATE INDEX bl_intake_job_claimable ON bl_intake_job (received_at, intake_id) WHERE state IN ('RECEIVED', 'PROCESSING', 'IMPORTED');
CREATE INDEX bl_intake_job_holder ON bl_intake_job (holder) WHERE state IN ('PROCESSING', 'IMPORTED');

-- The queue is claimed on connections bound to no tenant (''), which see every tenant's bills; a
-- connection bound to a tenant sees and writes that tenant's bills only, as on every tenant table.
ALTER TABLE bl_intake_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_intake_job FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_intake_job_tenant ON bl_intake_job USING (current_setting('bridgeline.tenant', true) IN ('', tenant)) WITH CHECK (current_setting('bridgeline.tenant', true) IN ('', tenant));
