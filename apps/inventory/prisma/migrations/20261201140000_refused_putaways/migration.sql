-- Putaways inventory refused (the bin cannot hold them, or is unknown): no stock moved; a re-sent
-- PutAwayStock is answered with the same PutawayRefused.
CREATE TABLE "refused_putaway" (
    "id" TEXT NOT NULL,
    "inbound_order_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "location_code" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refused_putaway_pkey" PRIMARY KEY ("id")
);
