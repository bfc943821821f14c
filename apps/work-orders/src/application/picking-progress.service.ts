import { Injectable } from '@nestjs/common';
import type { Actor, Envelope, EnvelopeOf } from '@wo/contracts/envelope';
import {
  CancelPickingList,
  type PickingListCanceled,
  type PickingListCompleted,
  type PickingListCreated,
  type PickingListRefused,
  type PickingListStarted,
} from '@wo/contracts/picking';
import { appendToOutbox, applyOnce } from '@wo/messaging';
import type { PickingListStatus } from '@wo/contracts/rest';
import { decidePickingListProgress, type PickingListStep } from '../domain/picking-list-progress';
import { WorkOrderStatus } from '../domain/work-order-status';
import type { WorkOrder } from '../generated/prisma/client';
import { WorkOrdersDatabase, type WorkOrdersTransaction } from '../persistence/work-orders-database';
import { heldReservations } from './held-reservations';
import { publicEvents } from '../domain/work-order-events';
import { WorkOrderTransitions } from './work-order-transitions';

type ListEvent = Envelope<{ listId: string; workOrderIds: string[] }>;

/**
 * What picking tells us about its lists, applied to the orders they cover: a new list moves its
 * orders to Processing (all of them, or none and the list is withdrawn), progress is recorded,
 * a canceled list puts its orders back to Allocated with their reservations kept.
 */
@Injectable()
export class PickingProgress {
  constructor(
    private readonly db: WorkOrdersDatabase,
    private readonly transitions: WorkOrderTransitions,
  ) {}

  listCreated(event: EnvelopeOf<typeof PickingListCreated>) {
    return this.once(event, async (tx, orders) => {
      const { listId, actor } = event.payload;
      const blocked = orders.filter((order) => order.status !== WorkOrderStatus.Allocated || order.pendingAction !== null);
      if (blocked.length > 0 || orders.length !== event.payload.workOrderIds.length) {
        // Another action got there first (a cancel, say): withdraw the whole list, move no order.
        const reason = `not every order is Allocated: ${blocked.map((order) => `${order.number} is ${order.pendingAction ?? order.status}`).join(', ') || 'an order is unknown'}`;
        await appendToOutbox(tx, [CancelPickingList.outgoing({ listId, reason }, { correlationId: event.correlationId, cause: event, key: listId })]);
        for (const order of orders) await this.transitions.record(tx, order.id, 'pickingListWithdrawn', { listId, reason });
        return;
      }
      for (const order of orders) {
        await tx.workOrderPickingList.create({ data: { listId, workOrderId: order.id, status: 'CREATED' } });
        await this.transitions.apply(tx, order, { type: 'PickingStarted' }, { event: 'processing', detail: { listId, ...(actor && { actor }) } }, [
          publicEvents.processing(order, listId, event.correlationId),
        ]);
      }
    });
  }

  listRefused(event: EnvelopeOf<typeof PickingListRefused>) {
    return this.once(event, async (tx, orders) => {
      for (const order of orders)
        await this.transitions.record(tx, order.id, 'pickingListRefused', { listId: event.payload.listId, reason: event.payload.reason });
    });
  }

  listStarted(event: EnvelopeOf<typeof PickingListStarted>) {
    return this.once(event, (tx, orders) =>
      this.progress(tx, orders, event.payload.listId, 'started', 'pickingStarted', event.payload.actor, event.payload.picker),
    );
  }

  listCompleted(event: EnvelopeOf<typeof PickingListCompleted>) {
    return this.once(event, (tx, orders) => this.progress(tx, orders, event.payload.listId, 'completed', 'pickingDone', event.payload.actor));
  }

  listCanceled(event: EnvelopeOf<typeof PickingListCanceled>) {
    return this.once(event, async (tx, orders) => {
      const { listId, reason, actor } = event.payload;
      const by = actor ? { actor } : {};
      await this.advanceList(tx, listId, 'canceled');
      for (const order of orders) {
        const stillPicking = await tx.workOrderPickingList.count({ where: { workOrderId: order.id, status: { not: 'CANCELED' } } });
        if (order.status === WorkOrderStatus.Processing && order.pendingAction === null && stillPicking === 0) {
          await this.transitions.apply(tx, order, { type: 'PickingCanceled' }, { event: 'pickingListCanceled', detail: { listId, reason, ...by } }, [
            publicEvents.allocated(order, await heldReservations(tx, order.id), event.correlationId),
          ]);
        } else {
          await this.transitions.record(tx, order.id, 'pickingListCanceled', { listId, reason, ...by });
        }
      }
    });
  }

  /** A list's step on each of its orders: the list's status here, and a history line that says who took the step. */
  private async progress(
    tx: WorkOrdersTransaction,
    orders: WorkOrder[],
    listId: string,
    step: PickingListStep,
    historyEvent: string,
    actor: Actor | undefined,
    picker?: string,
  ) {
    await this.advanceList(tx, listId, step, picker);
    const detail = { listId, ...(picker !== undefined && { picker }), ...(actor && { actor }) };
    for (const order of orders) await this.transitions.record(tx, order.id, historyEvent, detail);
  }

  /** Moves the list's record (one row per order it covers) as its lifecycle allows; a step it does not allow changes nothing. */
  private async advanceList(tx: WorkOrdersTransaction, listId: string, step: PickingListStep, picker?: string): Promise<void> {
    for (const row of await tx.workOrderPickingList.findMany({ where: { listId } })) {
      const decision = decidePickingListProgress(row.status as PickingListStatus, step);
      if (decision.kind === 'ignored') continue;
      await tx.workOrderPickingList.update({
        where: { listId_workOrderId: { listId, workOrderId: row.workOrderId } },
        data: { status: decision.status, updatedAt: new Date(), ...(picker !== undefined && { picker }) },
      });
    }
  }

  /** Inbox, then the list's orders locked in id order (a fixed order: no deadlock with other actions). */
  private once(event: ListEvent, apply: (tx: WorkOrdersTransaction, orders: WorkOrder[]) => Promise<void>) {
    return applyOnce(this.db, event, async (tx) => {
      const orders: WorkOrder[] = [];
      for (const id of [...event.payload.workOrderIds].sort()) {
        const order = await this.transitions.lock(tx, id);
        if (order) orders.push(order);
      }
      await apply(tx, orders);
      return 'applied';
    });
  }
}
