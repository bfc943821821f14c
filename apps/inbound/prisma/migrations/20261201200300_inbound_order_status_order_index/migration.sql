-- A year's volume (docs/benchmark.md, "A year of data"): an inbound order for every Completed work order.
-- Every warehouse's orders of one status, newest first.

-- CreateIndex
CREATE INDEX CONCURRENTLY "inbound_order_status_created_at_id_idx" ON "inbound_order"("status", "created_at", "id");
