import { stockKey, StockAvailable, type StockAvailableCause } from '@wo/contracts/inventory';
import type { Envelope } from '@wo/contracts/envelope';
import { MAX_STORED_QUANTITY } from '@wo/contracts/rest';
import type { SqlExecutor } from '@wo/database';
import { appendToOutbox } from '@wo/messaging';
import { randomUUID } from 'node:crypto';
import type { StockKey } from '../persistence/stock-levels';
import { todayUtc } from './today';

/**
 * Tells, in the caller's transaction (through the outbox), that more of a SKU is available:
 * waiting work orders are retried on it. `after`: the command that caused it, when one did.
 */
export async function publishStockAvailable(tx: SqlExecutor, key: StockKey, cause: StockAvailableCause, after?: Envelope, releasedFor?: string): Promise<void> {
  // Expired lots stay on hand but are never reserved: they are not available. Each bin fits an int,
  // their sum may not (two nearly full bins): the hint says at most the most one bin holds.
  const [row] = await tx.$queryRawUnsafe<{ available: number }[]>(
    `SELECT LEAST(COALESCE(SUM(s.on_hand - s.reserved), 0), ${MAX_STORED_QUANTITY})::int AS available
       FROM stock_level s LEFT JOIN lot l ON l.merchant_id = s.merchant_id AND l.sku = s.sku AND l.code = s.lot_code
      WHERE s.warehouse_id = $1 AND s.merchant_id = $2 AND s.sku = $3 AND (l.expires_on IS NULL OR l.expires_on >= $4::date)`,
    key.warehouseId,
    key.merchantId,
    key.sku,
    todayUtc(),
  );
  const { warehouseId, merchantId, sku } = key;
  await appendToOutbox(tx, [
    StockAvailable.outgoing(
      { warehouseId, merchantId, sku, available: row?.available ?? 0, cause, ...(releasedFor && { releasedFor }) },
      { correlationId: after?.correlationId ?? randomUUID(), cause: after ?? null, key: stockKey(warehouseId, sku) },
    ),
  ]);
}
