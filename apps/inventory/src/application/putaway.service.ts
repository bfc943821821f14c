import { Injectable, Logger } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import type { PutAwayStock } from '@wo/contracts/inventory';
import type { InventoryTransaction } from '../persistence/inventory-database';
import { contradictsExpiry, findOrCreateLot } from '../persistence/lots';
import { addToBin } from '../persistence/stock-levels';
import { publishStockAvailable } from './stock-available';

/**
 * Received goods put on a shelf: onHand rises at that location (and lot, for a lot-tracked SKU),
 * once per putaway, with a ledger row. A lot-tracked SKU is held under the lot given, or under the
 * inbound order's id when none is. An untracked SKU is held without a lot, but the putaway and the
 * ledger record the lot given (finished goods always have one) so the lot trace finds them.
 */
@Injectable()
export class PutawayService {
  private readonly logger = new Logger(PutawayService.name);

  async putAway(tx: InventoryTransaction, command: EnvelopeOf<typeof PutAwayStock>): Promise<void> {
    const { putawayId, inboundOrderId, warehouseId, merchantId, sku, locationCode, quantity, lot, expiresOn } = command.payload;
    // A re-send carries a new message id but the same putaway id.
    if (await tx.putaway.findUnique({ where: { id: putawayId } })) return;
    const product = await tx.product.findUnique({ where: { merchantId_sku: { merchantId, sku } } });
    let lotCode = lot ?? null;
    let heldUnder = '';
    if (product?.lotTracked) {
      lotCode = lot ?? inboundOrderId;
      const known = await findOrCreateLot(tx, { merchantId, sku, code: lotCode, expiresOn });
      // Goods are on the shelf already: a putaway is never refused, the lot keeps its first expiry.
      if (contradictsExpiry(known, expiresOn)) {
        this.logger.warn(
          `putaway ${putawayId}: lot ${lotCode} of ${sku} expires on ${known.expiresOn ?? 'no day'}, not ${expiresOn}; keeping its first expiry`,
        );
      }
      heldUnder = lotCode;
    }
    await tx.putaway.create({
      data: { id: putawayId, inboundOrderId, warehouseId, merchantId, sku, locationCode, quantity, lotCode, expiresOn: expiresOn ? dateOf(expiresOn) : null },
    });
    await addToBin(tx, { warehouseId, merchantId, sku, locationCode, lotCode: heldUnder }, quantity);
    await tx.stockMovement.create({
      data: { warehouseId, merchantId, sku, locationCode, lotCode, quantity, kind: 'PUTAWAY', reason: 'inbound putaway', reference: inboundOrderId },
    });
    await publishStockAvailable(tx, { warehouseId, merchantId, sku }, 'putaway', command);
  }
}

/** A `YYYY-MM-DD` day as the Date Prisma writes to a date column. */
function dateOf(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
