import { Injectable } from '@nestjs/common';
import type { OutgoingMessage } from '@wo/contracts/envelope';
import { appendToOutbox } from '@wo/messaging';
import { evolve, type LifecycleEvent, type LifecycleState } from '../domain/work-order-lifecycle';
import type { PendingAction, WorkOrderStatus } from '../domain/work-order-status';
import type { WorkOrder } from '../generated/prisma/client';
import { lockRow, type WorkOrdersTransaction } from '../persistence/work-orders-database';

/**
 * The only place a work order's status changes: applies a lifecycle event through the pure
 * `evolve`, writes the result, a history entry and the public events, in the caller's transaction.
 */
@Injectable()
export class WorkOrderTransitions {
  async lock(tx: WorkOrdersTransaction, workOrderId: string): Promise<WorkOrder | null> {
    if (!(await lockRow(tx, 'work_order', workOrderId))) return null;
    return tx.workOrder.findUniqueOrThrow({ where: { id: workOrderId } });
  }

  async apply(
    tx: WorkOrdersTransaction,
    order: WorkOrder,
    event: LifecycleEvent,
    history: { event: string; detail?: Record<string, unknown> },
    messages: readonly OutgoingMessage[] = [],
    extra: { shortages?: unknown } = {},
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

  async record(tx: WorkOrdersTransaction, workOrderId: string, event: string, detail: Record<string, unknown> = {}): Promise<void> {
    await tx.workOrderHistory.create({ data: { workOrderId, event, detail: detail as never } });
  }
}

export function stateOf(order: Pick<WorkOrder, 'status' | 'pendingAction'>): LifecycleState {
  return { status: order.status as WorkOrderStatus, pendingAction: order.pendingAction as PendingAction | null };
}
