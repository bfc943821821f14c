import type { BinStock } from '../domain/stock-allocation';
import type { InventoryTransaction, SqlTransaction } from './inventory-database';

export interface StockKey {
  readonly warehouseId: string;
  readonly merchantId: string;
  readonly sku: string;
}

/** One bin and lot of a SKU: `lotCode` is '' for stock without a lot. */
export interface BinLotChange extends StockKey {
  readonly locationCode: string;
  readonly lotCode: string;
}

/** A stock_level row with its lot's expiry and first receipt (null: stock without a lot). */
interface BinRow {
  location_code: string;
  lot_code: string;
  on_hand: number;
  reserved: number;
  expires_on: string | null;
  received_ms: number | null;
}

// The lot's expiry as `YYYY-MM-DD` and its receipt in epoch milliseconds: the same under Prisma and pg.
const BIN_COLUMNS = `s.location_code, s.lot_code, s.on_hand, s.reserved, l.expires_on::text AS expires_on,
       (extract(epoch FROM l.received_at) * 1000)::float8 AS received_ms`;
const LOT_JOIN = `LEFT JOIN lot l ON l.merchant_id = s.merchant_id AND l.sku = s.sku AND l.code = s.lot_code`;

/**
 * Locks the bins (per lot) of one SKU, or of one bin, or one bin and lot, for the rest of the
 * transaction, in the global order (location, then lot) so two transactions never wait on each
 * other in a cycle. The allocation applies its walking order (FEFO) in memory.
 */
export async function lockBins(tx: InventoryTransaction, key: StockKey, locationCode?: string, lotCode?: string): Promise<BinStock[]> {
  const rows = await tx.$queryRawUnsafe<BinRow[]>(
    `SELECT ${BIN_COLUMNS} FROM stock_level s ${LOT_JOIN}
      WHERE s.warehouse_id = $1 AND s.merchant_id = $2 AND s.sku = $3
        AND ($4::text IS NULL OR s.location_code = $4) AND ($5::text IS NULL OR s.lot_code = $5)
      ORDER BY s.location_code, s.lot_code FOR UPDATE OF s`,
    key.warehouseId,
    key.merchantId,
    key.sku,
    locationCode ?? null,
    lotCode ?? null,
  );
  return rows.map(binOf);
}

/** One string per SKU of a warehouse and merchant, for maps. */
export function stockKeyString(key: StockKey): string {
  return `${key.warehouseId}\u0000${key.merchantId}\u0000${key.sku}`;
}

/**
 * The batch form of `lockBins`, in one statement: the bins (per lot) of several SKUs, locked in one
 * global order (SKU, then location, then lot), so batches and single-SKU actions never wait on each
 * other in a cycle. A SKU with no bins is absent.
 */
export async function lockBinsOfMany(tx: SqlTransaction, keys: readonly StockKey[]): Promise<Map<string, BinStock[]>> {
  const bins = new Map<string, BinStock[]>();
  if (keys.length === 0) return bins;
  const rows = await tx.$queryRawUnsafe<(BinRow & { warehouse_id: string; merchant_id: string; sku: string })[]>(
    `SELECT s.warehouse_id, s.merchant_id, s.sku, ${BIN_COLUMNS} FROM stock_level s ${LOT_JOIN}
      WHERE (s.warehouse_id, s.merchant_id, s.sku) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))
      ORDER BY s.warehouse_id, s.merchant_id, s.sku, s.location_code, s.lot_code FOR UPDATE OF s`,
    keys.map((key) => key.warehouseId),
    keys.map((key) => key.merchantId),
    keys.map((key) => key.sku),
  );
  for (const row of rows) {
    const key = stockKeyString({ warehouseId: row.warehouse_id, merchantId: row.merchant_id, sku: row.sku });
    const list = bins.get(key) ?? [];
    list.push(binOf(row));
    bins.set(key, list);
  }
  return bins;
}

/** The batch form of `changeReserved`, in one statement; at most one change per bin and lot. */
export async function changeReservedOfMany(tx: SqlTransaction, changes: readonly (BinLotChange & { delta: number })[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE stock_level s SET reserved = s.reserved + d.delta, updated_at = now()
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) AS d(warehouse_id, merchant_id, sku, location_code, lot_code, delta)
      WHERE s.warehouse_id = d.warehouse_id AND s.merchant_id = d.merchant_id AND s.sku = d.sku AND s.location_code = d.location_code
        AND s.lot_code = d.lot_code`,
    changes.map((change) => change.warehouseId),
    changes.map((change) => change.merchantId),
    changes.map((change) => change.sku),
    changes.map((change) => change.locationCode),
    changes.map((change) => change.lotCode),
    changes.map((change) => change.delta),
  );
}

/** Moves `delta` units into (positive) or out of (negative) the reserved part of a bin and lot. */
export async function changeReserved(tx: InventoryTransaction, bin: BinLotChange, delta: number): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE stock_level SET reserved = reserved + $6, updated_at = now()
      WHERE warehouse_id = $1 AND merchant_id = $2 AND sku = $3 AND location_code = $4 AND lot_code = $5`,
    bin.warehouseId,
    bin.merchantId,
    bin.sku,
    bin.locationCode,
    bin.lotCode,
    delta,
  );
}

/** Takes reserved units off a bin's shelf (of one lot): onHand and reserved both go down. */
export async function consumeFromBin(tx: InventoryTransaction, bin: BinLotChange, quantity: number): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE stock_level SET on_hand = on_hand - $6, reserved = reserved - $6, updated_at = now()
      WHERE warehouse_id = $1 AND merchant_id = $2 AND sku = $3 AND location_code = $4 AND lot_code = $5`,
    bin.warehouseId,
    bin.merchantId,
    bin.sku,
    bin.locationCode,
    bin.lotCode,
    quantity,
  );
}

/** Adds units to a bin (of one lot), creating its row the first time the SKU (or lot) lands there. */
export async function addToBin(tx: InventoryTransaction, bin: BinLotChange, quantity: number): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO stock_level (warehouse_id, merchant_id, sku, location_code, lot_code, on_hand) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (warehouse_id, merchant_id, sku, location_code, lot_code) DO UPDATE SET on_hand = stock_level.on_hand + $6, updated_at = now()`,
    bin.warehouseId,
    bin.merchantId,
    bin.sku,
    bin.locationCode,
    bin.lotCode,
    quantity,
  );
}

function binOf(row: BinRow): BinStock {
  const bin = { locationCode: row.location_code, onHand: row.on_hand, reserved: row.reserved };
  if (row.lot_code === '') return bin;
  return { ...bin, lot: { code: row.lot_code, expiresOn: row.expires_on, receivedAt: new Date(row.received_ms ?? 0) } };
}
