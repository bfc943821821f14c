-- CreateTable
CREATE TABLE "putaway" (
    "id" TEXT NOT NULL,
    "inbound_order_id" TEXT NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "location_code" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "putaway_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "putaway_inbound_order_id_idx" ON "putaway"("inbound_order_id");
