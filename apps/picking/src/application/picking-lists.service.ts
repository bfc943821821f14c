import { Injectable } from '@nestjs/common';
import { lockRowById } from '@wo/database';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import {
  PickingListCanceled,
  PickingListCompleted,
  PickingListCreated,
  PickingListRefused,
  PickingListStarted,
  type CancelPickingList,
  type CreatePickingList,
} from '@wo/contracts/picking';
import { appendToOutbox, applyOnce } from '@wo/messaging';
import { conflict, invalidInput, notFound, skipTake, type FieldError, type PageRequest } from '@wo/platform';
import { randomUUID } from 'node:crypto';
import { decidePickingList, PickingListStatus, walkingOrder, type PickingListAction } from '../domain/picking-list-lifecycle';
import type { PickingList } from '../generated/prisma/client';
import { PickingDatabase, type PickingTransaction } from '../persistence/picking-database';
import { openRequests } from './picking-requests.service';

/** Why a list could not be made, per work order. */
class ListRefused extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((error) => error.message).join('; '));
  }
}

/**
 * Picking lists: made from the open requests of one or several work orders of a warehouse, lines
 * in walking order, each traced to its work order and material; started by a picker, done, or
 * canceled (its requests open again). Every change is announced on picking.events.
 */
@Injectable()
export class PickingLists {
  constructor(private readonly db: PickingDatabase) {}

  /** Material Picking: one list for the chosen orders. 400 if an order has nothing waiting here. */
  async create(input: { warehouseId: string; workOrderIds: string[] }) {
    const listId = randomUUID();
    try {
      await this.db.$transaction((tx) => this.makeList(tx, listId, input.warehouseId, input.workOrderIds, listId));
    } catch (error) {
      if (error instanceof ListRefused) throw invalidInput(error.errors, 'Some work orders have no materials waiting to be picked in this warehouse.');
      throw error;
    }
    return this.get(listId);
  }

  /** The "Create Picking List" action of one work order, sent by work-orders with the order's materials. */
  createFromCommand(command: EnvelopeOf<typeof CreatePickingList>) {
    return applyOnce(this.db, command, async (tx) => {
      const { listId, warehouseId, orders } = command.payload;
      if (await tx.pickingList.findUnique({ where: { id: listId } })) return 'duplicate';
      for (const order of orders) await openRequests(tx, { ...order, warehouseId });
      const workOrderIds = orders.map((order) => order.workOrderId);
      try {
        // makeList checks before it writes, so a refusal leaves nothing half-made.
        await this.makeList(tx, listId, warehouseId, workOrderIds, command.correlationId);
      } catch (error) {
        if (!(error instanceof ListRefused)) throw error;
        await appendToOutbox(tx, [
          PickingListRefused.outgoing(
            { listId, warehouseId, workOrderIds, reason: error.message },
            { correlationId: command.correlationId, causationId: command.id, key: listId },
          ),
        ]);
      }
      return 'applied';
    });
  }

  /** Work-orders withdraws a list whose orders could not all move to Processing. */
  cancelFromCommand(command: EnvelopeOf<typeof CancelPickingList>) {
    return applyOnce(this.db, command, async (tx) => {
      const list = await this.lock(tx, command.payload.listId);
      if (!list || decidePickingList(list.status as PickingListStatus, 'cancel').kind === 'refused') return 'applied';
      await this.cancelList(tx, list, command.payload.reason, command.correlationId);
      return 'applied';
    });
  }

  start(id: string, picker: string) {
    return this.act(id, 'start', async (tx, list) => {
      await tx.pickingList.update({ where: { id }, data: { status: PickingListStatus.InProgress, picker, updatedAt: new Date() } });
      await appendToOutbox(tx, [PickingListStarted.outgoing({ ...facts(list), picker }, { correlationId: id, key: id })]);
    });
  }

  /** Done: every line picked in full. */
  complete(id: string) {
    return this.act(id, 'complete', async (tx, list) => {
      await tx.$executeRawUnsafe('UPDATE picking_list_line SET picked = quantity WHERE list_id = $1', id);
      await tx.pickingList.update({ where: { id }, data: { status: PickingListStatus.Done, updatedAt: new Date() } });
      await appendToOutbox(tx, [PickingListCompleted.outgoing(facts(list), { correlationId: id, key: id })]);
    });
  }

  cancel(id: string) {
    return this.act(id, 'cancel', (tx, list) => this.cancelList(tx, list, 'canceled by an operator', id));
  }

  async get(id: string) {
    const list = await this.db.pickingList.findUnique({ where: { id }, include: { lines: { orderBy: { position: 'asc' } } } });
    if (!list) throw notFound('Picking list', id);
    return present(list);
  }

  /** Newest first, then by id. */
  async list(filter: { workOrderId?: string; status?: string; warehouseId?: string } & PageRequest) {
    const where = {
      ...(filter.status && { status: filter.status }),
      ...(filter.warehouseId && { warehouseId: filter.warehouseId }),
      ...(filter.workOrderId && { lines: { some: { workOrderId: filter.workOrderId } } }),
    };
    const [lists, total] = await Promise.all([
      this.db.pickingList.findMany({
        where,
        include: { lines: { orderBy: { position: 'asc' } } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        ...skipTake(filter),
      }),
      this.db.pickingList.count({ where }),
    ]);
    return { items: lists.map(present), total };
  }

  private async makeList(tx: PickingTransaction, listId: string, warehouseId: string, workOrderIds: string[], correlationId: string): Promise<void> {
    // Lock the requests so two lists can never take the same material.
    const requests = await tx.$queryRawUnsafe<
      { work_order_id: string; line_id: string; sku: string; allocations: { locationCode: string; quantity: number }[] }[]
    >(
      `SELECT work_order_id, line_id, sku, allocations FROM picking_request
        WHERE warehouse_id = $1 AND status = 'OPEN' AND work_order_id = ANY($2::text[]) ORDER BY work_order_id, line_id FOR UPDATE`,
      warehouseId,
      workOrderIds,
    );
    const errors = workOrderIds.flatMap((workOrderId, index) =>
      requests.some((request) => request.work_order_id === workOrderId)
        ? []
        : [{ field: `workOrderIds[${index}]`, message: `work order ${workOrderId} has no materials waiting to be picked in this warehouse` }],
    );
    if (errors.length > 0) throw new ListRefused(errors);
    const stops = walkingOrder(
      requests.flatMap((request) =>
        request.allocations.map((allocation) => ({ ...allocation, sku: request.sku, workOrderId: request.work_order_id, lineId: request.line_id })),
      ),
    );
    await tx.pickingList.create({
      data: {
        id: listId,
        warehouseId,
        status: PickingListStatus.Created,
        workOrderIds,
        lines: { create: stops.map((stop, position) => ({ position, ...stop })) },
      },
    });
    await tx.pickingRequest.updateMany({
      where: { warehouseId, status: 'OPEN', workOrderId: { in: workOrderIds } },
      data: { status: 'LISTED', listId, updatedAt: new Date() },
    });
    await appendToOutbox(tx, [PickingListCreated.outgoing({ listId, warehouseId, workOrderIds }, { correlationId, key: listId })]);
  }

  private async cancelList(tx: PickingTransaction, list: PickingList, reason: string, correlationId: string): Promise<void> {
    await tx.pickingList.update({ where: { id: list.id }, data: { status: PickingListStatus.Canceled, updatedAt: new Date() } });
    await tx.pickingRequest.updateMany({ where: { listId: list.id }, data: { status: 'OPEN', listId: null, updatedAt: new Date() } });
    await appendToOutbox(tx, [PickingListCanceled.outgoing({ ...facts(list), reason }, { correlationId, key: list.id })]);
  }

  private async act(id: string, action: PickingListAction, run: (tx: PickingTransaction, list: PickingList) => Promise<void>) {
    await this.db.$transaction(async (tx) => {
      const list = await this.lock(tx, id);
      if (!list) throw notFound('Picking list', id);
      const decision = decidePickingList(list.status as PickingListStatus, action);
      if (decision.kind === 'refused') throw conflict(decision.detail, { listStatus: decision.status, allowedActions: decision.allowedActions });
      await run(tx, list);
    });
    return this.get(id);
  }

  private async lock(tx: PickingTransaction, id: string): Promise<PickingList | null> {
    return (await lockRowById(tx, 'picking_list', id)) ? tx.pickingList.findUniqueOrThrow({ where: { id } }) : null;
  }
}

function facts(list: PickingList) {
  return { listId: list.id, warehouseId: list.warehouseId, workOrderIds: list.workOrderIds as string[] };
}

function present(
  list: PickingList & {
    lines: { position: number; locationCode: string; sku: string; quantity: number; workOrderId: string; lineId: string; picked: number }[];
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
    lines: list.lines.map(({ position, locationCode, sku, quantity, workOrderId, lineId, picked: linePicked }) => ({
      position,
      locationCode,
      sku,
      quantity,
      picked: linePicked,
      workOrderId,
      lineId,
    })),
    createdAt: list.createdAt,
    updatedAt: list.updatedAt,
  };
}
