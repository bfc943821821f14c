import type { BinStock } from '../domain/stock-allocation';
import type { InventoryTransaction } from './inventory-database';

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
