-- A putaway inventory refused (PutawayRefused): when, why and the field at fault. Its quantity went
-- back to the line, to be put away elsewhere.
ALTER TABLE "inbound_putaway" ADD COLUMN "refused_at" TIMESTAMPTZ(3), ADD COLUMN "refusal_reason" TEXT, ADD COLUMN "refusal_field" TEXT;
