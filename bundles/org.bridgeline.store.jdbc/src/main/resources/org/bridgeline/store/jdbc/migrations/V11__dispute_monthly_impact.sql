-- What a disputed anomaly costs a month while it lasts: once later bills no longer carry it, each
-- month from then on counts as cost avoided.
ALTER TABLE bl_dispute_finding ADD COLUMN monthly_impact DECIMAL(18, 6);
