-- Priority as its rank (1 Low, 2 Normal, 3 High, 4 Urgent: sorts as it should) and auto-retry;
-- existing orders become Normal and are retried automatically.
ALTER TABLE "work_order" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN "auto_retry" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "work_order_priority_created_at_idx" ON "work_order"("priority", "created_at");
