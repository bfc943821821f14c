-- The Work Orders list at a year's volume (bench/volume-bench.ts, docs/benchmark.md): a search
-- ("contains", any case) finds numbers and names through trigram indexes instead of reading every
-- order, and one merchant's or one warehouse's newest orders come straight off an index.
-- pg_trgm is a trusted extension: the owner of the database may create it, no superuser needed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "work_order_number_idx" ON "work_order" USING GIN ("number" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "work_order_name_idx" ON "work_order" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "work_order_merchant_id_created_at_idx" ON "work_order"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "work_order_warehouse_id_created_at_idx" ON "work_order"("warehouse_id", "created_at");
