-- The work order's merchant on each picking request, so a merchant-scoped token reads its own.
-- Requests recorded before have none: only staff see them.
ALTER TABLE "picking_request" ADD COLUMN "merchant_id" TEXT;
