import type { QueueState, WaitingOrder } from '../domain/reallocation-queue';
import type { SqlTransaction } from './work-orders-database';

/** One SKU of a warehouse, for one merchant: what a re-allocation queue is the queue of. */
export interface StockKey {
  readonly warehouseId: string;
  readonly merchantId: string;
  readonly sku: string;
}

export interface LockedQueue extends StockKey, QueueState {
  readonly cause: string;
}

/** The queue of a SKU, created idle when stock arrives for it the first time, and locked. */
export async function lockQueue(tx: SqlTransaction, key: StockKey, cause: string): Promise<LockedQueue> {
  await tx.$executeRawUnsafe(
    `INSERT INTO reallocation_queue (warehouse_id, merchant_id, sku, cause) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    key.warehouseId,
    key.merchantId,
    key.sku,
    cause,
  );
  const [queue] = await selectQueues(tx, `warehouse_id = $1 AND merchant_id = $2 AND sku = $3`, [key.warehouseId, key.merchantId, key.sku]);
  if (!queue) throw new Error(`the queue of ${key.sku} in ${key.warehouseId} vanished`);
  return queue;
}

/** The queues that wait on these orders' allocations, locked in key order (a fixed order: no deadlock between them). */
export function lockQueuesWaitingFor(tx: SqlTransaction, workOrderIds: readonly string[]): Promise<LockedQueue[]> {
  return selectQueues(tx, `waiting_for = ANY($1::text[])`, [[...workOrderIds]]);
}

export async function saveQueue(tx: SqlTransaction, key: StockKey, state: QueueState, cause: string): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE reallocation_queue SET waiting_for = $4, stock_arrived = $5, cause = $6, updated_at = now()
      WHERE warehouse_id = $1 AND merchant_id = $2 AND sku = $3`,
    key.warehouseId,
    key.merchantId,
    key.sku,
    state.waitingFor,
    state.stockArrived,
    cause,
  );
}

/**
 * Who waits for the SKU: Out of Stock orders with auto-retry, short of it (their last allocation
 * said so), or allocating again now (their shortages are cleared while they are tried) with a
 * material line of it.
 */
export async function waitingOrders(tx: SqlTransaction, key: StockKey): Promise<WaitingOrder[]> {
  const rows = await tx.$queryRawUnsafe<{ id: string; priority: number; scheduled_at: Date | null; created_at: Date; in_flight: boolean }[]>(
    `SELECT o.id, o.priority, o.scheduled_at, o.created_at, o.pending_action IS NOT NULL AS in_flight
       FROM work_order o
      WHERE o.warehouse_id = $1 AND o.merchant_id = $2 AND o.status = 'OUT_OF_STOCK' AND o.auto_retry
        AND ((o.pending_action IS NULL AND o.shortages @> jsonb_build_array(jsonb_build_object('sku', $3::text)))
          OR (o.pending_action = 'allocating'
              AND EXISTS (SELECT 1 FROM work_order_line l WHERE l.work_order_id = o.id AND l.kind = 'MATERIAL' AND l.sku = $3)))`,
    key.warehouseId,
    key.merchantId,
    key.sku,
  );
  return rows.map((row) => ({
    id: row.id,
    priority: Number(row.priority),
    scheduledAt: row.scheduled_at ? new Date(row.scheduled_at) : null,
    createdAt: new Date(row.created_at),
    inFlight: row.in_flight === true || String(row.in_flight) === 't',
  }));
}

async function selectQueues(tx: SqlTransaction, where: string, values: unknown[]): Promise<LockedQueue[]> {
  const rows = await tx.$queryRawUnsafe<
    { warehouse_id: string; merchant_id: string; sku: string; waiting_for: string | null; stock_arrived: boolean | string; cause: string }[]
  >(
    `SELECT warehouse_id, merchant_id, sku, waiting_for, stock_arrived, cause FROM reallocation_queue
      WHERE ${where} ORDER BY warehouse_id, merchant_id, sku FOR UPDATE`,
    ...values,
  );
  return rows.map((row) => ({
    warehouseId: row.warehouse_id,
    merchantId: row.merchant_id,
    sku: row.sku,
    waitingFor: row.waiting_for,
    stockArrived: row.stock_arrived === true || row.stock_arrived === 't',
    cause: row.cause,
  }));
}
