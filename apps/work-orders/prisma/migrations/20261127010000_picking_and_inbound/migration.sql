-- AlterTable
ALTER TABLE "work_order" ADD COLUMN "inbound_order_id" TEXT,
ADD COLUMN "inbound_status" TEXT,
ADD COLUMN "inbound_lines" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "work_order_picking_list" (
    "list_id" TEXT NOT NULL,
    "work_order_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "picker" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "work_order_picking_list_pkey" PRIMARY KEY ("list_id","work_order_id")
);

-- CreateIndex
CREATE INDEX "work_order_picking_list_work_order_id_idx" ON "work_order_picking_list"("work_order_id");

-- AddForeignKey
ALTER TABLE "work_order_picking_list" ADD CONSTRAINT "work_order_picking_list_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
