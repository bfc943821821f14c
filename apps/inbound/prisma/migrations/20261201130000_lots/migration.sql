-- Lots (docs/decisions/0007-lots.md): each line keeps the lot it is received as and its expiry;
-- each putaway the lot it shelved. Lines from before lots have none.
ALTER TABLE "inbound_order_line" ADD COLUMN "lot" TEXT, ADD COLUMN "expires_on" DATE;

ALTER TABLE "inbound_putaway" ADD COLUMN "lot" TEXT;
