-- The number a call dialled, for pricing usage against a rate deck.
ALTER TABLE bl_charge_line ADD COLUMN destination VARCHAR;
ALTER TABLE bl_finding_line ADD COLUMN destination VARCHAR;
