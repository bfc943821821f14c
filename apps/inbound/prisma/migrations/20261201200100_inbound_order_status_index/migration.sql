-- A year's volume (docs/benchmark.md, "A year of data"): an inbound order for every Completed work order.
-- A warehouse's orders of one status (those waiting to be received), newest first.

-- CreateIndex
CREATE INDEX CONCURRENTLY "inbound_order_warehouse_id_status_created_at_id_idx" ON "inbound_order"("warehouse_id", "status", "created_at", "id");
