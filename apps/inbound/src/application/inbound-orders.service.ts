import { Injectable } from '@nestjs/common';
import { lockRowById } from '@wo/database';
import type { Actor, EnvelopeOf } from '@wo/contracts/envelope';
import { FinishedGoodsInboundCreated, type CreateFinishedGoodsInbound } from '@wo/contracts/inbound';
import type { LocationAdded, PutawayRefused, WarehouseRegistered } from '@wo/contracts/inventory';
import { appendToOutbox, applyOnce } from '@wo/messaging';
import { cappedCountArgs, cappedTotal, isRefusal, refusableTransaction, refuse, skipTake, type FieldError, type PageRequest } from '@wo/platform';
import { randomUUID } from 'node:crypto';
import {
  decide,
  isLotConflict,
  noInboundOrder,
  type InboundLine,
  type InboundOrderCommand,
  type InboundOrderState,
  type InboundStatus,
  type LineError,
  type ReceivedGoods,
} from '../domain/inbound-order';
import type { InboundOrder, InboundOrderLine, InboundPutaway } from '../generated/prisma/client';
import { InboundDatabase, type InboundTransaction } from '../persistence/inbound-database';
import { applyInboundOrderEvents } from './inbound-order-transitions';

type OrderWithLines = InboundOrder & { lines: InboundOrderLine[] };

/** The list's order, newest first: the (warehouse, [status,] created_at, id) indexes' order read backwards. */
const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/**
 * Inbound orders: created once per completed work order, received (partially if need be, never
 * beyond what is expected), and put away to locations, which tells inventory to raise onHand.
 */
@Injectable()
export class InboundOrders {
  constructor(private readonly db: InboundDatabase) {}

  /** Idempotent by work order: a duplicate or re-sent command answers with the same inbound order. */
  createForWorkOrder(command: EnvelopeOf<typeof CreateFinishedGoodsInbound>) {
    return applyOnce(this.db, command, async (tx) => {
      const { workOrderId, workOrderNumber, warehouseId, merchantId, lines } = command.payload;
      const existing = await tx.inboundOrder.findUnique({ where: { sourceId: workOrderId }, include: { lines: true } });
      const order = existing ?? { id: randomUUID(), source: 'WORK_ORDER', sourceId: workOrderId, sourceReference: workOrderNumber, warehouseId, merchantId };
      const decision = decide(existing ? stateOf(existing) : noInboundOrder, { type: 'create', expected: lines });
      // Ignored: the order exists already (a re-sent command), so the reply repeats it.
      if (decision.kind === 'accepted') await applyInboundOrderEvents(tx, order, noInboundOrder, decision.events, command.correlationId);
      await appendToOutbox(tx, [
        FinishedGoodsInboundCreated.outgoing(
          { inboundOrderId: order.id, workOrderId },
          { correlationId: command.correlationId, cause: command, key: command.correlationId },
        ),
      ]);
      return 'applied';
    });
  }

  /** `lot`/`expiresOn` of a line: the lot printed on the goods, at the line's first receipt (later ones may only repeat it). */
  receive(id: string, receipt: ReceivedGoods[], actor: Actor) {
    return this.change(id, actor, 'The receipt does not match the inbound order.', async () => ({ type: 'receive', receipt }));
  }

  putAway(id: string, putaways: { sku: string; quantity: number; locationCode: string }[], actor: Actor) {
    return this.change(id, actor, 'The putaway does not match the inbound order.', async (tx, order) => ({
      type: 'putAway',
      putaways,
      knownLocations: await this.knownLocations(tx, order.warehouseId),
    }));
  }

  /**
   * Inventory could not shelve a putaway: its goods go back to the line (the order is received
   * again if it was put away), the putaway keeps why. A re-delivered refusal changes nothing.
   */
  putawayRefused(event: EnvelopeOf<typeof PutawayRefused>) {
    return applyOnce(this.db, event, async (tx) => {
      const { putawayId, inboundOrderId, field, reason } = event.payload;
      if (!(await lockRowById(tx, 'inbound_order', inboundOrderId))) return 'ignored';
      const order = await tx.inboundOrder.findUniqueOrThrow({ where: { id: inboundOrderId }, include: { lines: true } });
      const recorded = await tx.inboundPutaway.findFirst({ where: { id: putawayId, inboundOrderId } });
      const putaway = recorded && { ...recorded, refused: recorded.refusedAt !== null };
      const decision = decide(stateOf(order), { type: 'reopenPutaway', putaway, refusal: { field, reason } });
      if (decision.kind !== 'accepted') return 'ignored';
      await applyInboundOrderEvents(tx, order, stateOf(order), decision.events, event.correlationId);
      return 'applied';
    });
  }

  /**
   * One snapshot (a repeatable-read transaction): Prisma reads the order, its lines and its putaways
   * in separate queries, and a putaway or refusal committing between them would show a status its
   * lines contradict.
   */
  /** `merchantScope`: the merchants a scoped caller serves (undefined: every merchant); another's order is 404. */
  async get(id: string, merchantScope?: readonly string[]) {
    const order = await this.db.$transaction(
      (tx) => tx.inboundOrder.findUnique({ where: { id }, include: { lines: { orderBy: { sku: 'asc' } }, putaways: { orderBy: { createdAt: 'asc' } } } }),
      { isolationLevel: 'RepeatableRead' },
    );
    if (!order || (merchantScope && !merchantScope.includes(order.merchantId))) return refuse.notFound('Inbound order', id);
    return present(order);
  }

  /** Newest first, then by id; a scoped caller's merchants only (in the query, so paging and totals stay right). */
  async list(filter: { workOrderId?: string; status?: string; warehouseId?: string } & PageRequest, merchantScope?: readonly string[]) {
    const where = {
      ...(merchantScope && { merchantId: { in: [...merchantScope] } }),
      ...(filter.workOrderId && { source: 'WORK_ORDER', sourceId: filter.workOrderId }),
      ...(filter.status && { status: filter.status }),
      ...(filter.warehouseId && { warehouseId: filter.warehouseId }),
    };
    // One snapshot, as for one order. A year holds an inbound order for every Completed work order:
    // the page comes off a (warehouse, [status,] created_at, id) index, the total is counted up to the cap.
    const [orders, counted] = await this.db.$transaction(
      async (tx) =>
        [
          await tx.inboundOrder.findMany({
            where,
            include: { lines: { orderBy: { sku: 'asc' } }, putaways: { orderBy: { createdAt: 'asc' } } },
            orderBy: NEWEST_FIRST,
            ...skipTake(filter),
          }),
          await tx.inboundOrder.count({ where, ...cappedCountArgs(NEWEST_FIRST) }),
        ] as const,
      { isolationLevel: 'RepeatableRead' },
    );
    return { items: orders.map(present), ...cappedTotal(counted) };
  }

  warehouseRegistered(event: EnvelopeOf<typeof WarehouseRegistered>) {
    return applyOnce(this.db, event, (tx) =>
      tx.knownLocation.createMany({ data: event.payload.locations.map((code) => ({ warehouseId: event.payload.warehouseId, code })), skipDuplicates: true }),
    );
  }

  locationAdded(event: EnvelopeOf<typeof LocationAdded>) {
    return applyOnce(this.db, event, (tx) =>
      tx.knownLocation.createMany({ data: [{ warehouseId: event.payload.warehouseId, code: event.payload.code }], skipDuplicates: true }),
    );
  }

  /** Locks the order, asks the lifecycle about the command, and applies what it decided; 404 or 400 otherwise. */
  private async change(
    id: string,
    actor: Actor,
    refusedDetail: string,
    commandFor: (tx: InboundTransaction, order: OrderWithLines) => Promise<InboundOrderCommand>,
  ) {
    const done = await refusableTransaction(this.db, async (tx) => {
      if (!(await lockRowById(tx, 'inbound_order', id))) return refuse.notFound('Inbound order', id);
      const order = await tx.inboundOrder.findUniqueOrThrow({ where: { id }, include: { lines: true } });
      const decision = decide(stateOf(order), await commandFor(tx, order));
      if (decision.kind === 'refused') return refusalOf(decision.errors, refusedDetail);
      if (decision.kind === 'accepted') await applyInboundOrderEvents(tx, order, stateOf(order), decision.events, id, actor);
    });
    return isRefusal(done) ? done : this.get(id);
  }

  private async knownLocations(tx: InboundTransaction, warehouseId: string): Promise<Set<string>> {
    return new Set((await tx.knownLocation.findMany({ where: { warehouseId } })).map((location) => location.code));
  }
}

function stateOf(order: OrderWithLines): InboundOrderState {
  return { status: order.status as InboundStatus, lines: order.lines.map(toLine) };
}

function toLine(line: InboundOrderLine): InboundLine {
  return { sku: line.sku, lot: line.lot, expiresOn: dayOf(line.expiresOn), expected: line.expected, received: line.received, putAway: line.putAway };
}

/** A `date` column as the `YYYY-MM-DD` day it holds. */
function dayOf(date: Date | null): string | null {
  return date === null ? null : date.toISOString().slice(0, 10);
}

function fieldErrors(errors: readonly LineError[]): FieldError[] {
  return errors.map((error) => ({ field: `lines[${error.index}].${error.field}`, message: error.message }));
}

/**
 * A receipt naming another lot (or expiry) than the one the line is already received as conflicts
 * with what happened (409, every fault listed); other faults are invalid input (400).
 */
function refusalOf(errors: readonly LineError[], detail: string) {
  return errors.some(isLotConflict)
    ? refuse.conflict('The receipt names another lot than the one the line is being received as: one lot per line.', { errors: fieldErrors(errors) })
    : refuse.invalid(fieldErrors(errors), detail);
}

type PutawayRow = Pick<InboundPutaway, 'sku' | 'lot' | 'locationCode' | 'quantity' | 'createdAt' | 'refusedAt' | 'refusalField' | 'refusalReason'>;

function present(order: OrderWithLines & { putaways: PutawayRow[] }) {
  return {
    id: order.id,
    source: order.source,
    workOrderId: order.source === 'WORK_ORDER' ? order.sourceId : null,
    reference: order.sourceReference,
    warehouseId: order.warehouseId,
    merchantId: order.merchantId,
    status: order.status,
    lines: order.lines.map(toLine),
    putaways: order.putaways.map(({ sku, lot, locationCode, quantity, createdAt, refusedAt, refusalField, refusalReason }) => ({
      sku,
      lot,
      locationCode,
      quantity,
      at: createdAt,
      refused: refusedAt === null ? null : { at: refusedAt, field: refusalField ?? '', reason: refusalReason ?? '' },
    })),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}
