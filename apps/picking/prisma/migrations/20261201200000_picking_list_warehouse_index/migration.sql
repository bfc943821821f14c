-- A year's volume (docs/benchmark.md, "A year of data"): a Done list for every Completed order.
-- A warehouse's Picking Lists, newest first, come off this index in their order.

-- CreateIndex
CREATE INDEX CONCURRENTLY "picking_list_warehouse_id_created_at_id_idx" ON "picking_list"("warehouse_id", "created_at", "id");
