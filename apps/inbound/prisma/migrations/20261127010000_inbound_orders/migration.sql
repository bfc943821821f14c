-- CreateTable
CREATE TABLE "inbound_order" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "source_reference" TEXT NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "inbound_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbound_order_line" (
    "inbound_order_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "expected" INTEGER NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "put_away" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "inbound_order_line_pkey" PRIMARY KEY ("inbound_order_id","sku")
);

-- Received never exceeds expected, put away never exceeds received.
ALTER TABLE "inbound_order_line" ADD CONSTRAINT "inbound_order_line_quantities_check" CHECK ("received" >= 0 AND "received" <= "expected" AND "put_away" >= 0 AND "put_away" <= "received");

-- CreateTable
CREATE TABLE "inbound_putaway" (
    "id" TEXT NOT NULL,
    "inbound_order_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "location_code" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "inbound_putaway_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "known_location" (
    "warehouse_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    CONSTRAINT "known_location_pkey" PRIMARY KEY ("warehouse_id","code")
);

-- CreateIndex
CREATE UNIQUE INDEX "inbound_order_source_id_key" ON "inbound_order"("source_id");

-- CreateIndex
CREATE INDEX "inbound_order_status_idx" ON "inbound_order"("status");

-- CreateIndex
CREATE INDEX "inbound_putaway_inbound_order_id_idx" ON "inbound_putaway"("inbound_order_id");

-- AddForeignKey
ALTER TABLE "inbound_order_line" ADD CONSTRAINT "inbound_order_line_inbound_order_id_fkey" FOREIGN KEY ("inbound_order_id") REFERENCES "inbound_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_putaway" ADD CONSTRAINT "inbound_putaway_inbound_order_id_fkey" FOREIGN KEY ("inbound_order_id") REFERENCES "inbound_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
