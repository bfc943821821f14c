-- CreateTable
CREATE TABLE "merchant" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "merchant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warehouse" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "warehouse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "location" (
    "warehouse_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "location_pkey" PRIMARY KEY ("warehouse_id","code")
);

-- CreateTable
CREATE TABLE "product" (
    "id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_level" (
    "warehouse_id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "location_code" TEXT NOT NULL,
    "on_hand" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "stock_level_pkey" PRIMARY KEY ("warehouse_id","merchant_id","sku","location_code")
);

-- The stock invariants, enforced by the database itself: no oversell whatever the code does.
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_on_hand_check" CHECK ("on_hand" >= 0);
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_reserved_check" CHECK ("reserved" >= 0 AND "reserved" <= "on_hand");

-- CreateTable
CREATE TABLE "reservation" (
    "id" TEXT NOT NULL,
    "work_order_id" TEXT NOT NULL,
    "line_id" TEXT NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "available" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reservation_allocation" (
    "reservation_id" TEXT NOT NULL,
    "location_code" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    CONSTRAINT "reservation_allocation_pkey" PRIMARY KEY ("reservation_id","location_code")
);

-- CreateTable
CREATE TABLE "stock_movement" (
    "id" BIGSERIAL NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "location_code" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "reference" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "stock_movement_pkey" PRIMARY KEY ("id")
);

-- @include ../../../../../libs/messaging/sql/outbox-inbox-tables.sql

-- CreateIndex
CREATE UNIQUE INDEX "warehouse_code_key" ON "warehouse"("code");

-- CreateIndex
CREATE UNIQUE INDEX "product_merchant_id_sku_key" ON "product"("merchant_id", "sku");

-- CreateIndex
CREATE INDEX "reservation_work_order_id_idx" ON "reservation"("work_order_id");

-- CreateIndex
CREATE INDEX "stock_movement_warehouse_id_merchant_id_sku_idx" ON "stock_movement"("warehouse_id", "merchant_id", "sku");

-- @include ../../../../../libs/messaging/sql/outbox-message-id-index.sql

-- AddForeignKey
ALTER TABLE "location" ADD CONSTRAINT "location_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservation_allocation" ADD CONSTRAINT "reservation_allocation_reservation_id_fkey" FOREIGN KEY ("reservation_id") REFERENCES "reservation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
