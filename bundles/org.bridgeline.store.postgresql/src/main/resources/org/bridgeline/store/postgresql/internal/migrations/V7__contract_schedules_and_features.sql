-- PostgreSQL's companion to V7: row-level security.
ALTER TABLE bl_contract_service ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_contract_service FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_contract_service_tenant ON bl_contract_service USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

