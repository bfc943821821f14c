-- The (warehouse_id, status, created_at, id) index serves every use of this one.

-- DropIndex
DROP INDEX CONCURRENTLY "picking_list_warehouse_id_status_idx";
