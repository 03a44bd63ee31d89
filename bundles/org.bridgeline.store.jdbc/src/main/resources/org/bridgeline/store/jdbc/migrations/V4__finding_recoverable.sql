-- What a finding says the carrier owes back (a credit to claim), beside its monthly and annual impact.
ALTER TABLE bl_finding ADD COLUMN recoverable DECIMAL(18, 6);
