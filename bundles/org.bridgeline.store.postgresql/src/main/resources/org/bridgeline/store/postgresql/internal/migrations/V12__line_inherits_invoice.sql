-- The view reads with the querying role's rights, so the row-level policies of bl_line and bl_invoice (which moved with
-- the renamed table) still hold through it.
ALTER VIEW bl_charge_line SET (security_invoker = true);
