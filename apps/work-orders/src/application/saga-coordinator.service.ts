import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Envelope, OutgoingMessage } from '@wo/contracts/envelope';
import { appendToOutbox, claimInbox } from '@wo/messaging';
import { lockRowById } from '@wo/platform';
import { randomUUID } from 'node:crypto';
import type { WorkOrder } from '../generated/prisma/client';
import { WorkOrdersDatabase, type WorkOrdersTransaction } from '../persistence/work-orders-database';
import { startAllocation, type AllocationOutcome, type AllocationSagaData } from '../saga/allocation-saga';
import { startCompletion, type CompletionSagaData } from '../saga/completion-saga';
import { startRelease, type ReleaseSagaData } from '../saga/release-saga';
import { pendingCommands, reactToReply, type SagaRun, type SagaType } from '../saga/saga-registry';
import type { SagaReply } from '../saga/saga-reply';
import type { SagaCommand } from '../saga/saga-types';
import { nextDeadline, type SagaTiming } from '../saga/saga-timing';
import { publicEvents } from './work-order-events';
import { WorkOrderTransitions } from './work-order-transitions';

export type ReplyHandling = 'applied' | 'ignored' | 'duplicate';

export const SAGA_TIMING = Symbol('SAGA_TIMING');

/**
 * Runs the work-order sagas: starts them in the caller's transaction, and feeds them replies one
 * at a time (the saga row is locked), persisting their data, sending the commands they ask for and
 * applying their outcome to the work order, all in one transaction.
 */
@Injectable()
export class SagaCoordinator {
  private readonly logger = new Logger(SagaCoordinator.name);

  constructor(
    private readonly db: WorkOrdersDatabase,
    private readonly transitions: WorkOrderTransitions,
    @Inject(SAGA_TIMING) private readonly timing: SagaTiming,
  ) {}

  async startAllocation(tx: WorkOrdersTransaction, order: WorkOrder, materials: { id: string; sku: string; quantity: number }[]): Promise<string> {
    const started = startAllocation({
      sagaId: randomUUID(),
      workOrderId: order.id,
      warehouseId: order.warehouseId,
      merchantId: order.merchantId,
      materials: materials.map((line) => ({ lineId: line.id, sku: line.sku, quantity: line.quantity })),
    });
    await this.save(tx, { type: 'allocation', data: started.data }, started.commands, { isNew: true });
    return started.data.sagaId;
  }

  async startRelease(tx: WorkOrdersTransaction, order: WorkOrder, reservations: { reservationId: string; sku: string }[]): Promise<string> {
    const started = startRelease({ sagaId: randomUUID(), workOrderId: order.id, warehouseId: order.warehouseId, reservations });
    await this.save(tx, { type: 'release', data: started.data }, started.commands, { isNew: true, finished: started.outcome !== null });
    if (started.outcome) await this.finishRelease(tx, started.data);
    return started.data.sagaId;
  }

  async startCompletion(tx: WorkOrdersTransaction, order: WorkOrder, reservations: { reservationId: string; sku: string }[], outputs: { sku: string; quantity: number }[]): Promise<string> {
    const started = startCompletion({ sagaId: randomUUID(), workOrderId: order.id, workOrderNumber: order.number, warehouseId: order.warehouseId, merchantId: order.merchantId, reservations, outputs });
    await this.save(tx, { type: 'completion', data: started.data }, started.commands, { isNew: true });
    return started.data.sagaId;
  }

  onReply(reply: Envelope & SagaReply): Promise<ReplyHandling> {
    return this.db.$transaction((tx) => this.applyReply(tx, reply));
  }

  /**
   * A run of replies from one partition, in one transaction: one commit for the lot instead of one
   * per reply. Each reply still goes to its own saga, in order, with its own inbox record.
   */
  onReplies(replies: readonly (Envelope & SagaReply)[]): Promise<ReplyHandling[]> {
    return this.db.$transaction(async (tx) => {
      const results: ReplyHandling[] = [];
      for (const reply of replies) results.push(await this.applyReply(tx, reply));
      return results;
    });
  }

  private async applyReply(tx: WorkOrdersTransaction, reply: Envelope & SagaReply): Promise<ReplyHandling> {
    if (!(await claimInbox(tx, reply))) return 'duplicate';
    const sagaId = reply.correlationId;
    // Lock and read in one statement: this is the hottest path of the orchestrator.
    const [saga] = await tx.$queryRawUnsafe<{ type: string; state: string; data: unknown }[]>('SELECT type, state, data FROM saga_instance WHERE id = $1 FOR UPDATE', sagaId);
    if (!saga) return this.ignore(reply, 'no such saga');
    if (saga.state === 'FINISHED') return this.ignore(reply, 'saga already finished', tx);

    const progress = reactToReply({ type: saga.type, data: saga.data } as unknown as SagaRun, reply);
    if (progress.reaction.kind === 'ignored') return this.ignore(reply, progress.reaction.reason, tx);
    const { data, commands, outcome } = progress.reaction;
    await this.save(tx, { type: progress.type, data } as SagaRun, commands, { finished: outcome !== null, causationId: reply.id });
    if (outcome === null) return 'applied';
    switch (progress.type) {
      case 'allocation':
        await this.finishAllocation(tx, data as AllocationSagaData, outcome as AllocationOutcome);
        break;
      case 'release':
        await this.finishRelease(tx, data as ReleaseSagaData);
        break;
      case 'completion':
        await this.finishCompletion(tx, data as CompletionSagaData);
        break;
    }
    return 'applied';
  }

  private async finishAllocation(tx: WorkOrdersTransaction, data: AllocationSagaData, outcome: AllocationOutcome): Promise<void> {
    const order = await this.lockOrder(tx, data.sagaId, data.workOrderId);
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
      const materials = outcome.lines.map(({ lineId, sku, quantity, allocations }) => ({ lineId, sku, quantity, allocations: [...allocations] }));
      await this.transitions.apply(tx, order, { type: 'AllocationSucceeded' }, { event: 'allocated', detail: { sagaId: data.sagaId } }, [publicEvents.allocated(order, materials, data.sagaId)], { shortages: [] });
    } else {
      await this.transitions.apply(
        tx,
        order,
        { type: 'AllocationFailed' },
        { event: 'outOfStock', detail: { sagaId: data.sagaId, shortages: outcome.shortages } },
        [publicEvents.outOfStock(order, outcome.shortages, data.sagaId)],
        { shortages: outcome.shortages },
      );
    }
  }

  private async finishRelease(tx: WorkOrdersTransaction, data: ReleaseSagaData): Promise<void> {
    const order = await this.lockOrder(tx, data.sagaId, data.workOrderId);
    await tx.workOrderReservation.updateMany({ where: { workOrderId: order.id, status: 'HELD' }, data: { status: 'RELEASED' } });
    await this.transitions.apply(tx, order, { type: 'Released' }, { event: 'canceled', detail: { sagaId: data.sagaId, released: true } }, [publicEvents.canceled(order, data.sagaId)]);
  }

  private async finishCompletion(tx: WorkOrdersTransaction, data: CompletionSagaData): Promise<void> {
    const order = await this.lockOrder(tx, data.sagaId, data.workOrderId);
    const inboundOrderId = data.inboundOrderId!;
    await tx.workOrderReservation.updateMany({ where: { workOrderId: order.id, status: 'HELD' }, data: { status: 'CONSUMED' } });
    await this.transitions.apply(
      tx,
      order,
      { type: 'Completed' },
      { event: 'completed', detail: { sagaId: data.sagaId, inboundOrderId } },
      [publicEvents.completed(order, inboundOrderId, [...data.outputs], data.sagaId)],
      { inboundOrderId, inboundStatus: order.inboundStatus ?? 'PENDING' },
    );
  }

  private async lockOrder(tx: WorkOrdersTransaction, sagaId: string, workOrderId: string): Promise<WorkOrder> {
    const order = await this.transitions.lock(tx, workOrderId);
    if (!order) throw new Error(`saga ${sagaId} finished for a missing work order ${workOrderId}`);
    return order;
  }

  /**
   * Step deadlines: re-sends the unanswered commands of every saga whose step deadline passed,
   * with doubling backoff, and marks STUCK a saga past its overall deadline. Commands are
   * idempotent, so a re-send that crosses a late answer is harmless. Returns how many it handled.
   */
  async resendDue(limit = 100): Promise<{ resent: number; stuck: number }> {
    return this.db.$transaction(async (tx) => {
      const due = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id FROM saga_instance WHERE state = 'RUNNING' AND deadline_at <= now() ORDER BY deadline_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        limit,
      );
      let resent = 0;
      let stuck = 0;
      const now = new Date();
      for (const { id } of due) {
        const saga = await tx.sagaInstance.findUniqueOrThrow({ where: { id } });
        if (saga.expiresAt && saga.expiresAt <= now) {
          await tx.sagaInstance.update({ where: { id }, data: { state: 'STUCK', deadlineAt: null, updatedAt: now } });
          await this.log(tx, id, 'stuck', { phase: saga.phase, attempts: saga.stepAttempts });
          this.logger.warn(`saga ${id} (${saga.type}, work order ${saga.workOrderId}) is stuck in ${saga.phase} after ${saga.stepAttempts} re-sends`);
          stuck += 1;
          continue;
        }
        const commands = pendingCommands({ type: saga.type, data: saga.data } as unknown as SagaRun);
        await appendToOutbox(tx, commands.map((command) => toOutgoing(command, id, null)));
        await tx.sagaInstance.update({ where: { id }, data: { stepAttempts: saga.stepAttempts + 1, deadlineAt: nextDeadline(this.timing, saga.stepAttempts + 1, now), updatedAt: now } });
        await this.log(tx, id, 'resent', { phase: saga.phase, commands: commands.map((command) => command.definition.type), attempt: saga.stepAttempts + 1 });
        resent += 1;
      }
      return { resent, stuck };
    });
  }

  /** An operator's retry of a stuck (or slow) saga: a fresh deadline and its pending commands re-sent now. */
  async retry(sagaId: string): Promise<'retried' | 'finished' | 'unknown'> {
    return this.db.$transaction(async (tx) => {
      if (!(await lockRowById(tx, 'saga_instance', sagaId))) return 'unknown';
      const saga = await tx.sagaInstance.findUniqueOrThrow({ where: { id: sagaId } });
      if (saga.state === 'FINISHED') return 'finished';
      const now = new Date();
      const commands = pendingCommands({ type: saga.type, data: saga.data } as unknown as SagaRun);
      await appendToOutbox(tx, commands.map((command) => toOutgoing(command, sagaId, null)));
      await tx.sagaInstance.update({
        where: { id: sagaId },
        data: { state: 'RUNNING', stepAttempts: 0, deadlineAt: nextDeadline(this.timing, 0, now), expiresAt: new Date(now.getTime() + this.timing.deadlineMs), updatedAt: now },
      });
      await this.log(tx, sagaId, 'retried', { commands: commands.map((command) => command.definition.type) });
      return 'retried';
    });
  }

  private async save(
    tx: WorkOrdersTransaction,
    run: SagaRun,
    commands: readonly SagaCommand[],
    { finished = false, causationId = null, isNew = false }: { finished?: boolean; causationId?: string | null; isNew?: boolean },
  ): Promise<void> {
    const now = new Date();
    const state = finished ? 'FINISHED' : 'RUNNING';
    const { data } = run;
    // A new step (commands to send) gets a fresh deadline; a partial answer keeps the step's deadline.
    const step = commands.length > 0 ? { stepAttempts: 0, deadlineAt: nextDeadline(this.timing, 0, now) } : {};
    if (isNew) {
      await tx.sagaInstance.create({
        data: {
          id: data.sagaId,
          type: run.type satisfies SagaType,
          workOrderId: data.workOrderId,
          phase: data.phase,
          data: data as never,
          state,
          finishedAt: finished ? now : null,
          deadlineAt: finished ? null : nextDeadline(this.timing, 0, now),
          expiresAt: new Date(now.getTime() + this.timing.deadlineMs),
        },
        select: { id: true },
      });
    } else {
      await tx.sagaInstance.update({
        where: { id: data.sagaId },
        data: { phase: data.phase, data: data as never, state, updatedAt: now, finishedAt: finished ? now : null, ...step, ...(finished && { deadlineAt: null }) },
        select: { id: true },
      });
    }
    if (isNew) await this.log(tx, data.sagaId, 'started', { type: run.type, phase: data.phase, commands: commands.map((command) => command.definition.type) });
    // A new step after the first (the compensation, say) is worth a line; the replies themselves are in the saga's data.
    if (commands.length > 0 && !isNew) await this.log(tx, data.sagaId, 'sent', { phase: data.phase, commands: commands.map((command) => command.definition.type) });
    if (finished) await this.log(tx, data.sagaId, 'finished', { phase: data.phase });
    await appendToOutbox(tx, commands.map((command) => toOutgoing(command, data.sagaId, causationId)));
  }

  private async log(tx: WorkOrdersTransaction, sagaId: string, event: string, detail: Record<string, unknown>): Promise<void> {
    await tx.sagaStepLog.create({ data: { sagaId, event, detail: detail as never } });
  }

  private async ignore(reply: Envelope, reason: string, tx?: WorkOrdersTransaction): Promise<ReplyHandling> {
    this.logger.log(`ignored ${reply.type} ${reply.id} for saga ${reply.correlationId}: ${reason}`);
    if (tx) await this.log(tx, reply.correlationId, 'ignored', { type: reply.type, messageId: reply.id, reason });
    return 'ignored';
  }
}

function toOutgoing(command: SagaCommand, sagaId: string, causationId: string | null): OutgoingMessage {
  return command.definition.outgoing(command.payload, { correlationId: sagaId, causationId, key: command.key });
}
