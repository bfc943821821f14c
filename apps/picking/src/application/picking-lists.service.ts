import { Injectable } from '@nestjs/common';
import { lockRowById } from '@wo/database';
import type { Actor, EnvelopeOf } from '@wo/contracts/envelope';
import type { Allocation } from '@wo/contracts/rest';
import { PickingListRefused, type CancelPickingList, type CreatePickingList } from '@wo/contracts/picking';
import { appendToOutbox, applyOnce } from '@wo/messaging';
import { cappedCountArgs, cappedTotal, isRefusal, refusableTransaction, refuse, skipTake, type PageRequest, type Refusal } from '@wo/platform';
import { randomUUID } from 'node:crypto';
import { decide, noList, type PickingListCommand, type PickingListState, type PickingListStatus } from '../domain/picking-list-lifecycle';
import { statusesMovedBy } from '../domain/picking-request-lifecycle';
import type { PickingList, PickingListLine } from '../generated/prisma/client';
import { PickingDatabase, type PickingTransaction } from '../persistence/picking-database';
import { applyPickingListEvents } from './picking-list-transitions';
import { openRequests } from './picking-requests.service';

/** The lists' order, newest first: the (warehouse, [status,] created_at, id) indexes' order read backwards. */
const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/**
 * Picking lists: made from the open requests of one or several work orders of a warehouse, lines
 * in walking order, each traced to its work order and material; started by a picker, done, or
 * canceled (its requests open again). Every change is announced on picking.events.
 */
@Injectable()
export class PickingLists {
  constructor(private readonly db: PickingDatabase) {}

  /** Material Picking: one list for the chosen orders. Refused (400) if an order has nothing waiting here. */
  async create(input: { warehouseId: string; workOrderIds: string[] }, actor: Actor) {
    const listId = randomUUID();
    const made = await refusableTransaction(this.db, (tx) => this.makeList(tx, listId, input.warehouseId, input.workOrderIds, listId, actor));
    return isRefusal(made) ? made : this.get(listId);
  }

  /** The "Create Picking List" action of one work order, sent by work-orders with the order's materials. */
  createFromCommand(command: EnvelopeOf<typeof CreatePickingList>) {
    return applyOnce(this.db, command, async (tx) => {
      const { listId, warehouseId, orders, actor } = command.payload;
      if (await tx.pickingList.findUnique({ where: { id: listId } })) return 'duplicate';
      for (const order of orders) await openRequests(tx, { ...order, warehouseId });
      const workOrderIds = orders.map((order) => order.workOrderId);
      // makeList decides before it writes, so a refusal leaves nothing half-made: it becomes the reply.
      const made = await this.makeList(tx, listId, warehouseId, workOrderIds, command.correlationId, actor);
      if (isRefusal(made)) {
        const reason = made.kind === 'invalid' ? made.errors.map((error) => error.message).join('; ') : made.kind;
        await appendToOutbox(tx, [
          PickingListRefused.outgoing({ listId, warehouseId, workOrderIds, reason }, { correlationId: command.correlationId, cause: command, key: listId }),
        ]);
      }
      return 'applied';
    });
  }

  /** Work-orders withdraws a list whose orders could not all move to Processing; a list already finished ignores it. */
  cancelFromCommand(command: EnvelopeOf<typeof CancelPickingList>) {
    return applyOnce(this.db, command, async (tx) => {
      const list = await this.lock(tx, command.payload.listId);
      if (!list) return 'applied';
      const decision = decide(stateOf(list), { type: 'cancel', reason: command.payload.reason });
      if (decision.kind === 'accepted') await applyPickingListEvents(tx, list.id, stateOf(list), decision.events, command.correlationId);
      return 'applied';
    });
  }

  start(id: string, picker: string, actor: Actor) {
    return this.act(id, { type: 'start', picker }, actor);
  }

  /** Done: every line picked in full. */
  complete(id: string, actor: Actor) {
    return this.act(id, { type: 'complete' }, actor);
  }

  cancel(id: string, actor: Actor) {
    return this.act(id, { type: 'cancel', reason: 'canceled by an operator' }, actor);
  }

  async get(id: string) {
    const list = await this.db.pickingList.findUnique({ where: { id }, include: { lines: { orderBy: { position: 'asc' } } } });
    if (!list) return refuse.notFound('Picking list', id);
    return present(list);
  }

  /** Newest first, then by id. */
  async list(filter: { workOrderId?: string; status?: string; warehouseId?: string } & PageRequest) {
    const where = {
      ...(filter.status && { status: filter.status }),
      ...(filter.warehouseId && { warehouseId: filter.warehouseId }),
      ...(filter.workOrderId && { lines: { some: { workOrderId: filter.workOrderId } } }),
    };
    // One snapshot: Prisma reads the lines of the page in a query of their own, and a list changing
    // between the two would show lines its status contradicts. A year holds a list for every
    // Completed order: the page comes off a (warehouse, [status,] created_at, id) index, the total is
    // counted up to the cap.
    const [lists, counted] = await this.db.$transaction(
      async (tx) =>
        [
          await tx.pickingList.findMany({ where, include: { lines: { orderBy: { position: 'asc' } } }, orderBy: NEWEST_FIRST, ...skipTake(filter) }),
          await tx.pickingList.count({ where, ...cappedCountArgs(NEWEST_FIRST) }),
        ] as const,
      { isolationLevel: 'RepeatableRead' },
    );
    return { items: lists.map(present), ...cappedTotal(counted) };
  }

  /** Takes the orders' open requests onto a new list, or refuses (naming each order with nothing waiting) before writing. */
  private async makeList(
    tx: PickingTransaction,
    listId: string,
    warehouseId: string,
    workOrderIds: string[],
    correlationId: string,
    actor: Actor | undefined,
  ): Promise<Refusal | void> {
    // Lock the requests so two lists can never take the same material.
    const requests = await tx.$queryRawUnsafe<{ work_order_id: string; line_id: string; sku: string; allocations: Allocation[] }[]>(
      `SELECT work_order_id, line_id, sku, allocations FROM picking_request
        WHERE warehouse_id = $1 AND status = ANY($3::text[]) AND work_order_id = ANY($2::text[]) ORDER BY work_order_id, line_id FOR UPDATE`,
      warehouseId,
      workOrderIds,
      statusesMovedBy('list'),
    );
    const errors = workOrderIds.flatMap((workOrderId, index) =>
      requests.some((request) => request.work_order_id === workOrderId)
        ? []
        : [{ field: `workOrderIds[${index}]`, message: `work order ${workOrderId} has no materials waiting to be picked in this warehouse` }],
    );
    if (errors.length > 0) return refuse.invalid(errors, 'Some work orders have no materials waiting to be picked in this warehouse.');
    // One stop per bin and lot: two lots of a SKU at one bin are two lines, so the picker takes the lots reserved.
    const stops = requests.flatMap((request) =>
      request.allocations.map(({ locationCode, quantity, lot, expiresOn }) => ({
        locationCode,
        quantity,
        lot: lot ?? null,
        expiresOn: expiresOn ?? null,
        sku: request.sku,
        workOrderId: request.work_order_id,
        lineId: request.line_id,
      })),
    );
    const decision = decide(noList, { type: 'create', warehouseId, workOrderIds, stops });
    if (decision.kind === 'refused') throw new Error(`a new list ${listId} was refused: ${decision.detail}`);
    await applyPickingListEvents(tx, listId, noList, decision.events, correlationId, actor);
  }

  /** An operator's action: locks the list, asks the lifecycle, and applies what it decided; 404 or 409 otherwise. */
  private async act(id: string, command: PickingListCommand, actor: Actor) {
    const done = await refusableTransaction(this.db, async (tx) => {
      const list = await this.lock(tx, id);
      if (!list) return refuse.notFound('Picking list', id);
      const decision = decide(stateOf(list), command);
      if (decision.kind === 'refused') return refuse.conflict(decision.detail, { listStatus: decision.status, allowedActions: decision.allowedActions });
      await applyPickingListEvents(tx, id, stateOf(list), decision.events, id, actor);
    });
    return isRefusal(done) ? done : this.get(id);
  }

  private async lock(tx: PickingTransaction, id: string): Promise<PickingList | null> {
    return (await lockRowById(tx, 'picking_list', id)) ? tx.pickingList.findUniqueOrThrow({ where: { id } }) : null;
  }
}

function stateOf(list: PickingList): PickingListState {
  return { status: list.status as PickingListStatus };
}

function present(
  list: PickingList & {
    lines: PickingListLine[];
  },
) {
  const total = list.lines.reduce((sum, line) => sum + line.quantity, 0);
  const picked = list.lines.reduce((sum, line) => sum + line.picked, 0);
  return {
    id: list.id,
    warehouseId: list.warehouseId,
    status: list.status,
    picker: list.picker,
    workOrderIds: list.workOrderIds,
    progress: { picked, total },
    lines: list.lines.map(({ position, locationCode, sku, lot, expiresOn, quantity, workOrderId, lineId, picked: linePicked }) => ({
      position,
      locationCode,
      sku,
      quantity,
      lot,
      expiresOn: expiresOn === null ? null : expiresOn.toISOString().slice(0, 10),
      picked: linePicked,
      workOrderId,
      lineId,
    })),
    createdAt: list.createdAt,
    updatedAt: list.updatedAt,
  };
}
