-- PostgreSQL's companion to V2: findings looked up by run, and row-level security.
CREATE INDEX bl_finding_run ON bl_finding (tenant, run_id, seq);

ALTER TABLE bl_audit_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_audit_run FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_audit_run_tenant ON bl_audit_run USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

ALTER TABLE bl_finding ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_finding FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_finding_tenant ON bl_finding USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

ALTER TABLE bl_finding_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_finding_line FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_finding_line_tenant ON bl_finding_line USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

