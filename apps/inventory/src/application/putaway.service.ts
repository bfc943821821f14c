import { Injectable } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import type { PutAwayStock } from '@wo/contracts/inventory';
import { claimInbox } from '@wo/messaging';
import { InventoryDatabase } from '../persistence/inventory-database';
import { addToBin } from '../persistence/stock-levels';
import type { HandlingResult } from './reservation.service';

/** Received goods put on a shelf: onHand rises at that location, once per putaway, with a ledger row. */
@Injectable()
export class PutawayService {
  constructor(private readonly db: InventoryDatabase) {}

  putAway(command: EnvelopeOf<typeof PutAwayStock>): Promise<HandlingResult> {
    return this.db.$transaction(async (tx) => {
      if (!(await claimInbox(tx, command))) return 'duplicate';
      const { putawayId, inboundOrderId, warehouseId, merchantId, sku, locationCode, quantity } = command.payload;
      // A re-send carries a new message id but the same putaway id.
      if (await tx.putaway.findUnique({ where: { id: putawayId } })) return 'duplicate';
      await tx.putaway.create({ data: { id: putawayId, inboundOrderId, warehouseId, merchantId, sku, locationCode, quantity } });
      await addToBin(tx, { warehouseId, merchantId, sku }, locationCode, quantity);
      await tx.stockMovement.create({ data: { warehouseId, merchantId, sku, locationCode, quantity, kind: 'PUTAWAY', reason: 'inbound putaway', reference: inboundOrderId } });
      return 'applied';
    });
  }
}
