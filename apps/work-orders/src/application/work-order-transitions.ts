import { Injectable } from '@nestjs/common';
import type { OutgoingMessage } from '@wo/contracts/envelope';
import { appendToOutbox } from '@wo/messaging';
import { evolve, type LifecycleEvent, type LifecycleState } from '../domain/work-order-lifecycle';
import type { PendingAction, WorkOrderStatus } from '../domain/work-order-status';
import type { WorkOrder } from '../generated/prisma/client';
import { appendLogLines, lockWorkOrders, type LockedWorkOrder, type SqlTransaction } from '../persistence/work-orders-database';

/** What a transition may set besides the status (left as it is when absent). */
export interface TransitionExtras {
  readonly shortages?: unknown;
  readonly inboundOrderId?: string;
  readonly inboundStatus?: string;
}

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
    order: WorkOrder,
    event: LifecycleEvent,
    history: { event: string; detail?: Record<string, unknown> },
    messages: readonly OutgoingMessage[] = [],
    extras: TransitionExtras = {},
  ): Promise<LifecycleState> {
    const next = evolve(stateOf(order), event);
    await tx.$executeRawUnsafe(
      `UPDATE work_order SET status = $2, pending_action = $3, updated_at = now(),
              shortages = COALESCE($4::jsonb, shortages), inbound_order_id = COALESCE($5, inbound_order_id), inbound_status = COALESCE($6, inbound_status)
        WHERE id = $1`,
      order.id,
      next.status,
      next.pendingAction,
      extras.shortages === undefined ? null : JSON.stringify(extras.shortages),
      extras.inboundOrderId ?? null,
      extras.inboundStatus ?? null,
    );
    await this.record(tx, order.id, history.event, history.detail);
    await appendToOutbox(tx, messages);
    return next;
  }

  /**
   * The batch form of `apply` for lifecycle events that set the shortages (allocation outcomes):
   * every order's new status in one statement, the history in one, the messages in one.
   */
  async applyMany(
    tx: SqlTransaction,
    changes: readonly {
      order: WorkOrder;
      event: LifecycleEvent;
      history: { event: string; detail?: Record<string, unknown> };
      messages: readonly OutgoingMessage[];
      shortages: unknown;
    }[],
  ): Promise<void> {
    if (changes.length === 0) return;
    const next = changes.map((change) => evolve(stateOf(change.order), change.event));
    await tx.$executeRawUnsafe(
      `UPDATE work_order w SET status = u.status, pending_action = u.pending_action, shortages = u.shortages::jsonb, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, status, pending_action, shortages)
        WHERE w.id = u.id`,
      changes.map((change) => change.order.id),
      next.map((state) => state.status),
      next.map((state) => state.pendingAction),
      changes.map((change) => JSON.stringify(change.shortages)),
    );
    await this.recordMany(
      tx,
      changes.map(({ order, history }) => ({ workOrderId: order.id, event: history.event, detail: history.detail })),
    );
    await appendToOutbox(
      tx,
      changes.flatMap((change) => change.messages),
    );
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

export function stateOf(order: Pick<WorkOrder, 'status' | 'pendingAction'>, picking?: LifecycleState['picking']): LifecycleState {
  return { status: order.status as WorkOrderStatus, pendingAction: order.pendingAction as PendingAction | null, picking };
}

/** Where the order's picking stands: no list, a list not yet done, or every live list done. */
export async function pickingOf(tx: SqlTransaction, workOrderId: string): Promise<NonNullable<LifecycleState['picking']>> {
  const lists = await tx.$queryRawUnsafe<{ status: string }[]>(
    `SELECT status FROM work_order_picking_list WHERE work_order_id = $1 AND status <> 'CANCELED'`,
    workOrderId,
  );
  if (lists.length === 0) return 'none';
  return lists.every((list) => list.status === 'DONE') ? 'done' : 'open';
}
