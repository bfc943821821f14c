-- The (status, created_at, id) index serves every use of this one.

-- DropIndex
DROP INDEX CONCURRENTLY "inbound_order_status_idx";
