-- A year's volume (docs/benchmark.md, "A year of data"): an inbound order for every Completed work order.
-- A warehouse's Inbound Orders, newest first, come off this index in their order.

-- CreateIndex
CREATE INDEX CONCURRENTLY "inbound_order_warehouse_id_created_at_id_idx" ON "inbound_order"("warehouse_id", "created_at", "id");
