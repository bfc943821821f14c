import { Injectable } from '@nestjs/common';
import type { Envelope, EnvelopeOf, OutgoingMessage } from '@wo/contracts/envelope';
import type { ReservationTally } from '@wo/observability';
import {
  ReservationConsumed,
  StockReleased,
  StockReservationRejected,
  StockReserved,
  type ConsumeReservation,
  type ReleaseStock,
  type ReserveStock,
} from '@wo/contracts/inventory';
import { decide, evolve, noReservation, ReservationStatus, type ReservationState } from '../domain/reservation-lifecycle';
import { binLotKey, type BinQuantity, type BinStock } from '../domain/stock-allocation';
import { publishStockAvailable } from './stock-available';
import type { InventoryTransaction, SqlTransaction } from '../persistence/inventory-database';
import {
  changeReserved,
  changeReservedOfMany,
  consumeFromBin,
  lockBins,
  lockBinsOfMany,
  stockKeyString,
  type BinLotChange,
  type StockKey,
} from '../persistence/stock-levels';
import { todayUtc } from './today';

/**
 * Reserves, releases and consumes stock for work-order lines, inside the caller's transaction
 * (which also records the command in the inbox and its reply in the outbox). The reservation id
 * decides: a command re-sent with a new message id gets the answer it got the first time.
 */
@Injectable()
export class ReservationService {
  /**
   * What a run of ReserveStock commands needs, in one round trip (two reads sent together): the
   * reservations already known, and the bins of every SKU involved, locked. The caller may send
   * its inbox claim with them, so it reads for every command of the run; the extra rows of a
   * duplicate are harmless.
   */
  async readForReservations(tx: SqlTransaction, commands: readonly EnvelopeOf<typeof ReserveStock>[]): Promise<ReservationReads> {
    const [known, bins] = await Promise.all([
      findReservations(
        tx,
        commands.map((command) => command.payload.reservationId),
      ),
      lockBinsOfMany(tx, uniqueKeys(commands.map((command) => command.payload))),
    ]);
    return { known, bins };
  }

  /**
   * Reserves for a run of ReserveStock commands in a handful of statements, whatever their number:
   * with what `readForReservations` read, the decisions are taken in memory in command order (each
   * sees the ones before it), and the stock changes and new reservations are written at once.
   * `tally` counts the new decisions (not the answers repeated to re-sent commands), for the metrics.
   */
  async reserveMany(
    tx: SqlTransaction,
    commands: readonly EnvelopeOf<typeof ReserveStock>[],
    { known, bins }: ReservationReads,
    tally: ReservationTally,
  ): Promise<OutgoingMessage[]> {
    const reservedChanges = new Map<string, BinLotChange & { delta: number }>();
    const today = todayUtc();
    const created: NewReservation[] = [];
    const replies: OutgoingMessage[] = [];
    for (const command of commands) {
      const { reservationId, workOrderId, lineId, warehouseId, merchantId, sku, quantity } = command.payload;
      // Seen before (in an earlier transaction or earlier in this run): the command was re-sent.
      const seen = known.get(reservationId);
      const key = { warehouseId, merchantId, sku };
      const keyBins = bins.get(stockKeyString(key)) ?? [];
      const decision = decide(seen ? stateOf(seen) : noReservation, { type: 'reserve', quantity, bins: keyBins, today });
      if (decision.kind === 'ignored') {
        replies.push(answerFor(seen!, command));
        continue;
      }
      let next: ReservationState = noReservation;
      let available: number | null = null;
      for (const event of decision.events) {
        next = evolve(next, event);
        if (event.type === 'Rejected') {
          available = event.available;
          tally.rejected += 1;
          tally.unitsShort += quantity - event.available;
        } else if (event.type === 'Reserved') tally.reserved += 1;
      }
      const reservation: NewReservation = {
        id: reservationId,
        workOrderId,
        lineId,
        ...key,
        quantity,
        status: next.status!,
        available,
        allocations: next.allocations,
      };
      if (next.allocations.length > 0) {
        bins.set(stockKeyString(key), withReserved(keyBins, next.allocations));
        for (const { locationCode, lot, quantity: taken } of next.allocations) {
          const binKey = `${stockKeyString(key)}\u0000${binLotKey({ locationCode, lot })}`;
          const change = reservedChanges.get(binKey) ?? { ...key, locationCode, lotCode: lot ?? '', delta: 0 };
          reservedChanges.set(binKey, { ...change, delta: change.delta + taken });
        }
      }
      created.push(reservation);
      known.set(reservationId, reservation);
      replies.push(answerFor(reservation, command));
    }
    await changeReservedOfMany(tx, [...reservedChanges.values()]);
    await insertReservations(tx, created);
    return replies;
  }

  async release(tx: InventoryTransaction, command: EnvelopeOf<typeof ReleaseStock>): Promise<OutgoingMessage> {
    const { reservationId, sku } = command.payload;
    const reservation = await tx.reservation.findUnique({ where: { id: reservationId }, include: { allocations: true } });
    const state = reservation ? stateOf(reservation) : noReservation;
    const decision = decide(state, { type: 'release' });
    let released = 0;
    // Ignored (nothing held: rejected, released already, consumed, or unknown): it answers 0 released.
    if (decision.kind === 'accepted') {
      let next = state;
      for (const event of decision.events) {
        next = evolve(next, event);
        if (event.type !== 'Released') continue;
        for (const allocation of event.allocations) await changeReserved(tx, binOf(reservation!, allocation), -allocation.quantity);
        released += event.quantity;
      }
      await tx.reservation.update({ where: { id: reservationId }, data: { status: next.status!, updatedAt: new Date() } });
      // What was held is free again: the orders waiting on this SKU may take it.
      if (released > 0) await publishStockAvailable(tx, reservation!, 'released', command, reservation!.workOrderId);
    }
    return StockReleased.outgoing({ reservationId, sku, quantity: released }, replyContext(command));
  }

  /**
   * Completion: the reserved quantity leaves the shelves where it was held, once. onHand and
   * reserved both go down at each bin and lot, and the ledger records a CONSUMPTION per bin and lot.
   * The reply names each lot and its expiry: the genealogy WorkOrderCompleted carries.
   */
  async consume(tx: InventoryTransaction, command: EnvelopeOf<typeof ConsumeReservation>): Promise<OutgoingMessage> {
    const { reservationId, sku, workOrderId } = command.payload;
    const reservation = await tx.reservation.findUnique({ where: { id: reservationId }, include: { allocations: true } });
    const state = reservation ? stateOf(reservation) : noReservation;
    const decision = decide(state, { type: 'consume' });
    // Ignored: a consumed reservation answers what it consumed the first time; any other consumed nothing.
    let consumed = state.status === ReservationStatus.Consumed ? state.allocations : [];
    let expiries: Map<string, string | null>;
    if (decision.kind === 'accepted') {
      expiries = expiriesOf(await lockBins(tx, reservation!));
      let next = state;
      for (const event of decision.events) {
        next = evolve(next, event);
        if (event.type !== 'Consumed') continue;
        consumed = event.allocations;
        for (const allocation of event.allocations) {
          await consumeFromBin(tx, binOf(reservation!, allocation), allocation.quantity);
          await tx.stockMovement.create({
            data: {
              warehouseId: reservation!.warehouseId,
              merchantId: reservation!.merchantId,
              sku,
              locationCode: allocation.locationCode,
              lotCode: allocation.lot ?? null,
              quantity: -allocation.quantity,
              kind: 'CONSUMPTION',
              reason: 'work order completed',
              reference: workOrderId,
            },
          });
        }
      }
      await tx.reservation.update({ where: { id: reservationId }, data: { status: next.status!, updatedAt: new Date() } });
    } else {
      const codes = [...new Set(consumed.flatMap((allocation) => (allocation.lot ? [allocation.lot] : [])))];
      const lots = codes.length === 0 ? [] : await tx.lot.findMany({ where: { merchantId: reservation!.merchantId, sku, code: { in: codes } } });
      expiries = new Map(lots.map((lot) => [lot.code, lot.expiresOn && lot.expiresOn.toISOString().slice(0, 10)]));
    }
    const quantity = consumed.reduce((sum, allocation) => sum + allocation.quantity, 0);
    return ReservationConsumed.outgoing(
      { reservationId, sku, quantity, consumed: consumed.map((allocation) => withExpiry(allocation, expiries)) },
      replyContext(command),
    );
  }
}

/** The lots' expiries among these bins, by lot code. */
function expiriesOf(bins: readonly BinStock[]): Map<string, string | null> {
  return new Map(bins.flatMap((bin) => (bin.lot ? [[bin.lot.code, bin.lot.expiresOn] as const] : [])));
}

/** An allocation as the messages carry it: its lot's expiry added when it has one. */
function withExpiry({ locationCode, quantity, lot }: BinQuantity, expiries: Map<string, string | null>): BinQuantity {
  if (lot === undefined) return { locationCode, quantity };
  const expiresOn = expiries.get(lot);
  return { locationCode, quantity, lot, ...(expiresOn && { expiresOn }) };
}

/** The bin and lot of a reservation's allocation. */
function binOf(reservation: StockKey, allocation: BinQuantity): BinLotChange {
  const { warehouseId, merchantId, sku } = reservation;
  return { warehouseId, merchantId, sku, locationCode: allocation.locationCode, lotCode: allocation.lot ?? '' };
}

/** What a run of reservations reads before it decides. */
export interface ReservationReads {
  readonly known: Map<string, KnownReservation>;
  readonly bins: Map<string, BinStock[]>;
}

/** A reservation as the answers to ReserveStock need it. */
interface KnownReservation {
  readonly id: string;
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly status: string;
  readonly available: number | null;
  readonly allocations: readonly BinQuantity[];
}

type NewReservation = KnownReservation & StockKey & { readonly workOrderId: string };

/** The answer a ReserveStock command gets for a reservation, the first time and on every re-send. */
function answerFor(reservation: KnownReservation, command: EnvelopeOf<typeof ReserveStock>): OutgoingMessage {
  const { id: reservationId, lineId, sku, quantity } = reservation;
  switch (reservation.status) {
    case ReservationStatus.Reserved:
      return StockReserved.outgoing(
        {
          reservationId,
          lineId,
          sku,
          quantity,
          allocations: reservation.allocations.map(({ locationCode, quantity: q, lot, expiresOn }) => ({
            locationCode,
            quantity: q,
            ...(lot !== undefined && { lot }),
            ...(expiresOn !== undefined && { expiresOn }),
          })),
        },
        replyContext(command),
      );
    case ReservationStatus.Rejected:
      return StockReservationRejected.outgoing(
        { reservationId, lineId, sku, requested: quantity, available: reservation.available ?? 0 },
        replyContext(command),
      );
    default:
      // Released or consumed: it holds nothing now, and a late re-send must not hold it again.
      return StockReleased.outgoing({ reservationId, sku, quantity: 0 }, replyContext(command));
  }
}

/** A stored reservation as its lifecycle sees it ('' is stock without a lot). */
function stateOf(reservation: {
  status: string;
  quantity: number;
  allocations: readonly { locationCode: string; lotCode?: string; lot?: string; expiresOn?: string; quantity: number }[];
}): ReservationState {
  return {
    status: reservation.status as ReservationStatus,
    quantity: reservation.quantity,
    allocations: reservation.allocations.map(({ locationCode, lotCode, lot, expiresOn, quantity }) => {
      const code = lot ?? (lotCode || undefined);
      return { locationCode, quantity, ...(code !== undefined && { lot: code }), ...(expiresOn !== undefined && { expiresOn }) };
    }),
  };
}

/** The bins after an allocation took its quantities from them (per bin and lot). */
function withReserved(bins: readonly BinStock[], allocations: readonly BinQuantity[]): BinStock[] {
  return bins.map((bin) => {
    const taken = allocations.find((allocation) => binLotKey(allocation) === binLotKey(bin))?.quantity ?? 0;
    return taken === 0 ? bin : { ...bin, reserved: bin.reserved + taken };
  });
}

function uniqueKeys(keys: readonly StockKey[]): StockKey[] {
  const unique = new Map<string, StockKey>();
  for (const { warehouseId, merchantId, sku } of keys) unique.set(stockKeyString({ warehouseId, merchantId, sku }), { warehouseId, merchantId, sku });
  return [...unique.values()];
}

/** The reservations with these ids, with their bins, in one statement. */
async function findReservations(tx: SqlTransaction, ids: readonly string[]): Promise<Map<string, KnownReservation>> {
  const rows = await tx.$queryRawUnsafe<
    {
      id: string;
      line_id: string;
      sku: string;
      quantity: number;
      status: string;
      available: number | null;
      allocations: BinQuantity[];
    }[]
  >(
    // Each allocation with its lot and the lot's expiry, when it has one (nulls stripped), in the
    // order the allocation took them (FEFO), so a re-sent command gets the answer it got.
    `SELECT r.id, r.line_id, r.sku, r.quantity, r.status, r.available,
            COALESCE(json_agg(json_strip_nulls(json_build_object('locationCode', a.location_code, 'quantity', a.quantity,
                                                                 'lot', NULLIF(a.lot_code, ''), 'expiresOn', l.expires_on::text))
                              ORDER BY l.expires_on ASC NULLS LAST, l.received_at, a.location_code, a.lot_code)
                     FILTER (WHERE a.location_code IS NOT NULL), '[]') AS allocations
       FROM reservation r LEFT JOIN reservation_allocation a ON a.reservation_id = r.id
            LEFT JOIN lot l ON l.merchant_id = r.merchant_id AND l.sku = r.sku AND l.code = a.lot_code
      WHERE r.id = ANY($1::text[]) GROUP BY r.id`,
    ids,
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, lineId: row.line_id, sku: row.sku, quantity: row.quantity, status: row.status, available: row.available, allocations: row.allocations },
    ]),
  );
}

/** New reservations (held or rejected) and their bins, in one statement. */
async function insertReservations(tx: SqlTransaction, reservations: readonly NewReservation[]): Promise<void> {
  if (reservations.length === 0) return;
  const allocations = reservations.flatMap((reservation) => reservation.allocations.map((allocation) => ({ reservationId: reservation.id, ...allocation })));
  // The allocation rows' foreign key is checked at the end of the statement, after the CTE's rows exist.
  await tx.$executeRawUnsafe(
    `WITH added AS (
       INSERT INTO reservation (id, work_order_id, line_id, warehouse_id, merchant_id, sku, quantity, status, available)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::int[]))
     INSERT INTO reservation_allocation (reservation_id, location_code, lot_code, quantity)
     SELECT * FROM unnest($10::text[], $11::text[], $12::text[], $13::int[])`,
    reservations.map((reservation) => reservation.id),
    reservations.map((reservation) => reservation.workOrderId),
    reservations.map((reservation) => reservation.lineId),
    reservations.map((reservation) => reservation.warehouseId),
    reservations.map((reservation) => reservation.merchantId),
    reservations.map((reservation) => reservation.sku),
    reservations.map((reservation) => reservation.quantity),
    reservations.map((reservation) => reservation.status),
    reservations.map((reservation) => reservation.available),
    allocations.map((allocation) => allocation.reservationId),
    allocations.map((allocation) => allocation.locationCode),
    allocations.map((allocation) => allocation.lot ?? ''),
    allocations.map((allocation) => allocation.quantity),
  );
}

/** Replies travel on the saga's key so one work-orders partition sees a saga's replies in order. */
function replyContext(command: Envelope) {
  return { correlationId: command.correlationId, cause: command, key: command.correlationId };
}
