import { Injectable } from '@nestjs/common';
import { escapeLikePattern } from '@wo/database';
import { LocationAdded, MerchantRegistered, ProductRegistered, WarehouseRegistered } from '@wo/contracts/inventory';
import type { ProductQuery } from '@wo/contracts/rest';
import { appendToOutbox } from '@wo/messaging';
import { cappedCountArgs, cappedTotal, refuse, skipTake, type PageRequest } from '@wo/platform';
import { randomUUID } from 'node:crypto';
import { InventoryDatabase } from '../persistence/inventory-database';

/** The Products list's order: the (sku, merchant_id, id) index's. */
const BY_SKU = [{ sku: 'asc' as const }, { merchantId: 'asc' as const }, { id: 'asc' as const }];

/**
 * Merchants, warehouses with their locations, and products. Each registration is announced on
 * the reference-data topic so other services can validate work orders without asking us.
 */
@Injectable()
export class ReferenceDataService {
  constructor(private readonly db: InventoryDatabase) {}

  registerMerchant(input: { name: string }) {
    const id = randomUUID();
    return this.db.$transaction(async (tx) => {
      const merchant = await tx.merchant.create({ data: { id, name: input.name } });
      await appendToOutbox(tx, [MerchantRegistered.outgoing({ merchantId: id, name: input.name }, { correlationId: id, key: id })]);
      return merchant;
    });
  }

  /** Oldest first, then by id. */
  /** `scope`: the merchants a scoped caller serves (undefined: every merchant). */
  async listMerchants(page: PageRequest, scope?: readonly string[]) {
    const where = scope === undefined ? {} : { id: { in: [...scope] } };
    const [items, total] = await Promise.all([
      this.db.merchant.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], ...skipTake(page) }),
      this.db.merchant.count({ where }),
    ]);
    return { items, total };
  }

  async registerWarehouse(input: { code: string; name: string; locations: string[] }) {
    if (await this.db.warehouse.findUnique({ where: { code: input.code } })) {
      return refuse.invalid([{ field: 'code', message: `warehouse ${input.code} already exists` }]);
    }
    const id = randomUUID();
    return this.db.$transaction(async (tx) => {
      const warehouse = await tx.warehouse.create({
        data: { id, code: input.code, name: input.name, locations: { create: unique(input.locations).map((code) => ({ code })) } },
        include: { locations: { orderBy: { code: 'asc' } } },
      });
      const locations = warehouse.locations.map((location) => location.code);
      await appendToOutbox(tx, [
        WarehouseRegistered.outgoing({ warehouseId: id, code: input.code, name: input.name, locations }, { correlationId: id, key: id }),
      ]);
      return presentWarehouse(warehouse);
    });
  }

  /** By code, which is unique. */
  async listWarehouses(page: PageRequest) {
    const [warehouses, total] = await Promise.all([
      this.db.warehouse.findMany({ orderBy: { code: 'asc' }, include: { locations: { orderBy: { code: 'asc' } } }, ...skipTake(page) }),
      this.db.warehouse.count(),
    ]);
    return { items: warehouses.map(presentWarehouse), total };
  }

  async addLocation(warehouseId: string, code: string) {
    const warehouse = await this.db.warehouse.findUnique({ where: { id: warehouseId } });
    if (!warehouse) return refuse.notFound('Warehouse', warehouseId);
    const existing = await this.db.location.findUnique({ where: { warehouseId_code: { warehouseId, code } } });
    if (existing) return refuse.invalid([{ field: 'code', message: `location ${code} already exists in ${warehouse.code}` }]);
    return this.db.$transaction(async (tx) => {
      const location = await tx.location.create({ data: { warehouseId, code } });
      await appendToOutbox(tx, [LocationAdded.outgoing({ warehouseId, code }, { correlationId: warehouseId, key: warehouseId })]);
      return { warehouseId, code: location.code };
    });
  }

  async registerProduct(input: { merchantId: string; sku: string; name: string; lotTracked: boolean }) {
    if (!(await this.db.merchant.findUnique({ where: { id: input.merchantId } }))) {
      return refuse.invalid([{ field: 'merchantId', message: `unknown merchant ${input.merchantId}` }]);
    }
    if (await this.db.product.findUnique({ where: { merchantId_sku: { merchantId: input.merchantId, sku: input.sku } } })) {
      return refuse.invalid([{ field: 'sku', message: `${input.sku} already exists for this merchant` }]);
    }
    const id = randomUUID();
    return this.db.$transaction(async (tx) => {
      const product = await tx.product.create({ data: { id, ...input } });
      await appendToOutbox(tx, [ProductRegistered.outgoing({ productId: id, ...input }, { correlationId: id, key: id })]);
      return product;
    });
  }

  /** By SKU; `q` (a SKU picker's search) matches a SKU prefix or a name substring, literally, any case. */
  /** `scope`: the merchants a scoped caller serves (undefined: every merchant). */
  async listProducts(filter: ProductQuery, scope?: readonly string[]) {
    const term = filter.q === undefined ? null : escapeLikePattern(filter.q);
    const where = {
      ...(filter.merchantId !== undefined && { merchantId: filter.merchantId }),
      ...(filter.sku !== undefined && { sku: filter.sku }),
      ...(scope !== undefined && { AND: [{ merchantId: { in: [...scope] } }] }),
      ...(term !== null && { OR: [{ sku: { startsWith: term, mode: 'insensitive' as const } }, { name: { contains: term, mode: 'insensitive' as const } }] }),
    };
    const page = { page: filter.page, pageSize: filter.limit ?? filter.pageSize };
    // 200,000 products and more: the page comes off the (sku, merchant, id) index, a search off the
    // trigram indexes, and the total is counted up to the cap.
    const [items, counted] = await Promise.all([
      this.db.product.findMany({ where, orderBy: BY_SKU, ...skipTake(page) }),
      this.db.product.count({ where, ...cappedCountArgs(BY_SKU) }),
    ]);
    return { items, ...cappedTotal(counted) };
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function presentWarehouse(warehouse: { id: string; code: string; name: string; createdAt: Date; locations: { code: string }[] }) {
  return {
    id: warehouse.id,
    code: warehouse.code,
    name: warehouse.name,
    createdAt: warehouse.createdAt,
    locations: warehouse.locations.map((location) => location.code),
  };
}
