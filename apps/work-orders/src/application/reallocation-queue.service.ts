import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import type { StockAvailable } from '@wo/contracts/inventory';
import { applyOnce } from '@wo/messaging';
import { SqlDatabase } from '@wo/database';
import { decideQueue, placesInQueue, queueAfter, type QueueDecision, type QueueEvent, type QueueState } from '../domain/reallocation-queue';
import { PendingAction } from '../domain/work-order-status';
import { lockQueue, lockQueuesWaitingFor, saveQueue, waitingOrders, type StockKey } from '../persistence/reallocation-queues';
import type { SqlTransaction } from '../persistence/work-orders-database';
import { settledAllocations, type EndedSaga, type SagasEndedListener, type SettledAllocation } from './allocation-settled';
import { WorkOrderCommands } from './work-order-commands.service';
import { WorkOrderTransitions } from './work-order-transitions';

/** How often one message re-reads the queue when the order it chose changed under it (a race with an operator). */
const MAX_DECISIONS = 5;

/**
 * Automatic re-allocation (domain/reallocation-queue.ts): when stock of a SKU becomes available,
 * the first order in line is retried; when its allocation settles, the next, one at a time. The
 * queue's state is a locked row per SKU in this database, changed in the transaction of the
 * message that moves it (its inbox claim, or the saga reply that settled an allocation), so a
 * restart or a redelivered message neither skips an order nor retries one twice.
 */
@Injectable()
export class ReallocationQueue implements SagasEndedListener {
  private readonly logger = new Logger(ReallocationQueue.name);

  constructor(
    private readonly sql: SqlDatabase,
    private readonly transitions: WorkOrderTransitions,
    private readonly modules: ModuleRef,
  ) {}

  /**
   * Retries go through the commands, which use the saga coordinator, which tells this queue when
   * allocations settle: the commands are looked up when first needed, which breaks that circle.
   */
  private get commands(): WorkOrderCommands {
    return this.modules.get(WorkOrderCommands, { strict: false });
  }

  /** Inventory says more of a SKU is available. */
  stockAvailable(event: EnvelopeOf<typeof StockAvailable>): Promise<QueueDecision | 'duplicate'> {
    const { warehouseId, merchantId, sku, cause, releasedFor } = event.payload;
    return applyOnce(this.sql, event, async (tx) => {
      const queue = await lockQueue(tx, { warehouseId, merchantId, sku }, cause);
      return this.move(tx, queue, { kind: 'stockAvailable', ...(releasedFor && { releasedFor }) }, cause);
    });
  }

  /**
   * Allocations that settled, in the saga coordinator's transaction (after their outcome was
   * applied): each queue that waited on one of them hands its stock on.
   */
  /** Allocations that settled hand the stock on to the next order in line. */
  onSagasEnded(tx: SqlTransaction, ended: readonly EndedSaga[]): Promise<void> {
    return this.onAllocationSettled(tx, settledAllocations(ended));
  }

  async onAllocationSettled(tx: SqlTransaction, settled: readonly SettledAllocation[]): Promise<void> {
    if (settled.length === 0) return;
    const queues = await lockQueuesWaitingFor(
      tx,
      settled.map(({ workOrderId }) => workOrderId),
    );
    for (const queue of queues) {
      const outcome = settled.find(({ workOrderId }) => workOrderId === queue.waitingFor)!;
      await this.move(tx, queue, { kind: 'allocationSettled', ...outcome }, queue.cause);
    }
  }

  /**
   * Decides and carries out. The waiting orders are read without locks; the order chosen is then
   * locked and checked again: if it changed meanwhile (an operator retried or canceled it), the
   * queue is read again and decided anew.
   */
  private async move(tx: SqlTransaction, queue: StockKey & QueueState, event: QueueEvent, cause: string): Promise<QueueDecision> {
    for (let round = 0; round < MAX_DECISIONS; round += 1) {
      const decision = decideQueue(queue, event, await waitingOrders(tx, queue));
      if (!(await this.carriedOut(tx, queue, decision, cause))) continue;
      if (decision.kind === 'ignored') this.logger.log({ msg: `re-allocation queue of ${queue.sku} in ${queue.warehouseId}: ignored, ${decision.reason}` });
      await saveQueue(tx, queue, queueAfter(queue, decision), cause);
      return decision;
    }
    // The next stock event for the SKU starts it again.
    const idle: QueueDecision = { kind: 'idle', reason: 'the orders kept changing while the queue chose' };
    this.logger.warn({ msg: `re-allocation queue of ${queue.sku} in ${queue.warehouseId}: ${idle.reason}` });
    await saveQueue(tx, queue, queueAfter(queue, idle), cause);
    return idle;
  }

  /** False when the order the decision names changed since it was read. */
  private async carriedOut(tx: SqlTransaction, queue: StockKey & QueueState, decision: QueueDecision, cause: string): Promise<boolean> {
    switch (decision.kind) {
      case 'retry':
        return (await this.commands.retryAllocationAutomatically(tx, decision.workOrderId, { sku: queue.sku, cause })) === 'started';
      case 'wait': {
        // Already waiting on it: its settling finds this queue (and locking it here could deadlock with that).
        if (decision.on === queue.waitingFor) return true;
        // Locked, so that its allocation cannot settle unseen before this queue says it waits on it.
        const order = await this.transitions.lock(tx, decision.on);
        return order?.pendingAction === PendingAction.Allocating;
      }
      case 'idle':
      case 'ignored':
        return true;
      default: {
        const unknownDecision: never = decision;
        throw new Error(`unknown queue decision ${JSON.stringify(unknownDecision)}`);
      }
    }
  }
}

/** For an order's detail: its place in the queue of each SKU it is short of (none when it is not queued). */
export async function queuePlacesOf(
  db: SqlTransaction,
  order: { id: string; warehouseId: string; merchantId: string; autoRetry: boolean; shortages: readonly { sku: string }[] },
): Promise<{ sku: string; place: number; waiting: number }[]> {
  if (!order.autoRetry) return [];
  const places = await Promise.all(
    [...new Set(order.shortages.map(({ sku }) => sku))].map(async (sku) => {
      const place = placesInQueue(await waitingOrders(db, { warehouseId: order.warehouseId, merchantId: order.merchantId, sku })).get(order.id);
      return place ? [{ sku, ...place }] : [];
    }),
  );
  return places.flat();
}
