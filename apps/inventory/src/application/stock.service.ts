import { Injectable } from '@nestjs/common';
import { pageOf, refusableTransaction, refuse, skipTake, type FieldError, type PageRequest, type Refusal } from '@wo/platform';
import { decideAdjustment } from '../domain/stock-adjustment';
import { InventoryDatabase } from '../persistence/inventory-database';
import { lockBins } from '../persistence/stock-levels';
import { publishStockAvailable } from './stock-available';

export interface AdjustmentInput {
  warehouseId: string;
  merchantId: string;
  sku: string;
  locationCode: string;
  quantity: number;
  reason: string;
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

  async adjust(input: AdjustmentInput) {
    const unknown = await this.unknownReferences(input);
    if (unknown) return unknown;
    // The bin row is made before the decision: a refusal rolls it back with the rest.
    return refusableTransaction(this.db, async (tx) => {
      const key = { warehouseId: input.warehouseId, merchantId: input.merchantId, sku: input.sku };
      await tx.stockLevel.upsert({
        where: { warehouseId_merchantId_sku_locationCode_lotCode: { ...key, locationCode: input.locationCode, lotCode: '' } },
        create: { ...key, locationCode: input.locationCode },
        update: {},
      });
      const [bin] = await lockBins(tx, key, input.locationCode);
      const decision = decideAdjustment(bin!, input.quantity);
      if (decision.kind === 'refused') return refuse.conflict(decision.detail, { field: 'quantity' });
      if (decision.kind === 'out-of-range') return refuse.invalid([{ field: 'quantity', message: decision.detail }]);
      await tx.stockLevel.update({
        where: { warehouseId_merchantId_sku_locationCode_lotCode: { ...key, locationCode: input.locationCode, lotCode: '' } },
        data: { onHand: decision.onHand, updatedAt: new Date() },
      });
      const movement = await tx.stockMovement.create({
        data: { ...key, locationCode: input.locationCode, quantity: input.quantity, kind: 'ADJUSTMENT', reason: input.reason },
      });
      if (input.quantity > 0) await publishStockAvailable(tx, key, 'adjustment');
      return {
        movementId: movement.id.toString(),
        ...key,
        locationCode: input.locationCode,
        quantity: input.quantity,
        onHand: decision.onHand,
        reserved: bin!.reserved,
      };
    });
  }

  /** One row per warehouse, merchant and SKU, with its per-location breakdown. */
  /** A page of rows (each its bins together), by warehouse, merchant and SKU. */
  /** `scope`: the merchants a scoped caller serves (undefined: every merchant). */
  async query({ page, pageSize, ...filter }: StockFilter & PageRequest, scope?: readonly string[]) {
    const levels = await this.db.stockLevel.findMany({
      where: { ...filter, ...(scope !== undefined && { AND: [{ merchantId: { in: [...scope] } }] }) },
      orderBy: [{ warehouseId: 'asc' }, { merchantId: 'asc' }, { sku: 'asc' }, { locationCode: 'asc' }],
    });
    const rows = new Map<
      string,
      {
        warehouseId: string;
        merchantId: string;
        sku: string;
        onHand: number;
        reserved: number;
        available: number;
        locations: { locationCode: string; onHand: number; reserved: number; available: number }[];
      }
    >();
    for (const level of levels) {
      const key = `${level.warehouseId}|${level.merchantId}|${level.sku}`;
      const row = rows.get(key) ?? {
        warehouseId: level.warehouseId,
        merchantId: level.merchantId,
        sku: level.sku,
        onHand: 0,
        reserved: 0,
        available: 0,
        locations: [],
      };
      row.onHand += level.onHand;
      row.reserved += level.reserved;
      row.available += level.onHand - level.reserved;
      row.locations.push({ locationCode: level.locationCode, onHand: level.onHand, reserved: level.reserved, available: level.onHand - level.reserved });
      rows.set(key, row);
    }
    return pageOf([...rows.values()], { page, pageSize });
  }

  /** Oldest first (by id, which only grows). */
  async movements({ page, pageSize, ...filter }: StockFilter & PageRequest & { locationCode?: string; reference?: string }, scope?: readonly string[]) {
    const where = { ...filter, ...(scope !== undefined && { AND: [{ merchantId: { in: [...scope] } }] }) };
    const [movements, total] = await Promise.all([
      this.db.stockMovement.findMany({ where, orderBy: { id: 'asc' }, ...skipTake({ page, pageSize }) }),
      this.db.stockMovement.count({ where }),
    ]);
    return { items: movements.map((movement) => ({ ...movement, id: movement.id.toString() })), total };
  }

  /** The warehouse, location and product must exist: a refusal naming each one that does not. */
  private async unknownReferences(input: AdjustmentInput): Promise<Refusal | null> {
    const [warehouse, location, product] = await Promise.all([
      this.db.warehouse.findUnique({ where: { id: input.warehouseId } }),
      this.db.location.findUnique({ where: { warehouseId_code: { warehouseId: input.warehouseId, code: input.locationCode } } }),
      this.db.product.findUnique({ where: { merchantId_sku: { merchantId: input.merchantId, sku: input.sku } } }),
    ]);
    const errors: FieldError[] = [];
    if (!warehouse) errors.push({ field: 'warehouseId', message: `unknown warehouse ${input.warehouseId}` });
    else if (!location) errors.push({ field: 'locationCode', message: `no location ${input.locationCode} in warehouse ${warehouse.code}` });
    if (!product) errors.push({ field: 'sku', message: `unknown SKU ${input.sku} for merchant ${input.merchantId}` });
    return errors.length > 0 ? refuse.invalid(errors) : null;
  }
}
