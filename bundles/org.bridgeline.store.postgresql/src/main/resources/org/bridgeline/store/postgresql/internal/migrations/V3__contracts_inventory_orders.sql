-- PostgreSQL's companion to V3: row-level security.
ALTER TABLE bl_contract ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_contract FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_contract_tenant ON bl_contract USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

ALTER TABLE bl_contract_rate ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_contract_rate FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_contract_rate_tenant ON bl_contract_rate USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

ALTER TABLE bl_expected_inventory ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_expected_inventory FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_expected_inventory_tenant ON bl_expected_inventory USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

ALTER TABLE bl_expected_service ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_expected_service FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_expected_service_tenant ON bl_expected_service USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

ALTER TABLE bl_service_order ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_service_order FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_service_order_tenant ON bl_service_order USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

