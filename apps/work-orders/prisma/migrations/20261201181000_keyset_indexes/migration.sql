-- Keyset pages and capped counts of the Work Orders list at a year's volume (docs/benchmark.md,
-- "A year of data"). The list's order is (created_at, id), newest first; each index the list
-- reads by now ends in the id too, so:
-- - a page comes off the index in the list's exact order (no sort of the ties by id), and after a
--   cursor the scan starts at the cursor: `status = 'ALLOCATED' AND created_at <= c` is a range;
-- - the capped count (`SELECT id ... LIMIT 10001`, as Prisma counts) is an index-only scan. With
--   (status, created_at) alone it fetched every row from the table, or read the table from its
--   start: a year's Allocated orders are its newest, stored last (status counts 272 ms).
-- Each replaces the index it extends, whose every use it serves. A plain CREATE INDEX holds off
-- writes to work_order while it builds (seconds at a million orders); the runner applies a
-- migration in one transaction, where CONCURRENTLY cannot run.

-- CreateIndex
CREATE INDEX "work_order_status_created_at_id_idx" ON "work_order"("status", "created_at", "id");
DROP INDEX "work_order_status_created_at_idx";

-- CreateIndex
CREATE INDEX "work_order_created_at_id_idx" ON "work_order"("created_at", "id");
DROP INDEX "work_order_created_at_idx";

-- CreateIndex
CREATE INDEX "work_order_merchant_id_created_at_id_idx" ON "work_order"("merchant_id", "created_at", "id");
DROP INDEX "work_order_merchant_id_created_at_idx";

-- CreateIndex
CREATE INDEX "work_order_warehouse_id_created_at_id_idx" ON "work_order"("warehouse_id", "created_at", "id");
DROP INDEX "work_order_warehouse_id_created_at_idx";

-- CreateIndex
CREATE INDEX "work_order_priority_created_at_id_idx" ON "work_order"("priority", "created_at", "id");
DROP INDEX "work_order_priority_created_at_idx";
