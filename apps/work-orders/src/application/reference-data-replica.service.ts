import { Injectable } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import type { MerchantRegistered, ProductRegistered, WarehouseRegistered } from '@wo/contracts/inventory';
import { claimInbox } from '@wo/messaging';
import { WorkOrdersDatabase, type WorkOrdersTransaction } from '../persistence/work-orders-database';

/** Keeps the local replica of inventory's merchants, warehouses and products up to date. */
@Injectable()
export class ReferenceDataReplica {
  constructor(private readonly db: WorkOrdersDatabase) {}

  merchantRegistered(event: EnvelopeOf<typeof MerchantRegistered>) {
    const { merchantId: id, name } = event.payload;
    return this.once(event, (tx) => tx.knownMerchant.upsert({ where: { id }, create: { id, name }, update: { name } }));
  }

  warehouseRegistered(event: EnvelopeOf<typeof WarehouseRegistered>) {
    const { warehouseId: id, code, name } = event.payload;
    return this.once(event, (tx) => tx.knownWarehouse.upsert({ where: { id }, create: { id, code, name }, update: { code, name } }));
  }

  productRegistered(event: EnvelopeOf<typeof ProductRegistered>) {
    const { merchantId, sku, name } = event.payload;
    return this.once(event, (tx) =>
      tx.knownProduct.upsert({ where: { merchantId_sku: { merchantId, sku } }, create: { merchantId, sku, name }, update: { name } }),
    );
  }

  private once(event: { id: string; type: string } & EnvelopeOf<typeof MerchantRegistered | typeof WarehouseRegistered | typeof ProductRegistered>, apply: (tx: WorkOrdersTransaction) => Promise<unknown>) {
    return this.db.$transaction(async (tx) => {
      if (!(await claimInbox(tx, event))) return 'duplicate';
      await apply(tx);
      return 'applied';
    });
  }
}
