import { Injectable } from '@nestjs/common';
import { TOTAL_COUNT_CAP, type StockRow } from '@wo/contracts/rest';
import {
  cappedCountArgs,
  cappedTotal,
  decodeCursor,
  encodeCursor,
  invalidInput,
  isRefusal,
  refusableTransaction,
  refuse,
  requireOnePagingMode,
  type CursorPage,
  type FieldError,
  type PageRequest,
  type Refusal,
} from '@wo/platform';
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
   * first. Expired lots are on hand but not available. The page's SKUs are picked first (the
   * primary key's order, by `page` or after the `after` cursor), then only their bins are read:
   * a network's few hundred thousand bins are never all in memory. The total is capped as the
   * work-order list's is. `scope`: the merchants a scoped caller serves (undefined: every merchant).
   */
  async query({ page, pageSize, after, ...filter }: StockFilter & PageRequest & { after?: string }, scope?: readonly string[]): Promise<CursorPage<StockRow>> {
    requireOnePagingMode({ page, after });
    const today = todayUtc();
    const [afterWarehouse, afterMerchant, afterSku] =
      after === undefined ? [null, null, null] : (decodeCursor(after, 'stock', ['string', 'string', 'string']) as string[]);
    const matching = `FROM stock_level s
        WHERE ($1::text IS NULL OR s.warehouse_id = $1) AND ($2::text IS NULL OR s.merchant_id = $2) AND ($3::text IS NULL OR s.sku = $3)
          AND ($4::text[] IS NULL OR s.merchant_id = ANY($4::text[]))`;
    const parameters = [filter.warehouseId ?? null, filter.merchantId ?? null, filter.sku ?? null, scope === undefined ? null : [...scope]];
    const [levels, [counted]] = await Promise.all([
      this.db.$queryRawUnsafe<StockLevelRow[]>(
        `WITH page AS (
           SELECT DISTINCT s.warehouse_id, s.merchant_id, s.sku ${matching}
              AND ($5::text IS NULL OR (s.warehouse_id, s.merchant_id, s.sku) > ($5, $6, $7))
            ORDER BY 1, 2, 3 LIMIT $8 OFFSET $9)
         SELECT s.warehouse_id, s.merchant_id, s.sku, s.location_code, s.lot_code, s.on_hand, s.reserved,
                l.expires_on::text AS expires_on, COALESCE(p.lot_tracked, false) AS lot_tracked
           FROM page JOIN stock_level s USING (warehouse_id, merchant_id, sku)
           LEFT JOIN lot l ON l.merchant_id = s.merchant_id AND l.sku = s.sku AND l.code = s.lot_code
           LEFT JOIN product p ON p.merchant_id = s.merchant_id AND p.sku = s.sku
          ORDER BY s.warehouse_id, s.merchant_id, s.sku, s.location_code, l.expires_on ASC NULLS LAST, l.received_at, s.lot_code`,
        ...parameters,
        afterWarehouse,
        afterMerchant,
        afterSku,
        // One SKU more than the page: whether a next page follows.
        pageSize + 1,
        after === undefined ? (page - 1) * pageSize : 0,
      ),
      this.db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM (SELECT DISTINCT s.warehouse_id, s.merchant_id, s.sku ${matching} LIMIT ${TOTAL_COUNT_CAP + 1}) AS k`,
        ...parameters,
      ),
    ]);
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
    const all = [...rows.values()];
    const items = all.slice(0, pageSize);
    const last = items.at(-1);
    return {
      items,
      ...cappedTotal(counted!.n),
      nextCursor: all.length > pageSize && last ? encodeCursor('stock', [last.warehouseId, last.merchantId, last.sku]) : null,
    };
  }

  /** Oldest first (by id, which only grows); by `page` or after the `after` cursor (the last id seen); the total capped. */
  async movements(
    { page, pageSize, lot, after, ...filter }: StockFilter & PageRequest & { locationCode?: string; reference?: string; lot?: string; after?: string },
    scope?: readonly string[],
  ) {
    requireOnePagingMode({ page, after });
    const afterId = after === undefined ? undefined : movementIdOf(after);
    const where = { ...filter, ...(lot !== undefined && { lotCode: lot }), ...(scope !== undefined && { AND: [{ merchantId: { in: [...scope] } }] }) };
    const [movements, counted] = await Promise.all([
      this.db.stockMovement.findMany({
        where: afterId === undefined ? where : { ...where, id: { gt: afterId } },
        orderBy: { id: 'asc' },
        skip: afterId === undefined ? (page - 1) * pageSize : 0,
        take: pageSize + 1,
      }),
      this.db.stockMovement.count({ where, ...cappedCountArgs({ id: 'asc' as const }) }),
    ]);
    const items = movements.slice(0, pageSize).map(({ lotCode, ...movement }) => ({ ...movement, id: movement.id.toString(), lot: lotCode }));
    return {
      items,
      ...cappedTotal(counted),
      nextCursor: movements.length > pageSize ? encodeCursor('movements', [items.at(-1)!.id]) : null,
    };
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

/** The last id a movements cursor carries (ids are bigint: a string of digits). */
function movementIdOf(after: string): bigint {
  const [id] = decodeCursor(after, 'movements', ['string']) as [string];
  if (!/^\d{1,19}$/.test(id)) throw invalidInput([{ field: 'query.after', message: 'not a cursor this list gave' }]);
  return BigInt(id);
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
