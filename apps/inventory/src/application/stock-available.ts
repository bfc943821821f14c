import { stockKey, StockAvailable, type StockAvailableCause } from '@wo/contracts/inventory';
import type { Envelope } from '@wo/contracts/envelope';
import type { SqlExecutor } from '@wo/database';
import { appendToOutbox } from '@wo/messaging';
import { randomUUID } from 'node:crypto';
import type { StockKey } from '../persistence/stock-levels';

/**
 * Tells, in the caller's transaction (through the outbox), that more of a SKU is available:
 * waiting work orders are retried on it. `after`: the command that caused it, when one did.
 */
export async function publishStockAvailable(tx: SqlExecutor, key: StockKey, cause: StockAvailableCause, after?: Envelope, releasedFor?: string): Promise<void> {
  const [row] = await tx.$queryRawUnsafe<{ available: number }[]>(
    `SELECT COALESCE(SUM(on_hand - reserved), 0)::int AS available FROM stock_level WHERE warehouse_id = $1 AND merchant_id = $2 AND sku = $3`,
    key.warehouseId,
    key.merchantId,
    key.sku,
  );
  const { warehouseId, merchantId, sku } = key;
  await appendToOutbox(tx, [
    StockAvailable.outgoing(
      { warehouseId, merchantId, sku, available: row?.available ?? 0, cause, ...(releasedFor && { releasedFor }) },
      { correlationId: after?.correlationId ?? randomUUID(), cause: after ?? null, key: stockKey(warehouseId, sku) },
    ),
  ]);
}
