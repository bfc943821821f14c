import { Injectable } from '@nestjs/common';
import type { EnvelopeOf, OutgoingMessage } from '@wo/contracts/envelope';
import { ReservationConsumed, StockReleased, StockReservationRejected, StockReserved, type ConsumeReservation, type ReleaseStock, type ReserveStock } from '@wo/contracts/inventory';
import { allocateAcrossBins } from '../domain/stock-allocation';
import type { InventoryTransaction } from '../persistence/inventory-database';
import { changeReserved, consumeFromBin, lockBins } from '../persistence/stock-levels';

const Status = { Reserved: 'RESERVED', Rejected: 'REJECTED', Released: 'RELEASED', Consumed: 'CONSUMED' } as const;

/**
 * Reserves, releases and consumes stock for work-order lines, inside the caller's transaction
 * (which also records the command in the inbox and its reply in the outbox). The reservation id
 * decides: a command re-sent with a new message id gets the answer it got the first time.
 */
@Injectable()
export class ReservationService {
  async reserve(tx: InventoryTransaction, command: EnvelopeOf<typeof ReserveStock>): Promise<OutgoingMessage> {
    return (await this.replayReservation(tx, command)) ?? (await this.reserveNow(tx, command));
  }

  async release(tx: InventoryTransaction, command: EnvelopeOf<typeof ReleaseStock>): Promise<OutgoingMessage> {
    const { reservationId, sku } = command.payload;
    const reservation = await tx.reservation.findUnique({ where: { id: reservationId }, include: { allocations: true } });
    let released = 0;
    if (reservation?.status === Status.Reserved) {
      for (const allocation of reservation.allocations) await changeReserved(tx, reservation, allocation.locationCode, -allocation.quantity);
      await tx.reservation.update({ where: { id: reservationId }, data: { status: Status.Released, updatedAt: new Date() } });
      released = reservation.quantity;
    }
    return StockReleased.outgoing({ reservationId, sku, quantity: released }, replyContext(command));
  }

  /**
   * Completion: the reserved quantity leaves the shelves where it was held, once. onHand and
   * reserved both go down at each bin, and the ledger records a CONSUMPTION per bin.
   */
  async consume(tx: InventoryTransaction, command: EnvelopeOf<typeof ConsumeReservation>): Promise<OutgoingMessage> {
    const { reservationId, sku, workOrderId } = command.payload;
    const reservation = await tx.reservation.findUnique({ where: { id: reservationId }, include: { allocations: true } });
    const holdsStock = reservation?.status === Status.Reserved || reservation?.status === Status.Consumed;
    const consumed = holdsStock ? reservation.allocations.map(({ locationCode, quantity }) => ({ locationCode, quantity })) : [];
    if (reservation?.status === Status.Reserved) {
      await lockBins(tx, reservation);
      for (const allocation of consumed) {
        await consumeFromBin(tx, reservation, allocation.locationCode, allocation.quantity);
        await tx.stockMovement.create({
          data: { warehouseId: reservation.warehouseId, merchantId: reservation.merchantId, sku, locationCode: allocation.locationCode, quantity: -allocation.quantity, kind: 'CONSUMPTION', reason: 'work order completed', reference: workOrderId },
        });
      }
      await tx.reservation.update({ where: { id: reservationId }, data: { status: Status.Consumed, updatedAt: new Date() } });
    }
    const quantity = consumed.reduce((sum, allocation) => sum + allocation.quantity, 0);
    return ReservationConsumed.outgoing({ reservationId, sku, quantity, consumed }, replyContext(command));
  }

  private async reserveNow(tx: InventoryTransaction, command: EnvelopeOf<typeof ReserveStock>): Promise<OutgoingMessage> {
    const { reservationId, workOrderId, lineId, warehouseId, merchantId, sku, quantity } = command.payload;
    const key = { warehouseId, merchantId, sku };
    const decision = allocateAcrossBins(await lockBins(tx, key), quantity);
    const base = { id: reservationId, workOrderId, lineId, warehouseId, merchantId, sku, quantity };
    if (decision.kind === 'short') {
      await tx.reservation.create({ data: { ...base, status: Status.Rejected, available: decision.available } });
      return StockReservationRejected.outgoing({ reservationId, lineId, sku, requested: quantity, available: decision.available }, replyContext(command));
    }
    for (const allocation of decision.allocations) await changeReserved(tx, key, allocation.locationCode, allocation.quantity);
    await insertReservation(tx, base, decision.allocations);
    return StockReserved.outgoing({ reservationId, lineId, sku, quantity, allocations: [...decision.allocations] }, replyContext(command));
  }

  /** A reservation id seen before gets the answer it got then: the command was re-sent. */
  private async replayReservation(tx: InventoryTransaction, command: EnvelopeOf<typeof ReserveStock>): Promise<OutgoingMessage | null> {
    // The common case is a new id: look for it cheaply, and read its allocations only if it exists.
    const seen = await tx.$queryRawUnsafe<unknown[]>('SELECT 1 FROM reservation WHERE id = $1', command.payload.reservationId);
    if (seen.length === 0) return null;
    const reservation = await tx.reservation.findUniqueOrThrow({ where: { id: command.payload.reservationId }, include: { allocations: true } });
    const { id: reservationId, lineId, sku, quantity } = reservation;
    switch (reservation.status) {
      case Status.Reserved:
        return StockReserved.outgoing(
          { reservationId, lineId, sku, quantity, allocations: reservation.allocations.map(({ locationCode, quantity: q }) => ({ locationCode, quantity: q })) },
          replyContext(command),
        );
      case Status.Rejected:
        return StockReservationRejected.outgoing({ reservationId, lineId, sku, requested: quantity, available: reservation.available ?? 0 }, replyContext(command));
      default:
        // Released or consumed: it holds nothing now, and a late re-send must not hold it again.
        return StockReleased.outgoing({ reservationId, sku, quantity: 0 }, replyContext(command));
    }
  }
}

/** The reservation and its bins in one statement (the hot path of every allocation). */
async function insertReservation(
  tx: InventoryTransaction,
  reservation: { id: string; workOrderId: string; lineId: string; warehouseId: string; merchantId: string; sku: string; quantity: number },
  allocations: readonly { locationCode: string; quantity: number }[],
): Promise<void> {
  await tx.$executeRawUnsafe(
    `WITH added AS (
       INSERT INTO reservation (id, work_order_id, line_id, warehouse_id, merchant_id, sku, quantity, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '${Status.Reserved}') RETURNING id)
     INSERT INTO reservation_allocation (reservation_id, location_code, quantity)
     SELECT added.id, bins.location_code, bins.quantity FROM added, unnest($8::text[], $9::int[]) AS bins(location_code, quantity)`,
    reservation.id,
    reservation.workOrderId,
    reservation.lineId,
    reservation.warehouseId,
    reservation.merchantId,
    reservation.sku,
    reservation.quantity,
    allocations.map((allocation) => allocation.locationCode),
    allocations.map((allocation) => allocation.quantity),
  );
}

/** Replies travel on the saga's key so one work-orders partition sees a saga's replies in order. */
function replyContext(command: { id: string; correlationId: string }) {
  return { correlationId: command.correlationId, causationId: command.id, key: command.correlationId };
}
