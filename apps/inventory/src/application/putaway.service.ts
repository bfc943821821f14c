import { Injectable } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import type { PutAwayStock } from '@wo/contracts/inventory';
import type { InventoryTransaction } from '../persistence/inventory-database';
import { addToBin } from '../persistence/stock-levels';
import { publishStockAvailable } from './stock-available';

/** Received goods put on a shelf: onHand rises at that location, once per putaway, with a ledger row. */
@Injectable()
export class PutawayService {
  async putAway(tx: InventoryTransaction, command: EnvelopeOf<typeof PutAwayStock>): Promise<void> {
    const { putawayId, inboundOrderId, warehouseId, merchantId, sku, locationCode, quantity } = command.payload;
    // A re-send carries a new message id but the same putaway id.
    if (await tx.putaway.findUnique({ where: { id: putawayId } })) return;
    await tx.putaway.create({ data: { id: putawayId, inboundOrderId, warehouseId, merchantId, sku, locationCode, quantity } });
    await addToBin(tx, { warehouseId, merchantId, sku }, locationCode, quantity);
    await tx.stockMovement.create({
      data: { warehouseId, merchantId, sku, locationCode, quantity, kind: 'PUTAWAY', reason: 'inbound putaway', reference: inboundOrderId },
    });
    await publishStockAvailable(tx, { warehouseId, merchantId, sku }, 'putaway', command);
  }
}
