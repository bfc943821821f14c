import { Injectable } from '@nestjs/common';
import type { OutgoingMessage } from '@wo/contracts/envelope';
import { appendToOutbox } from '@wo/messaging';
import { statusesMovedBy, stepEndingIn } from '../domain/held-reservation-lifecycle';
import { evolve, type LifecycleEvent, type LifecycleState, type WorkOrderChange } from '../domain/work-order-lifecycle';
import type { PendingAction, WorkOrderStatus } from '../domain/work-order-status';
import type { WorkOrder } from '../generated/prisma/client';
import {
  appendLogLines,
  endHeldReservations,
  holdReservations,
  lockWorkOrders,
  type LockedWorkOrder,
  type SqlTransaction,
} from '../persistence/work-orders-database';

/** What a transition reads of the order it moves. */
type OrderState = Pick<WorkOrder, 'id' | 'status' | 'pendingAction'>;

/** What a transition may set besides the status (left as it is when absent). */
export type TransitionExtras = Pick<WorkOrderChange, 'shortages' | 'inboundOrderId' | 'inboundStatus'>;

/**
 * The only place a work order's status changes: applies a lifecycle event through the pure
 * `evolve`, writes the result, a history entry and the public events, in the caller's transaction.
 * Written in SQL, so it runs in a Prisma transaction and in a plain pg one (the hot paths) alike.
 */
@Injectable()
export class WorkOrderTransitions {
  /** Locks and reads one order (null when there is none): every change of an order starts here. */
  async lock(tx: SqlTransaction, workOrderId: string): Promise<LockedWorkOrder | null> {
    const [order] = await lockWorkOrders(tx, [workOrderId]);
    return order ?? null;
  }

  /** The batch form of `lock`: several orders locked (in id order) and read in one statement. */
  async lockMany(tx: SqlTransaction, workOrderIds: readonly string[]): Promise<Map<string, LockedWorkOrder>> {
    const orders = await lockWorkOrders(tx, [...new Set(workOrderIds)]);
    return new Map(orders.map((order) => [order.id, order]));
  }

  async apply(
    tx: SqlTransaction,
    order: OrderState,
    event: LifecycleEvent,
    history: { event: string; detail?: Record<string, unknown> },
    messages: readonly OutgoingMessage[] = [],
    extras: TransitionExtras = {},
  ): Promise<LifecycleState> {
    const [next] = await this.applyChanges(tx, [
      { order, change: { event, history: { event: history.event, detail: history.detail ?? {} }, messages, ...extras } },
    ]);
    return next!;
  }

  /**
   * Changes of several orders (one each) in a statement per kind, whatever their number: the
   * reservations they come to hold, those that end, the statuses, the history, and one outbox
   * insert for their events with `alsoSend` (a saga's commands) ahead of them.
   */
  async applyChanges(
    tx: SqlTransaction,
    changes: readonly { readonly order: OrderState; readonly change: WorkOrderChange }[],
    alsoSend: readonly OutgoingMessage[] = [],
  ): Promise<LifecycleState[]> {
    const next = changes.map(({ order, change }) => evolve(stateOf(order), change.event));
    await holdReservations(
      tx,
      changes.flatMap(({ order, change }) =>
        change.reservations && 'hold' in change.reservations ? change.reservations.hold.map((held) => ({ ...held, workOrderId: order.id })) : [],
      ),
    );
    await endHeldReservations(
      tx,
      changes.flatMap(({ order, change }) => (change.reservations && 'end' in change.reservations ? [endOf(order.id, change.reservations.end)] : [])),
    );
    if (changes.length > 0) {
      await tx.$executeRawUnsafe(
        `UPDATE work_order w SET status = u.status, pending_action = u.pending_action, updated_at = now(), shortages = COALESCE(u.shortages::jsonb, w.shortages),
                inbound_order_id = COALESCE(u.inbound_order_id, w.inbound_order_id), inbound_status = COALESCE(u.inbound_status, w.inbound_status)
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(id, status, pending_action, shortages, inbound_order_id, inbound_status)
          WHERE w.id = u.id`,
        changes.map(({ order }) => order.id),
        next.map((state) => state.status),
        next.map((state) => state.pendingAction),
        changes.map(({ change }) => (change.shortages === undefined ? null : JSON.stringify(change.shortages))),
        changes.map(({ change }) => change.inboundOrderId ?? null),
        changes.map(({ change }) => change.inboundStatus ?? null),
      );
    }
    await this.recordMany(
      tx,
      changes.map(({ order, change }) => ({ workOrderId: order.id, event: change.history.event, detail: change.history.detail })),
    );
    await appendToOutbox(tx, [...alsoSend, ...changes.flatMap(({ change }) => change.messages)]);
    return next;
  }

  async record(tx: SqlTransaction, workOrderId: string, event: string, detail: Record<string, unknown> = {}): Promise<void> {
    await this.recordMany(tx, [{ workOrderId, event, detail }]);
  }

  /** History lines, in one statement, in the given order. */
  async recordMany(tx: SqlTransaction, entries: readonly { workOrderId: string; event: string; detail?: Record<string, unknown> }[]): Promise<void> {
    await appendLogLines(
      tx,
      { table: 'work_order_history', ownerColumn: 'work_order_id' },
      entries.map(({ workOrderId, event, detail }) => ({ ownerId: workOrderId, event, detail: detail ?? {} })),
    );
  }
}

/** A saga's end of an order's reservations, guarded as the domain decides: only held records end. */
function endOf(workOrderId: string, to: 'RELEASED' | 'CONSUMED') {
  return { workOrderId, to, from: statusesMovedBy(stepEndingIn(to)) };
}

export function stateOf(order: Pick<WorkOrder, 'status' | 'pendingAction'>, picking?: LifecycleState['picking']): LifecycleState {
  return { status: order.status as WorkOrderStatus, pendingAction: order.pendingAction as PendingAction | null, picking };
}

/** Where the order's picking stands: no list, a list not yet done, or every live list done. */
/** The order's picking lists that were not canceled: those that fetched its materials. */
export async function pickingListIdsOf(tx: SqlTransaction, workOrderId: string): Promise<string[]> {
  const lists = await tx.$queryRawUnsafe<{ list_id: string }[]>(
    `SELECT list_id FROM work_order_picking_list WHERE work_order_id = $1 AND status <> 'CANCELED' ORDER BY list_id`,
    workOrderId,
  );
  return lists.map((list) => list.list_id);
}

export async function pickingOf(tx: SqlTransaction, workOrderId: string): Promise<NonNullable<LifecycleState['picking']>> {
  const lists = await tx.$queryRawUnsafe<{ status: string }[]>(
    `SELECT status FROM work_order_picking_list WHERE work_order_id = $1 AND status <> 'CANCELED'`,
    workOrderId,
  );
  if (lists.length === 0) return 'none';
  return lists.every((list) => list.status === 'DONE') ? 'done' : 'open';
}
