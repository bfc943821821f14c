-- CreateTable
CREATE TABLE "known_merchant" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "known_merchant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "known_warehouse" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "known_warehouse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "known_product" (
    "merchant_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "known_product_pkey" PRIMARY KEY ("merchant_id","sku")
);

-- CreateTable
CREATE TABLE "bom" (
    "id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "bom_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bom_line" (
    "bom_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    CONSTRAINT "bom_line_pkey" PRIMARY KEY ("bom_id","kind","position")
);

-- CreateTable
CREATE TABLE "work_order" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "warehouse_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL,
    "pending_action" TEXT,
    "bom_id" TEXT,
    "bom_sets" INTEGER,
    "shortages" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "work_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_order_line" (
    "id" TEXT NOT NULL,
    "work_order_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    CONSTRAINT "work_order_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_order_reservation" (
    "reservation_id" TEXT NOT NULL,
    "work_order_id" TEXT NOT NULL,
    "line_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "allocations" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    CONSTRAINT "work_order_reservation_pkey" PRIMARY KEY ("reservation_id")
);

-- CreateTable
CREATE TABLE "work_order_history" (
    "id" BIGSERIAL NOT NULL,
    "work_order_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "work_order_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "number_sequence" (
    "warehouse_id" TEXT NOT NULL,
    "next_value" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "number_sequence_pkey" PRIMARY KEY ("warehouse_id")
);

-- CreateTable
CREATE TABLE "saga_instance" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "work_order_id" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "state" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "saga_instance_pkey" PRIMARY KEY ("id")
);

-- @include ../../../../../libs/messaging/sql/outbox-inbox-tables.sql

-- CreateIndex
CREATE INDEX "bom_merchant_id_idx" ON "bom"("merchant_id");

-- CreateIndex
CREATE INDEX "work_order_status_created_at_idx" ON "work_order"("status", "created_at");

-- CreateIndex
CREATE INDEX "work_order_created_at_idx" ON "work_order"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_warehouse_id_number_key" ON "work_order"("warehouse_id", "number");

-- CreateIndex
CREATE INDEX "work_order_line_work_order_id_idx" ON "work_order_line"("work_order_id");

-- CreateIndex
CREATE INDEX "work_order_line_sku_kind_idx" ON "work_order_line"("sku", "kind");

-- CreateIndex
CREATE INDEX "work_order_reservation_work_order_id_idx" ON "work_order_reservation"("work_order_id");

-- CreateIndex
CREATE INDEX "work_order_history_work_order_id_idx" ON "work_order_history"("work_order_id");

-- CreateIndex
CREATE INDEX "saga_instance_work_order_id_idx" ON "saga_instance"("work_order_id");

-- CreateIndex
CREATE INDEX "saga_instance_state_idx" ON "saga_instance"("state");

-- @include ../../../../../libs/messaging/sql/outbox-message-id-index.sql

-- AddForeignKey
ALTER TABLE "bom_line" ADD CONSTRAINT "bom_line_bom_id_fkey" FOREIGN KEY ("bom_id") REFERENCES "bom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_line" ADD CONSTRAINT "work_order_line_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_reservation" ADD CONSTRAINT "work_order_reservation_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_history" ADD CONSTRAINT "work_order_history_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
