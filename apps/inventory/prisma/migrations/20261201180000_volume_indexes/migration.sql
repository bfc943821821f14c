-- A year's volume (bench/volume-bench.ts, docs/benchmark.md "A year of data").
-- The ledger of one SKU in a warehouse, oldest first, comes off an index in its order: the id
-- joins the key, so a page is LIMIT 26 read in order instead of every movement of the SKU read
-- and sorted (37 ms for 10,000 movements -> under 1 ms). It replaces the (warehouse, merchant,
-- SKU) index, whose every use it serves.
-- Stock of one merchant's SKU in every warehouse: the primary key starts with the warehouse, so
-- without this the filter read all bins (57 ms at 400,000 bins).
-- A plain CREATE INDEX holds off writes to the table while it builds (seconds at millions of rows);
-- the runner applies a migration in one transaction, where CONCURRENTLY cannot run.

-- CreateIndex
CREATE INDEX "stock_movement_warehouse_id_merchant_id_sku_id_idx" ON "stock_movement"("warehouse_id", "merchant_id", "sku", "id");

-- DropIndex
DROP INDEX "stock_movement_warehouse_id_merchant_id_sku_idx";

-- CreateIndex
CREATE INDEX "stock_level_merchant_id_sku_idx" ON "stock_level"("merchant_id", "sku");
