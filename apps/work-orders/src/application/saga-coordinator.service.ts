import { Injectable, Logger } from '@nestjs/common';
import type { Envelope, OutgoingMessage } from '@wo/contracts/envelope';
import { appendToOutbox, claimInbox } from '@wo/messaging';
import { randomUUID } from 'node:crypto';
import type { WorkOrder } from '../generated/prisma/client';
import { lockRow, WorkOrdersDatabase, type WorkOrdersTransaction } from '../persistence/work-orders-database';
import { onAllocationReply, startAllocation, type AllocationOutcome, type AllocationSagaData } from '../saga/allocation-saga';
import { onReleaseReply, startRelease, type ReleaseSagaData } from '../saga/release-saga';
import type { SagaCommand, SagaReaction } from '../saga/saga-types';
import type { StockReply } from '../saga/stock-reply';
import { publicEvents } from './work-order-events';
import { WorkOrderTransitions } from './work-order-transitions';

export type SagaType = 'allocation' | 'release';
export type ReplyHandling = 'applied' | 'ignored' | 'duplicate';

/**
 * Runs the work-order sagas: starts them in the caller's transaction, and feeds them inventory's
 * replies one at a time (the saga row is locked), persisting their data, sending the commands
 * they ask for and applying their outcome to the work order, all in one transaction.
 */
@Injectable()
export class SagaCoordinator {
  private readonly logger = new Logger(SagaCoordinator.name);

  constructor(
    private readonly db: WorkOrdersDatabase,
    private readonly transitions: WorkOrderTransitions,
  ) {}

  async startAllocation(tx: WorkOrdersTransaction, order: WorkOrder, materials: { id: string; sku: string; quantity: number }[]): Promise<string> {
    const sagaId = randomUUID();
    const started = startAllocation({
      sagaId,
      workOrderId: order.id,
      warehouseId: order.warehouseId,
      merchantId: order.merchantId,
      materials: materials.map((line) => ({ lineId: line.id, sku: line.sku, quantity: line.quantity })),
    });
    await this.save(tx, 'allocation', started.data, started.commands, null);
    return sagaId;
  }

  async startRelease(tx: WorkOrdersTransaction, order: WorkOrder, reservations: { reservationId: string; sku: string }[]): Promise<string> {
    const sagaId = randomUUID();
    const started = startRelease({ sagaId, workOrderId: order.id, warehouseId: order.warehouseId, reservations });
    await this.save(tx, 'release', started.data, started.commands, null);
    if (started.outcome) await this.finishRelease(tx, sagaId, order.id);
    return sagaId;
  }

  onStockReply(reply: Envelope & StockReply): Promise<ReplyHandling> {
    return this.db.$transaction(async (tx) => {
      if (!(await claimInbox(tx, reply))) return 'duplicate';
      const sagaId = reply.correlationId;
      if (!(await lockRow(tx, 'saga_instance', sagaId))) return this.ignore(reply, 'no such saga');
      const saga = await tx.sagaInstance.findUniqueOrThrow({ where: { id: sagaId } });
      if (saga.state === 'FINISHED') return this.ignore(reply, 'saga already finished');

      const type = saga.type as SagaType;
      const reaction: SagaReaction<AllocationSagaData | ReleaseSagaData, unknown> =
        type === 'allocation' ? onAllocationReply(saga.data as unknown as AllocationSagaData, reply) : onReleaseReply(saga.data as unknown as ReleaseSagaData, reply);
      if (reaction.kind === 'ignored') return this.ignore(reply, reaction.reason);

      await this.save(tx, type, reaction.data, reaction.commands, reaction.outcome === null ? null : 'FINISHED', reply.id);
      if (reaction.outcome !== null) {
        if (type === 'allocation') await this.finishAllocation(tx, sagaId, reaction.data as AllocationSagaData, reaction.outcome as AllocationOutcome);
        else await this.finishRelease(tx, sagaId, (reaction.data as ReleaseSagaData).workOrderId);
      }
      return 'applied';
    });
  }

  private async finishAllocation(tx: WorkOrdersTransaction, sagaId: string, data: AllocationSagaData, outcome: AllocationOutcome): Promise<void> {
    const order = await this.transitions.lock(tx, data.workOrderId);
    if (!order) throw new Error(`saga ${sagaId} finished for a missing work order ${data.workOrderId}`);
    if (outcome.kind === 'allocated') {
      await tx.workOrderReservation.createMany({
        data: outcome.lines.map((line) => ({
          reservationId: line.reservationId,
          workOrderId: order.id,
          lineId: line.lineId,
          sku: line.sku,
          quantity: line.quantity,
          allocations: line.allocations as never,
          status: 'HELD',
        })),
      });
      await this.transitions.apply(tx, order, { type: 'AllocationSucceeded' }, { event: 'allocated', detail: { sagaId } }, [publicEvents.allocated(order, sagaId)], { shortages: [] });
    } else {
      await this.transitions.apply(
        tx,
        order,
        { type: 'AllocationFailed' },
        { event: 'outOfStock', detail: { sagaId, shortages: outcome.shortages } },
        [publicEvents.outOfStock(order, outcome.shortages, sagaId)],
        { shortages: outcome.shortages },
      );
    }
  }

  private async finishRelease(tx: WorkOrdersTransaction, sagaId: string, workOrderId: string): Promise<void> {
    const order = await this.transitions.lock(tx, workOrderId);
    if (!order) throw new Error(`saga ${sagaId} finished for a missing work order ${workOrderId}`);
    await tx.workOrderReservation.updateMany({ where: { workOrderId, status: 'HELD' }, data: { status: 'RELEASED' } });
    await this.transitions.apply(tx, order, { type: 'Released' }, { event: 'canceled', detail: { sagaId, released: true } }, [publicEvents.canceled(order, sagaId)]);
  }

  private async save(
    tx: WorkOrdersTransaction,
    type: SagaType,
    data: AllocationSagaData | ReleaseSagaData,
    commands: readonly SagaCommand[],
    state: 'FINISHED' | null,
    causationId: string | null = null,
  ): Promise<void> {
    const now = new Date();
    await tx.sagaInstance.upsert({
      where: { id: data.sagaId },
      create: { id: data.sagaId, type, workOrderId: data.workOrderId, phase: data.phase, data: data as never, state: state ?? 'RUNNING' },
      update: { phase: data.phase, data: data as never, state: state ?? 'RUNNING', updatedAt: now, finishedAt: state ? now : null },
    });
    await appendToOutbox(tx, commands.map((command) => toOutgoing(command, data.sagaId, causationId)));
  }

  private ignore(reply: Envelope, reason: string): ReplyHandling {
    this.logger.log(`ignored ${reply.type} ${reply.id} for saga ${reply.correlationId}: ${reason}`);
    return 'ignored';
  }
}

function toOutgoing(command: SagaCommand, sagaId: string, causationId: string | null): OutgoingMessage {
  return command.definition.outgoing(command.payload, { correlationId: sagaId, causationId, key: command.key });
}
