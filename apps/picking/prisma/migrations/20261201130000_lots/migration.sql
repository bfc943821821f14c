-- Lots (docs/decisions/0007-lots.md): a picking list line names the lot to take at the bin (and its
-- expiry) for a lot-tracked material; lines of other materials, and lines from before lots, have none.
ALTER TABLE "picking_list_line" ADD COLUMN "lot" TEXT, ADD COLUMN "expires_on" DATE;
