import { Injectable, Logger } from '@nestjs/common';
import type { EnvelopeOf, OutgoingMessage } from '@wo/contracts/envelope';
import { PutawayRefused, type PutAwayStock, type PutawayRefusalField } from '@wo/contracts/inventory';
import { decidePutaway } from '../domain/putaway-decision';
import type { RefusedPutaway } from '../generated/prisma/client';
import type { InventoryTransaction } from '../persistence/inventory-database';
import { contradictsExpiry, findOrCreateLot } from '../persistence/lots';
import { addToBin, lockBins } from '../persistence/stock-levels';
import { publishStockAvailable } from './stock-available';

/**
 * Received goods put on a shelf: onHand rises at that location (and lot, for a lot-tracked SKU),
 * once per putaway, with a ledger row; or, when the bin cannot take them (see decidePutaway), no
 * stock moves and inbound is told (PutawayRefused), so the goods are not counted as shelved. A lot-tracked SKU is held under the lot given, or under the
 * inbound order's id when none is. An untracked SKU is held without a lot, but the putaway and the
 * ledger record the lot given (finished goods always have one) so the lot trace finds them.
 */
@Injectable()
export class PutawayService {
  private readonly logger = new Logger(PutawayService.name);

  /**
   * Shelves the putaway, or refuses it (no stock moves) when the bin cannot take it: the refusal is
   * kept and returned as the reply to send, the same again for a re-sent command.
   */
  async putAway(tx: InventoryTransaction, command: EnvelopeOf<typeof PutAwayStock>): Promise<OutgoingMessage[]> {
    const { putawayId, inboundOrderId, warehouseId, merchantId, sku, locationCode, quantity, lot, expiresOn } = command.payload;
    // A re-send carries a new message id but the same putaway id.
    if (await tx.putaway.findUnique({ where: { id: putawayId } })) return [];
    const refusedBefore = await tx.refusedPutaway.findUnique({ where: { id: putawayId } });
    if (refusedBefore) return [refusal(command, refusedBefore)];
    const product = await tx.product.findUnique({ where: { merchantId_sku: { merchantId, sku } } });
    const heldUnder = product?.lotTracked ? (lot ?? inboundOrderId) : '';
    const decision = decidePutaway({
      sku,
      locationCode,
      quantity,
      locationKnown: (await tx.location.findUnique({ where: { warehouseId_code: { warehouseId, code: locationCode } } })) !== null,
      productKnown: product !== null,
      onHand: (await lockBins(tx, { warehouseId, merchantId, sku }, locationCode, heldUnder))[0]?.onHand ?? 0,
    });
    if (decision.kind === 'refused') {
      this.logger.warn(`putaway ${putawayId} of ${quantity} ${sku} at ${locationCode} refused: ${decision.reason}`);
      const kept = await tx.refusedPutaway.create({
        data: { id: putawayId, inboundOrderId, sku, locationCode, quantity, field: decision.field, reason: decision.reason },
      });
      return [refusal(command, kept)];
    }
    let lotCode = lot ?? null;
    if (product?.lotTracked) {
      lotCode = heldUnder;
      const known = await findOrCreateLot(tx, { merchantId, sku, code: lotCode, expiresOn });
      // Goods are on the shelf already: a putaway is never refused for its expiry, the lot keeps its first one.
      if (contradictsExpiry(known, expiresOn)) {
        this.logger.warn(
          `putaway ${putawayId}: lot ${lotCode} of ${sku} expires on ${known.expiresOn ?? 'no day'}, not ${expiresOn}; keeping its first expiry`,
        );
      }
    }
    await tx.putaway.create({
      data: { id: putawayId, inboundOrderId, warehouseId, merchantId, sku, locationCode, quantity, lotCode, expiresOn: expiresOn ? dateOf(expiresOn) : null },
    });
    await addToBin(tx, { warehouseId, merchantId, sku, locationCode, lotCode: heldUnder }, quantity);
    await tx.stockMovement.create({
      data: { warehouseId, merchantId, sku, locationCode, lotCode, quantity, kind: 'PUTAWAY', reason: 'inbound putaway', reference: inboundOrderId },
    });
    await publishStockAvailable(tx, { warehouseId, merchantId, sku }, 'putaway', command);
    return [];
  }
}

/** The answer to a refused putaway, addressed to the inbound order it belongs to. */
function refusal(command: EnvelopeOf<typeof PutAwayStock>, refused: RefusedPutaway): OutgoingMessage {
  const { id: putawayId, inboundOrderId, sku, locationCode, quantity, reason } = refused;
  return PutawayRefused.outgoing(
    { putawayId, inboundOrderId, sku, locationCode, quantity, field: refused.field as PutawayRefusalField, reason },
    { correlationId: command.correlationId, cause: command, key: inboundOrderId },
  );
}

/** A `YYYY-MM-DD` day as the Date Prisma writes to a date column. */
function dateOf(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
