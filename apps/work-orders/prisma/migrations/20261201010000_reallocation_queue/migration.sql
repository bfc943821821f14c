-- One row per (warehouse, merchant, SKU) that stock became available for: the queue of Out of
-- Stock orders waiting for it is read from work_order; this row says which order's allocation the
-- queue waits on before it hands the stock to the next one.
CREATE TABLE "reallocation_queue" (
    "warehouse_id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "waiting_for" TEXT,
    "stock_arrived" BOOLEAN NOT NULL DEFAULT false,
    "cause" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reallocation_queue_pkey" PRIMARY KEY ("warehouse_id","merchant_id","sku")
);

-- CreateIndex
CREATE INDEX "reallocation_queue_waiting_for_idx" ON "reallocation_queue"("waiting_for");

-- CreateIndex
CREATE INDEX "work_order_warehouse_id_merchant_id_status_idx" ON "work_order"("warehouse_id", "merchant_id", "status");
