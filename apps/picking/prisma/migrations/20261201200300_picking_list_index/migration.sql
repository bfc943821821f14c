-- A year's volume (docs/benchmark.md, "A year of data"): a Done list for every Completed order.
-- Every warehouse's lists, newest first.

-- CreateIndex
CREATE INDEX CONCURRENTLY "picking_list_created_at_id_idx" ON "picking_list"("created_at", "id");
