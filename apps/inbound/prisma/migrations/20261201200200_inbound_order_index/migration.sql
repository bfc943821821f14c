-- A year's volume (docs/benchmark.md, "A year of data"): an inbound order for every Completed work order.
-- Every warehouse's orders, newest first; of one status, by (status, created_at, id), which
-- replaces the (status) index next.

-- CreateIndex
CREATE INDEX CONCURRENTLY "inbound_order_created_at_id_idx" ON "inbound_order"("created_at", "id");
