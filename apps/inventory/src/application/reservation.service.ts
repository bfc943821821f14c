import { Injectable } from '@nestjs/common';
import type { Envelope, EnvelopeOf, OutgoingMessage } from '@wo/contracts/envelope';
import type { ReservationTally } from '@wo/observability';
import {
  perLineReplies,
  ReservationConsumed,
  StockReleased,
  StockReservationRejected,
  StockReserved,
  type ConsumeReservation,
  type ReleaseStock,
  type ReserveStock,
} from '@wo/contracts/inventory';
import { decide, decideOrder, evolve, noReservation, ReservationStatus, type ReservationState } from '../domain/reservation-lifecycle';
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
   * reservations already known (every line's), and the bins of every SKU involved, locked. The
   * caller may send its inbox claim with them, so it reads for every command of the run; the extra
   * rows of a duplicate are harmless.
   */
  async readForReservations(tx: SqlTransaction, commands: readonly EnvelopeOf<typeof ReserveStock>[]): Promise<ReservationReads> {
    const [known, bins] = await Promise.all([
      findReservations(
        tx,
        commands.flatMap((command) => command.payload.lines.map((line) => line.reservationId)),
      ),
      lockBinsOfMany(
        tx,
        uniqueKeys(commands.flatMap(({ payload: { warehouseId, merchantId, lines } }) => lines.map(({ sku }) => ({ warehouseId, merchantId, sku })))),
      ),
    ]);
    return { known, bins };
  }

  /**
   * Reserves for a run of ReserveStock commands in a handful of statements, whatever their number:
   * with what `readForReservations` read, the decisions are taken in memory in command order (each
   * sees the ones before it), and the stock changes and new reservations are written at once. Each
   * command is one work order, taken all or nothing (`decideOrder`): an order that is short
   * anywhere takes nothing, so the next command sees the bins as they were before it.
   * `tally` counts the new decisions per line (not the answers repeated to re-sent commands), for
   * the metrics.
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
      const { workOrderId, warehouseId, merchantId, lines } = command.payload;
      const keyOf = (sku: string) => ({ warehouseId, merchantId, sku });
      // Seen before (in an earlier transaction or earlier in this run): re-sent, or a release came first.
      const seen = lines.map((line) => known.get(line.reservationId));
      const decision = decideOrder(
        lines.map((line, index) => ({
          state: seen[index] ? stateOf(seen[index]) : noReservation,
          quantity: line.quantity,
          key: stockKeyString(keyOf(line.sku)),
        })),
        bins,
        today,
      );
      if (decision.kind === 'ignored') {
        replies.push(
          ...answersFor(
            seen.filter((reservation) => reservation !== undefined),
            command,
          ),
        );
        continue;
      }
      const decided = lines.map((line, index): NewReservation => {
        const event = decision.events[index]!;
        const next = evolve(noReservation, event);
        let available: number | null = null;
        if (event.type === 'Rejected') {
          available = event.available;
          tally.rejected += 1;
          tally.unitsShort += Math.max(0, line.quantity - event.available);
        } else if (event.type === 'Reserved') tally.reserved += 1;
        const { reservationId, lineId, sku, quantity } = line;
        return { id: reservationId, workOrderId, lineId, ...keyOf(sku), quantity, status: next.status!, available, allocations: next.allocations };
      });
      for (const [key, after] of decision.bins) bins.set(key, [...after]);
      for (const reservation of decided) {
        for (const { locationCode, lot, quantity: taken } of reservation.allocations) {
          const binKey = `${stockKeyString(reservation)}\u0000${binLotKey({ locationCode, lot })}`;
          const change = reservedChanges.get(binKey) ?? { ...keyOf(reservation.sku), locationCode, lotCode: lot ?? '', delta: 0 };
          reservedChanges.set(binKey, { ...change, delta: change.delta + taken });
        }
        created.push(reservation);
        known.set(reservation.id, reservation);
      }
      replies.push(...answersFor(decided, command));
    }
    await changeReservedOfMany(tx, [...reservedChanges.values()]);
    await insertReservations(tx, created);
    return replies;
  }

  async release(tx: InventoryTransaction, command: EnvelopeOf<typeof ReleaseStock>): Promise<OutgoingMessage> {
    const { reservationId, warehouseId, sku } = command.payload;
    const reservation = await tx.reservation.findUnique({ where: { id: reservationId }, include: { allocations: true } });
    const state = reservation ? stateOf(reservation) : noReservation;
    const decision = decide(state, { type: 'release' });
    let released = 0;
    // Ignored (nothing held: rejected, released already, consumed): it answers 0 released.
    if (decision.kind === 'accepted') {
      let next = state;
      for (const event of decision.events) {
        next = evolve(next, event);
        if (event.type === 'ReleasedBeforeReserved') {
          // The tombstone: what the release knows of the reservation (its order, line and merchant
          // came with the reserve, which is not here yet, and never will be taken).
          await tx.reservation.create({
            data: { id: reservationId, workOrderId: '', lineId: '', warehouseId, merchantId: '', sku, quantity: 0, status: next.status! },
          });
          continue;
        }
        if (event.type !== 'Released') continue;
        for (const allocation of event.allocations) await changeReserved(tx, binOf(reservation!, allocation), -allocation.quantity);
        released += event.quantity;
      }
      if (reservation) await tx.reservation.update({ where: { id: reservationId }, data: { status: next.status!, updatedAt: new Date() } });
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

/**
 * The answers a ReserveStock command gets for its reservations, the first time and on every
 * re-send: one StockReserved (v2) for the lines held and one StockReservationRejected (v2) for the
 * lines refused (a fresh order is one or the other: one reply); a reservation released or consumed
 * since (or released before it was reserved) holds nothing now, and a late re-send must not hold it
 * again: StockReleased of 0. A command upcast from v1 is answered in v1, as its sender reads.
 */
function answersFor(reservations: readonly KnownReservation[], command: EnvelopeOf<typeof ReserveStock>): OutgoingMessage[] {
  const context = replyContext(command);
  const withStatus = (status: string) => reservations.filter((reservation) => reservation.status === status);
  const done = reservations.filter((reservation) => reservation.status !== ReservationStatus.Reserved && reservation.status !== ReservationStatus.Rejected);
  const nothingHeld = done.map(({ id: reservationId, sku }) => StockReleased.outgoing({ reservationId, sku, quantity: 0 }, context));
  if (command.payload.replyVersion === 1) {
    return [
      ...withStatus(ReservationStatus.Reserved).map((reservation) => perLineReplies.StockReserved.outgoing(reservedLine(reservation), context)),
      ...withStatus(ReservationStatus.Rejected).map((reservation) => perLineReplies.StockReservationRejected.outgoing(rejectedLine(reservation), context)),
      ...nothingHeld,
    ];
  }
  const reserved = withStatus(ReservationStatus.Reserved).map(reservedLine);
  const rejected = withStatus(ReservationStatus.Rejected).map(rejectedLine);
  return [
    ...(reserved.length > 0 ? [StockReserved.outgoing({ lines: reserved }, context)] : []),
    ...(rejected.length > 0 ? [StockReservationRejected.outgoing({ lines: rejected }, context)] : []),
    ...nothingHeld,
  ];
}

function reservedLine({ id: reservationId, lineId, sku, quantity, allocations }: KnownReservation) {
  return {
    reservationId,
    lineId,
    sku,
    quantity,
    allocations: allocations.map(({ locationCode, quantity: q, lot, expiresOn }) => ({
      locationCode,
      quantity: q,
      ...(lot !== undefined && { lot }),
      ...(expiresOn !== undefined && { expiresOn }),
    })),
  };
}

function rejectedLine({ id: reservationId, lineId, sku, quantity, available }: KnownReservation) {
  return { reservationId, lineId, sku, requested: quantity, available: available ?? 0 };
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
