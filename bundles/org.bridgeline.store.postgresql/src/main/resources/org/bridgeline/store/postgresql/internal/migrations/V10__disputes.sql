-- PostgreSQL's companion to V10: row-level security on every dispute table.
ALTER TABLE bl_dispute ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_dispute FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_dispute_tenant ON bl_dispute USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

ALTER TABLE bl_dispute_finding ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_dispute_finding FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_dispute_finding_tenant ON bl_dispute_finding USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

ALTER TABLE bl_dispute_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_dispute_event FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_dispute_event_tenant ON bl_dispute_event USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

ALTER TABLE bl_dispute_credit ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_dispute_credit FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_dispute_credit_tenant ON bl_dispute_credit USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));
