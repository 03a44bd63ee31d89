-- PostgreSQL's companion to V1: the keys the views look rows up by, and row-level security.
-- Every table's key starts with the tenant (Citus distributes by it). The policies compare each
-- row's tenant with the session variable the store sets at every connection checkout: a query
-- that forgets its tenant filter returns nothing, never another tenant's rows. FORCE makes the
-- policies hold for the tables' owner too, which is the role the runtime connects as.
ALTER TABLE bl_charge_line ADD PRIMARY KEY (tenant, invoice_id, line_no);
CREATE INDEX bl_import_content ON bl_import (tenant, content_hash);
CREATE INDEX bl_invoice_current ON bl_invoice (tenant, carrier, account, invoice_number) WHERE superseded_by = 0;
CREATE INDEX bl_invoice_date ON bl_invoice (tenant, invoice_date);

ALTER TABLE bl_import ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_import FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_import_tenant ON bl_import USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

ALTER TABLE bl_invoice ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_invoice FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_invoice_tenant ON bl_invoice USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

ALTER TABLE bl_charge_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE bl_charge_line FORCE ROW LEVEL SECURITY;
CREATE POLICY bl_charge_line_tenant ON bl_charge_line USING (tenant = current_setting('bridgeline.tenant', true)) WITH CHECK (tenant = current_setting('bridgeline.tenant', true));

