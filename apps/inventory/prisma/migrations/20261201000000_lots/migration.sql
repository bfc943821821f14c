-- Lots (docs/decisions/0007-lots.md): stock per bin and lot, the lots themselves, the lot on every
-- movement and putaway, and the genealogy of completed work orders.

-- AlterTable
ALTER TABLE "product" ADD COLUMN "lot_tracked" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable: one row per lot of a merchant's SKU; a lot has one expiry, kept from its first receipt.
CREATE TABLE "lot" (
    "merchant_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "expires_on" DATE,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lot_pkey" PRIMARY KEY ("merchant_id","sku","code")
);

-- AlterTable: '' is stock without a lot; the lot is part of the bin's key. The CHECK constraints stay.
ALTER TABLE "stock_level" ADD COLUMN "lot_code" TEXT NOT NULL DEFAULT '';
ALTER TABLE "stock_level" DROP CONSTRAINT "stock_level_pkey";
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_pkey" PRIMARY KEY ("warehouse_id","merchant_id","sku","location_code","lot_code");

-- AlterTable
ALTER TABLE "reservation_allocation" ADD COLUMN "lot_code" TEXT NOT NULL DEFAULT '';
ALTER TABLE "reservation_allocation" DROP CONSTRAINT "reservation_allocation_pkey";
ALTER TABLE "reservation_allocation" ADD CONSTRAINT "reservation_allocation_pkey" PRIMARY KEY ("reservation_id","location_code","lot_code");

-- AlterTable
ALTER TABLE "stock_movement" ADD COLUMN "lot_code" TEXT;

-- AlterTable: the lot given (even for an untracked SKU: finished goods always name one), for the trace.
ALTER TABLE "putaway" ADD COLUMN "lot_code" TEXT;
ALTER TABLE "putaway" ADD COLUMN "expires_on" DATE;

-- CreateTable: what each work-orders.WorkOrderCompleted (v2) said, once per work order.
CREATE TABLE "work_order_genealogy" (
    "work_order_id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "inbound_order_id" TEXT NOT NULL,
    "picking_list_ids" JSONB NOT NULL,
    "outputs" JSONB NOT NULL,
    "consumed" JSONB NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "work_order_genealogy_pkey" PRIMARY KEY ("work_order_id")
);

-- CreateIndex: the trace finds putaways by merchant, SKU and lot, and genealogies by inbound order.
CREATE INDEX "putaway_merchant_id_sku_lot_code_idx" ON "putaway"("merchant_id", "sku", "lot_code");
CREATE INDEX "work_order_genealogy_inbound_order_id_idx" ON "work_order_genealogy"("inbound_order_id");
CREATE INDEX "work_order_genealogy_merchant_id_idx" ON "work_order_genealogy"("merchant_id");
