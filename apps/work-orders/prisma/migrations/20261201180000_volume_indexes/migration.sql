-- A year's volume (bench/volume-bench.ts, docs/benchmark.md "A year of data"): the orders that
-- use a material or make an output are found from the line index alone. With the order's id in
-- the index, the capped count of a popular SKU's orders reads no line rows (332 ms -> a few ms).
-- The new index serves every query the old (sku, kind) one did, which goes.
-- A plain CREATE INDEX holds off writes to work_order_line while it builds (seconds at millions of
-- lines); the runner applies a migration in one transaction, where CONCURRENTLY cannot run.

-- CreateIndex
CREATE INDEX "work_order_line_sku_kind_work_order_id_idx" ON "work_order_line"("sku", "kind", "work_order_id");

-- DropIndex
DROP INDEX "work_order_line_sku_kind_idx";
