-- A year's volume (docs/benchmark.md, "A year of data"): the Reservations list, oldest first, comes off
-- this index in its order, and its capped count off the index alone.

-- CreateIndex
CREATE INDEX CONCURRENTLY "reservation_created_at_id_idx" ON "reservation"("created_at", "id");
