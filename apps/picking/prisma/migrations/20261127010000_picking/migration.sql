-- CreateTable
CREATE TABLE "picking_request" (
    "work_order_id" TEXT NOT NULL,
    "line_id" TEXT NOT NULL,
    "work_order_number" TEXT NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "allocations" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "list_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "picking_request_pkey" PRIMARY KEY ("work_order_id","line_id")
);

-- CreateTable
CREATE TABLE "picking_list" (
    "id" TEXT NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "picker" TEXT,
    "work_order_ids" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "picking_list_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "picking_list_line" (
    "list_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "location_code" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "work_order_id" TEXT NOT NULL,
    "line_id" TEXT NOT NULL,
    "picked" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "picking_list_line_pkey" PRIMARY KEY ("list_id","position")
);

-- CreateIndex
CREATE INDEX "picking_request_warehouse_id_status_idx" ON "picking_request"("warehouse_id", "status");

-- CreateIndex
CREATE INDEX "picking_list_warehouse_id_status_idx" ON "picking_list"("warehouse_id", "status");

-- CreateIndex
CREATE INDEX "picking_list_line_work_order_id_idx" ON "picking_list_line"("work_order_id");

-- AddForeignKey
ALTER TABLE "picking_list_line" ADD CONSTRAINT "picking_list_line_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "picking_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;
