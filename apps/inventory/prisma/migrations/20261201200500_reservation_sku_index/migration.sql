-- A year's volume (docs/benchmark.md, "A year of data"): one SKU's reservations, oldest first. Not by
-- status: a release or a consumption changes only the status, which then stays a HOT update.

-- CreateIndex
CREATE INDEX CONCURRENTLY "reservation_sku_created_at_id_idx" ON "reservation"("sku", "created_at", "id");
