-- PostgreSQL's companion to V5: row-level security.
ALTER TABLE bl_requirement_set ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_requirement_set FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_requirement_set_tenant ON bl_requirement_set USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

ALTER TABLE bl_requirement ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_requirement FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_requirement_tenant ON bl_requirement USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

