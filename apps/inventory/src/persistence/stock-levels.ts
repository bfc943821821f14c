import type { BinStock } from '../domain/stock-allocation';
import type { InventoryTransaction, SqlTransaction } from './inventory-database';

export interface StockKey {
  readonly warehouseId: string;
  readonly merchantId: string;
  readonly sku: string;
}

/**
 * Locks the bins of one SKU (or one bin) for the rest of the transaction, in location order so
 * two transactions never wait on each other in a cycle. Returns them in walking order.
 */
export async function lockBins(tx: InventoryTransaction, key: StockKey, locationCode?: string): Promise<BinStock[]> {
  const rows = await tx.$queryRawUnsafe<{ location_code: string; on_hand: number; reserved: number }[]>(
    `SELECT location_code, on_hand, reserved FROM stock_level
      WHERE warehouse_id = $1 AND merchant_id = $2 AND sku = $3 AND ($4::text IS NULL OR location_code = $4)
      ORDER BY location_code FOR UPDATE`,
    key.warehouseId,
    key.merchantId,
    key.sku,
    locationCode ?? null,
  );
  return rows.map((row) => ({ locationCode: row.location_code, onHand: row.on_hand, reserved: row.reserved }));
}

/** One string per SKU of a warehouse and merchant, for maps. */
export function stockKeyString(key: StockKey): string {
  return `${key.warehouseId}\u0000${key.merchantId}\u0000${key.sku}`;
}

/**
 * The batch form of `lockBins`, in one statement: the bins of several SKUs, locked in one global
 * order (SKU, then location), so batches and single-SKU actions never wait on each other in a
 * cycle. Returns each SKU's bins in walking order; a SKU with no bins is absent.
 */
export async function lockBinsOfMany(tx: SqlTransaction, keys: readonly StockKey[]): Promise<Map<string, BinStock[]>> {
  const bins = new Map<string, BinStock[]>();
  if (keys.length === 0) return bins;
  const rows = await tx.$queryRawUnsafe<{ warehouse_id: string; merchant_id: string; sku: string; location_code: string; on_hand: number; reserved: number }[]>(
    `SELECT warehouse_id, merchant_id, sku, location_code, on_hand, reserved FROM stock_level
      WHERE (warehouse_id, merchant_id, sku) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))
      ORDER BY warehouse_id, merchant_id, sku, location_code FOR UPDATE`,
    keys.map((key) => key.warehouseId),
    keys.map((key) => key.merchantId),
    keys.map((key) => key.sku),
  );
  for (const row of rows) {
    const key = stockKeyString({ warehouseId: row.warehouse_id, merchantId: row.merchant_id, sku: row.sku });
    const list = bins.get(key) ?? [];
    list.push({ locationCode: row.location_code, onHand: row.on_hand, reserved: row.reserved });
    bins.set(key, list);
  }
  return bins;
}

/** The batch form of `changeReserved`, in one statement; at most one change per bin. */
export async function changeReservedOfMany(tx: SqlTransaction, changes: readonly (StockKey & { locationCode: string; delta: number })[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE stock_level s SET reserved = s.reserved + d.delta, updated_at = now()
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS d(warehouse_id, merchant_id, sku, location_code, delta)
      WHERE s.warehouse_id = d.warehouse_id AND s.merchant_id = d.merchant_id AND s.sku = d.sku AND s.location_code = d.location_code`,
    changes.map((change) => change.warehouseId),
    changes.map((change) => change.merchantId),
    changes.map((change) => change.sku),
    changes.map((change) => change.locationCode),
    changes.map((change) => change.delta),
  );
}

/** Moves `delta` units into (positive) or out of (negative) the reserved part of a bin. */
export async function changeReserved(tx: InventoryTransaction, key: StockKey, locationCode: string, delta: number): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE stock_level SET reserved = reserved + $5, updated_at = now()
      WHERE warehouse_id = $1 AND merchant_id = $2 AND sku = $3 AND location_code = $4`,
    key.warehouseId,
    key.merchantId,
    key.sku,
    locationCode,
    delta,
  );
}

/** Takes reserved units off a bin's shelf: onHand and reserved both go down. */
export async function consumeFromBin(tx: InventoryTransaction, key: StockKey, locationCode: string, quantity: number): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE stock_level SET on_hand = on_hand - $5, reserved = reserved - $5, updated_at = now()
      WHERE warehouse_id = $1 AND merchant_id = $2 AND sku = $3 AND location_code = $4`,
    key.warehouseId,
    key.merchantId,
    key.sku,
    locationCode,
    quantity,
  );
}

/** Adds units to a bin, creating its row the first time the SKU lands there. */
export async function addToBin(tx: InventoryTransaction, key: StockKey, locationCode: string, quantity: number): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO stock_level (warehouse_id, merchant_id, sku, location_code, on_hand) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (warehouse_id, merchant_id, sku, location_code) DO UPDATE SET on_hand = stock_level.on_hand + $5, updated_at = now()`,
    key.warehouseId,
    key.merchantId,
    key.sku,
    locationCode,
    quantity,
  );
}
