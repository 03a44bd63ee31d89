-- A charge line's invoice-level fields (carrier, account, invoice number and date, billing period, currency, source
-- file) are its invoice's on nearly every line: written once on bl_invoice and left NULL on the line, which reads them
-- back through the view bl_charge_line. Ingest is bound by the values written per line. A line whose own fields differ
-- from its invoice's keeps them all, marked by its carrier not being NULL; lines stored before this version keep theirs.
ALTER TABLE bl_charge_line RENAME TO bl_line;
ALTER TABLE bl_line ALTER COLUMN carrier DROP NOT NULL;
ALTER TABLE bl_line ALTER COLUMN account DROP NOT NULL;
ALTER TABLE bl_line ALTER COLUMN invoice_number DROP NOT NULL;
ALTER TABLE bl_line ALTER COLUMN invoice_date DROP NOT NULL;
ALTER TABLE bl_line ALTER COLUMN currency DROP NOT NULL;
ALTER TABLE bl_line ALTER COLUMN source_file DROP NOT NULL;
CREATE VIEW bl_charge_line AS SELECT l.tenant, l.invoice_id, l.line_no,
    CASE WHEN l.carrier IS NULL THEN i.carrier ELSE l.carrier END AS carrier,
    CASE WHEN l.carrier IS NULL THEN i.account ELSE l.account END AS account,
    l.sub_account,
    CASE WHEN l.carrier IS NULL THEN i.invoice_number ELSE l.invoice_number END AS invoice_number,
    CASE WHEN l.carrier IS NULL THEN i.invoice_date ELSE l.invoice_date END AS invoice_date,
    CASE WHEN l.carrier IS NULL THEN i.period_start ELSE l.period_start END AS period_start,
    CASE WHEN l.carrier IS NULL THEN i.period_end ELSE l.period_end END AS period_end,
    l.service_id, l.site, l.service_type, l.category, l.charge_code, l.description, l.quantity, l.unit, l.unit_price, l.amount,
    CASE WHEN l.carrier IS NULL THEN i.currency ELSE l.currency END AS currency,
    l.charge_start, l.charge_end, l.bandwidth_mbps, l.usage_quantity, l.usage_unit, l.tax_type, l.tax_jurisdiction,
    CASE WHEN l.carrier IS NULL THEN i.source_file ELSE l.source_file END AS source_file,
    l.source_record, l.source_line, l.destination
FROM bl_line l JOIN bl_invoice i ON i.tenant = l.tenant AND i.invoice_id = l.invoice_id;
