import { Injectable } from '@nestjs/common';
import type { StockRow } from '@wo/contracts/rest';
import { isRefusal, pageOf, refusableTransaction, refuse, skipTake, type FieldError, type PageRequest, type Refusal } from '@wo/platform';
import { decideAdjustment } from '../domain/stock-adjustment';
import { isExpired } from '../domain/stock-allocation';
import { InventoryDatabase } from '../persistence/inventory-database';
import { contradictsExpiry, findOrCreateLot, type KnownLot } from '../persistence/lots';
import { lockBins } from '../persistence/stock-levels';
import { publishStockAvailable } from './stock-available';
import { todayUtc } from './today';

export interface AdjustmentInput {
  warehouseId: string;
  merchantId: string;
  sku: string;
  locationCode: string;
  quantity: number;
  reason: string;
  /** Required for a lot-tracked SKU, refused for any other. */
  lot?: { code: string; expiresOn?: string };
}

export interface StockFilter {
  warehouseId?: string;
  merchantId?: string;
  sku?: string;
}

/** Restocks and corrections, the stock query, and the ledger that explains every change of onHand. */
@Injectable()
export class StockService {
  constructor(private readonly db: InventoryDatabase) {}

  /**
   * A restock or correction of one bin, and of one lot for a lot-tracked SKU: a new lot is created
   * with its expiry; a known one keeps its own, and naming another is refused.
   */
  async adjust(input: AdjustmentInput) {
    const references = await this.references(input);
    if (isRefusal(references)) return references;
    const lotRefusal = lotNaming(references.lotTracked, input);
    if (lotRefusal) return lotRefusal;
    // The bin row (and a new lot) are made before the decision: a refusal rolls them back with the rest.
    return refusableTransaction(this.db, async (tx) => {
      const key = { warehouseId: input.warehouseId, merchantId: input.merchantId, sku: input.sku };
      let lot: KnownLot | null = null;
      if (input.lot) {
        lot = await findOrCreateLot(tx, { ...key, code: input.lot.code, expiresOn: input.lot.expiresOn });
        if (contradictsExpiry(lot, input.lot.expiresOn)) {
          return refuse.invalid([
            { field: 'lot.expiresOn', message: `lot ${lot.code} of ${input.sku} expires on ${lot.expiresOn ?? 'no day'}, not ${input.lot.expiresOn}` },
          ]);
        }
      }
      const bin = { ...key, locationCode: input.locationCode, lotCode: lot?.code ?? '' };
      await tx.stockLevel.upsert({ where: { warehouseId_merchantId_sku_locationCode_lotCode: bin }, create: bin, update: {} });
      const [locked] = await lockBins(tx, key, bin.locationCode, bin.lotCode);
      const decision = decideAdjustment(locked!, input.quantity);
      if (decision.kind === 'refused') return refuse.conflict(decision.detail, { field: 'quantity' });
      if (decision.kind === 'out-of-range') return refuse.invalid([{ field: 'quantity', message: decision.detail }]);
      await tx.stockLevel.update({ where: { warehouseId_merchantId_sku_locationCode_lotCode: bin }, data: { onHand: decision.onHand, updatedAt: new Date() } });
      const movement = await tx.stockMovement.create({
        data: { ...key, locationCode: input.locationCode, lotCode: lot?.code ?? null, quantity: input.quantity, kind: 'ADJUSTMENT', reason: input.reason },
      });
      if (input.quantity > 0) await publishStockAvailable(tx, key, 'adjustment');
      return {
        movementId: movement.id.toString(),
        ...key,
        locationCode: input.locationCode,
        quantity: input.quantity,
        lot: lot?.code ?? null,
        expiresOn: lot?.expiresOn ?? null,
        onHand: decision.onHand,
        reserved: locked!.reserved,
      };
    });
  }

  /**
   * A page of rows (each its bins together), by warehouse, merchant and SKU: one row per SKU with
   * its per-location breakdown and, for a lot-tracked SKU, each location's lots earliest expiry
   * first. Expired lots are on hand but not available.
   * `scope`: the merchants a scoped caller serves (undefined: every merchant).
   */
  async query({ page, pageSize, ...filter }: StockFilter & PageRequest, scope?: readonly string[]): Promise<{ items: StockRow[]; total: number }> {
    const today = todayUtc();
    const levels = await this.db.$queryRawUnsafe<StockLevelRow[]>(
      `SELECT s.warehouse_id, s.merchant_id, s.sku, s.location_code, s.lot_code, s.on_hand, s.reserved,
              l.expires_on::text AS expires_on, COALESCE(p.lot_tracked, false) AS lot_tracked
         FROM stock_level s
         LEFT JOIN lot l ON l.merchant_id = s.merchant_id AND l.sku = s.sku AND l.code = s.lot_code
         LEFT JOIN product p ON p.merchant_id = s.merchant_id AND p.sku = s.sku
        WHERE ($1::text IS NULL OR s.warehouse_id = $1) AND ($2::text IS NULL OR s.merchant_id = $2) AND ($3::text IS NULL OR s.sku = $3)
          AND ($4::text[] IS NULL OR s.merchant_id = ANY($4::text[]))
        ORDER BY s.warehouse_id, s.merchant_id, s.sku, s.location_code, l.expires_on ASC NULLS LAST, l.received_at, s.lot_code`,
      filter.warehouseId ?? null,
      filter.merchantId ?? null,
      filter.sku ?? null,
      scope === undefined ? null : [...scope],
    );
    const rows = new Map<string, StockRow>();
    for (const level of levels) {
      const key = `${level.warehouse_id}|${level.merchant_id}|${level.sku}`;
      const row = rows.get(key) ?? {
        warehouseId: level.warehouse_id,
        merchantId: level.merchant_id,
        sku: level.sku,
        lotTracked: level.lot_tracked,
        onHand: 0,
        reserved: 0,
        available: 0,
        locations: [],
      };
      const expired = isExpired({ expiresOn: level.expires_on }, today);
      const available = expired ? 0 : level.on_hand - level.reserved;
      let location = row.locations.at(-1);
      if (location?.locationCode !== level.location_code) {
        location = { locationCode: level.location_code, onHand: 0, reserved: 0, available: 0, lots: [] };
        row.locations.push(location);
      }
      for (const totals of [row, location]) {
        totals.onHand += level.on_hand;
        totals.reserved += level.reserved;
        totals.available += available;
      }
      if (level.lot_code !== '') {
        location.lots.push({ lot: level.lot_code, expiresOn: level.expires_on, expired, onHand: level.on_hand, reserved: level.reserved, available });
      }
      rows.set(key, row);
    }
    return pageOf([...rows.values()], { page, pageSize });
  }

  /** Oldest first (by id, which only grows). */
  async movements(
    { page, pageSize, lot, ...filter }: StockFilter & PageRequest & { locationCode?: string; reference?: string; lot?: string },
    scope?: readonly string[],
  ) {
    const where = { ...filter, ...(lot !== undefined && { lotCode: lot }), ...(scope !== undefined && { AND: [{ merchantId: { in: [...scope] } }] }) };
    const [movements, total] = await Promise.all([
      this.db.stockMovement.findMany({ where, orderBy: { id: 'asc' }, ...skipTake({ page, pageSize }) }),
      this.db.stockMovement.count({ where }),
    ]);
    return { items: movements.map(({ lotCode, ...movement }) => ({ ...movement, id: movement.id.toString(), lot: lotCode })), total };
  }

  /** The warehouse, location and product must exist: a refusal naming each one that does not. */
  private async references(input: AdjustmentInput): Promise<{ lotTracked: boolean } | Refusal> {
    const [warehouse, location, product] = await Promise.all([
      this.db.warehouse.findUnique({ where: { id: input.warehouseId } }),
      this.db.location.findUnique({ where: { warehouseId_code: { warehouseId: input.warehouseId, code: input.locationCode } } }),
      this.db.product.findUnique({ where: { merchantId_sku: { merchantId: input.merchantId, sku: input.sku } } }),
    ]);
    const errors: FieldError[] = [];
    if (!warehouse) errors.push({ field: 'warehouseId', message: `unknown warehouse ${input.warehouseId}` });
    else if (!location) errors.push({ field: 'locationCode', message: `no location ${input.locationCode} in warehouse ${warehouse.code}` });
    if (!product) errors.push({ field: 'sku', message: `unknown SKU ${input.sku} for merchant ${input.merchantId}` });
    return errors.length > 0 ? refuse.invalid(errors) : { lotTracked: product!.lotTracked };
  }
}

/** A lot-tracked SKU's adjustment names its lot; any other SKU's may not. */
function lotNaming(lotTracked: boolean, input: AdjustmentInput): Refusal | null {
  if (lotTracked && !input.lot) return refuse.invalid([{ field: 'lot', message: `${input.sku} is lot-tracked: name the lot adjusted` }]);
  if (!lotTracked && input.lot) return refuse.invalid([{ field: 'lot', message: `${input.sku} is not lot-tracked: its stock has no lots` }]);
  return null;
}

interface StockLevelRow {
  warehouse_id: string;
  merchant_id: string;
  sku: string;
  location_code: string;
  lot_code: string;
  on_hand: number;
  reserved: number;
  expires_on: string | null;
  lot_tracked: boolean;
}
