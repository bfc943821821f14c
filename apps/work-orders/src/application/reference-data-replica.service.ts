import { Injectable } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import type { MerchantRegistered, ProductRegistered, WarehouseRegistered } from '@wo/contracts/inventory';
import { applyOnce } from '@wo/messaging';
import { WorkOrdersDatabase } from '../persistence/work-orders-database';

/** Keeps the local replica of inventory's merchants, warehouses and products up to date. */
@Injectable()
export class ReferenceDataReplica {
  constructor(private readonly db: WorkOrdersDatabase) {}

  merchantRegistered(event: EnvelopeOf<typeof MerchantRegistered>) {
    const { merchantId: id, name } = event.payload;
    return applyOnce(this.db, event, (tx) => tx.knownMerchant.upsert({ where: { id }, create: { id, name }, update: { name } }));
  }

  warehouseRegistered(event: EnvelopeOf<typeof WarehouseRegistered>) {
    const { warehouseId: id, code, name } = event.payload;
    return applyOnce(this.db, event, (tx) => tx.knownWarehouse.upsert({ where: { id }, create: { id, code, name }, update: { code, name } }));
  }

  productRegistered(event: EnvelopeOf<typeof ProductRegistered>) {
    const { merchantId, sku, name } = event.payload;
    return applyOnce(this.db, event, (tx) =>
      tx.knownProduct.upsert({ where: { merchantId_sku: { merchantId, sku } }, create: { merchantId, sku, name }, update: { name } }),
    );
  }
}
