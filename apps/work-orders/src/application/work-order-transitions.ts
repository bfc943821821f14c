import { Injectable } from '@nestjs/common';
import type { OutgoingMessage } from '@wo/contracts/envelope';
import { appendToOutbox } from '@wo/messaging';
import { evolve, type LifecycleEvent, type LifecycleState } from '../domain/work-order-lifecycle';
import type { PendingAction, WorkOrderStatus } from '../domain/work-order-status';
import type { WorkOrder } from '../generated/prisma/client';
import { lockWorkOrders, type WorkOrdersTransaction } from '../persistence/work-orders-database';

/**
 * The only place a work order's status changes: applies a lifecycle event through the pure
 * `evolve`, writes the result, a history entry and the public events, in the caller's transaction.
 */
@Injectable()
export class WorkOrderTransitions {
  /** Locks and reads one order (null when there is none): every change of an order starts here. */
  async lock(tx: WorkOrdersTransaction, workOrderId: string): Promise<WorkOrder | null> {
    const [order] = await lockWorkOrders(tx, [workOrderId]);
    return order ?? null;
  }

  /** The batch form of `lock`: several orders locked (in id order) and read in one statement. */
  async lockMany(tx: WorkOrdersTransaction, workOrderIds: readonly string[]): Promise<Map<string, WorkOrder>> {
    const orders = await lockWorkOrders(tx, [...new Set(workOrderIds)]);
    return new Map(orders.map((order) => [order.id, order]));
  }

  async apply(
    tx: WorkOrdersTransaction,
    order: WorkOrder,
    event: LifecycleEvent,
    history: { event: string; detail?: Record<string, unknown> },
    messages: readonly OutgoingMessage[] = [],
    extra: { shortages?: unknown; inboundOrderId?: string; inboundStatus?: string } = {},
  ): Promise<LifecycleState> {
    const next = evolve(stateOf(order), event);
    await tx.workOrder.update({
      where: { id: order.id },
      data: { status: next.status, pendingAction: next.pendingAction, updatedAt: new Date(), ...extra } as never,
    });
    await this.record(tx, order.id, history.event, history.detail);
    await appendToOutbox(tx, messages);
    return next;
  }

  /**
   * The batch form of `apply` for lifecycle events that set the shortages (allocation outcomes):
   * every order's new status in one statement, the history in one, the messages in one.
   */
  async applyMany(
    tx: WorkOrdersTransaction,
    changes: readonly { order: WorkOrder; event: LifecycleEvent; history: { event: string; detail?: Record<string, unknown> }; messages: readonly OutgoingMessage[]; shortages: unknown }[],
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
    await tx.workOrderHistory.createMany({ data: changes.map(({ order, history }) => ({ workOrderId: order.id, event: history.event, detail: (history.detail ?? {}) as never })) });
    await appendToOutbox(tx, changes.flatMap((change) => change.messages));
  }

  async record(tx: WorkOrdersTransaction, workOrderId: string, event: string, detail: Record<string, unknown> = {}): Promise<void> {
    await tx.workOrderHistory.create({ data: { workOrderId, event, detail: detail as never } });
  }
}

export function stateOf(order: Pick<WorkOrder, 'status' | 'pendingAction'>, picking?: LifecycleState['picking']): LifecycleState {
  return { status: order.status as WorkOrderStatus, pendingAction: order.pendingAction as PendingAction | null, picking };
}

/** Where the order's picking stands: no list, a list not yet done, or every live list done. */
export async function pickingOf(tx: WorkOrdersTransaction, workOrderId: string): Promise<NonNullable<LifecycleState['picking']>> {
  const lists = await tx.workOrderPickingList.findMany({ where: { workOrderId, status: { not: 'CANCELED' } }, select: { status: true } });
  if (lists.length === 0) return 'none';
  return lists.every((list) => list.status === 'DONE') ? 'done' : 'open';
}
