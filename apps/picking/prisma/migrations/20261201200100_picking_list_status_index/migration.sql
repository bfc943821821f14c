-- A year's volume (docs/benchmark.md, "A year of data"): a Done list for every Completed order.
-- A warehouse's lists of one status, newest first. Replaces (warehouse_id, status) next.

-- CreateIndex
CREATE INDEX CONCURRENTLY "picking_list_warehouse_id_status_created_at_id_idx" ON "picking_list"("warehouse_id", "status", "created_at", "id");
