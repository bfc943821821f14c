import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Envelope, OutgoingMessage } from '@wo/contracts/envelope';
import type { Actor } from '@wo/contracts/work-orders';
import { appendToOutbox, claimInboxMany } from '@wo/messaging';
import { SagaMetrics, type SagaOutcome } from '@wo/observability';
import { lockRowById, SqlDatabase } from '@wo/platform';
import { randomUUID } from 'node:crypto';
import type { WorkOrder } from '../generated/prisma/client';
import { appendLogLines, WorkOrdersDatabase, type SqlTransaction } from '../persistence/work-orders-database';
import { startAllocation, type AllocationOutcome, type AllocationSagaData } from '../saga/allocation-saga';
import { startCompletion, type CompletionSagaData } from '../saga/completion-saga';
import { startRelease, type ReleaseSagaData } from '../saga/release-saga';
import { pendingCommands, reactToReply, type SagaProgress, type SagaRun, type SagaType } from '../saga/saga-registry';
import type { SagaReply } from '../saga/saga-reply';
import type { SagaCommand } from '../saga/saga-types';
import { nextDeadline, type SagaTiming } from '../saga/saga-timing';
import { ALLOCATION_SETTLED, type AllocationSettledListener } from './allocation-settled';
import { publicEvents } from './work-order-events';
import { WorkOrderTransitions } from './work-order-transitions';

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
    private readonly sql: SqlDatabase,
    private readonly transitions: WorkOrderTransitions,
    @Inject(SAGA_TIMING) private readonly timing: SagaTiming,
    private readonly metrics: SagaMetrics,
    @Inject(ALLOCATION_SETTLED) private readonly reallocationQueue: AllocationSettledListener,
  ) {}

  /** Starts an allocation; its first commands are returned for the caller to send with its own messages (one outbox write). */
  async startAllocation(
    tx: SqlTransaction,
    order: WorkOrder,
    materials: { id: string; sku: string; quantity: number }[],
    actor?: Actor,
  ): Promise<{ sagaId: string; commands: OutgoingMessage[] }> {
    const started = startAllocation({
      actor,
      sagaId: randomUUID(),
      workOrderId: order.id,
      warehouseId: order.warehouseId,
      merchantId: order.merchantId,
      materials: materials.map((line) => ({ lineId: line.id, sku: line.sku, quantity: line.quantity })),
    });
    const commands = await this.create(tx, { type: 'allocation', data: started.data }, started.commands, { send: false });
    return { sagaId: started.data.sagaId, commands };
  }

  async startRelease(tx: SqlTransaction, order: WorkOrder, reservations: { reservationId: string; sku: string }[]): Promise<string> {
    const started = startRelease({ sagaId: randomUUID(), workOrderId: order.id, warehouseId: order.warehouseId, reservations });
    await this.create(tx, { type: 'release', data: started.data }, started.commands, { finished: started.outcome !== null });
    if (started.outcome) {
      await this.finishRelease(tx, started.data);
      this.metrics.finished('release', 'released', 0);
    }
    return started.data.sagaId;
  }

  async startCompletion(
    tx: SqlTransaction,
    order: WorkOrder,
    reservations: { reservationId: string; sku: string }[],
    outputs: { sku: string; quantity: number }[],
  ): Promise<string> {
    const started = startCompletion({
      sagaId: randomUUID(),
      workOrderId: order.id,
      workOrderNumber: order.number,
      warehouseId: order.warehouseId,
      merchantId: order.merchantId,
      reservations,
      outputs,
    });
    await this.create(tx, { type: 'completion', data: started.data }, started.commands);
    return started.data.sagaId;
  }

  /**
   * A run of replies (from the partitions of one fetch), in one transaction and a handful of
   * statements whatever their number: every reply claimed in the inbox at once, every saga
   * concerned locked at once (in id order), each reply fed to its saga in order in memory, then the
   * sagas, their step logs and the commands they ask for written at once. Sagas that finish apply
   * their outcome to the order.
   */
  async onReplies(replies: readonly (Envelope & SagaReply)[]): Promise<void> {
    // What the metrics learn from this run, told once the transaction committed (a rolled-back run is retried, and counted then).
    const observed: (() => void)[] = [];
    await this.sql.$transaction(async (tx) => {
      // One round trip: the inbox claim, and the sagas of every reply locked (a duplicate's too: harmless).
      const [fresh, sagas] = await Promise.all([claimInboxMany(tx, replies), lockSagas(tx, [...new Set(replies.map((reply) => reply.correlationId))])]);
      const changed = new Map<string, { run: SagaRun; newStep: boolean }>();
      const logs: StepLogEntry[] = [];
      const commands: OutgoingMessage[] = [];
      const allocationsDone: { data: AllocationSagaData; outcome: AllocationOutcome }[] = [];
      const othersDone: SagaProgress[] = [];
      for (const reply of fresh) {
        const sagaId = reply.correlationId;
        const saga = sagas.get(sagaId);
        if (!saga) {
          this.ignore(reply, 'no such saga');
          continue;
        }
        if (saga.state === 'FINISHED') {
          logs.push(this.ignore(reply, 'saga already finished'));
          continue;
        }
        const progress = reactToReply(saga.run, reply);
        if (progress.reaction.kind === 'ignored') {
          logs.push(this.ignore(reply, progress.reaction.reason));
          continue;
        }
        const { data, outcome } = progress.reaction;
        saga.run = { type: progress.type, data } as SagaRun;
        saga.state = outcome === null ? 'RUNNING' : 'FINISHED';
        const newStep = progress.reaction.commands.length > 0;
        changed.set(sagaId, { run: saga.run, newStep: newStep || (changed.get(sagaId)?.newStep ?? false) });
        // A new step (the compensation, say) is worth a line; the replies themselves are in the saga's data.
        if (newStep)
          logs.push({ sagaId, event: 'sent', detail: { phase: data.phase, commands: progress.reaction.commands.map((command) => command.definition.type) } });
        if (newStep && data.phase === 'compensating') observed.push(() => this.metrics.compensated(progress.type));
        if (outcome !== null) {
          // From the start's commit time (the database's clock) to now: confirm to settled.
          const seconds = Math.max(0, Date.now() - saga.startedAt.getTime()) / 1000;
          const label = outcomeLabel(progress);
          observed.push(() => this.metrics.finished(progress.type, label, seconds));
          logs.push({ sagaId, event: 'finished', detail: { phase: data.phase } });
          if (progress.type === 'allocation') allocationsDone.push({ data: data as AllocationSagaData, outcome: outcome as AllocationOutcome });
          else othersDone.push(progress);
        }
        commands.push(...progress.reaction.commands.map((command) => toOutgoing(command, sagaId, reply.id)));
      }
      await this.updateSagas(tx, changed, sagas);
      await this.logMany(tx, logs);
      await appendToOutbox(tx, commands);
      // Allocations, the bulk of the traffic, finish together; the rarer sagas one by one.
      await this.finishAllocations(tx, allocationsDone);
      for (const progress of othersDone) await this.finishOther(tx, progress);
    });
    for (const observe of observed) observe();
  }

  private async finishOther(tx: SqlTransaction, progress: SagaProgress): Promise<void> {
    if (progress.reaction.kind === 'ignored') return;
    switch (progress.type) {
      case 'allocation':
        throw new Error('allocations finish together, in finishAllocations');
      case 'release':
        return this.finishRelease(tx, progress.reaction.data);
      case 'completion':
        return this.finishCompletion(tx, progress.reaction.data);
    }
  }

  /** The sagas a run of replies changed, in one statement. */
  private async updateSagas(tx: SqlTransaction, changed: Map<string, { run: SagaRun; newStep: boolean }>, sagas: Map<string, LockedSaga>): Promise<void> {
    if (changed.size === 0) return;
    const now = new Date();
    const entries = [...changed];
    // A new step gets a fresh deadline; a partial answer keeps the step's; a finished saga has none.
    await tx.$executeRawUnsafe(
      `UPDATE saga_instance s
          SET phase = u.phase, data = u.data::jsonb, state = u.state, updated_at = $6::timestamptz,
              finished_at = CASE WHEN u.state = 'FINISHED' THEN $6::timestamptz END,
              step_attempts = CASE WHEN u.new_step THEN 0 ELSE s.step_attempts END,
              deadline_at = CASE WHEN u.state = 'FINISHED' THEN NULL WHEN u.new_step THEN $7::timestamptz ELSE s.deadline_at END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[]) AS u(id, phase, data, state, new_step)
        WHERE s.id = u.id`,
      entries.map(([id]) => id),
      entries.map(([, { run }]) => run.data.phase),
      entries.map(([, { run }]) => JSON.stringify(run.data)),
      entries.map(([id]) => sagas.get(id)!.state),
      entries.map(([, { newStep }]) => newStep),
      now,
      nextDeadline(this.timing, 0, now),
    );
  }

  /** Allocation outcomes of one run of replies, applied to their orders together. */
  private async finishAllocations(tx: SqlTransaction, finished: readonly { data: AllocationSagaData; outcome: AllocationOutcome }[]): Promise<void> {
    if (finished.length === 0) return;
    const orders = await this.transitions.lockMany(
      tx,
      finished.map(({ data }) => data.workOrderId),
    );
    const orderOf = ({ data }: { data: AllocationSagaData }) => {
      const order = orders.get(data.workOrderId);
      if (!order) throw new Error(`saga ${data.sagaId} finished for a missing work order ${data.workOrderId}`);
      return order;
    };
    const held = finished.flatMap(({ data, outcome }) =>
      outcome.kind === 'allocated'
        ? outcome.lines.map((line) => ({
            reservationId: line.reservationId,
            workOrderId: data.workOrderId,
            lineId: line.lineId,
            sku: line.sku,
            quantity: line.quantity,
            allocations: line.allocations,
          }))
        : [],
    );
    await insertHeldReservations(tx, held);
    await this.transitions.applyMany(
      tx,
      finished.map(({ data, outcome }) => {
        const order = orderOf({ data });
        if (outcome.kind === 'allocated') {
          const materials = outcome.lines.map(({ lineId, sku, quantity, allocations }) => ({ lineId, sku, quantity, allocations: [...allocations] }));
          return {
            order,
            event: { type: 'AllocationSucceeded' },
            history: { event: 'allocated', detail: { sagaId: data.sagaId } },
            messages: [publicEvents.allocated(order, materials, data.sagaId, data.actor)],
            shortages: [],
          };
        }
        return {
          order,
          event: { type: 'AllocationFailed' },
          history: { event: 'outOfStock', detail: { sagaId: data.sagaId, shortages: outcome.shortages } },
          messages: [publicEvents.outOfStock(order, outcome.shortages, data.sagaId, data.actor)],
          shortages: outcome.shortages,
        };
      }),
    );
    // Automatic re-allocation hands the stock on to the next order in line.
    await this.reallocationQueue.onAllocationSettled(
      tx,
      finished.map(({ data, outcome }) => ({ workOrderId: data.workOrderId, outcome: outcome.kind })),
    );
  }

  private async finishRelease(tx: SqlTransaction, data: ReleaseSagaData): Promise<void> {
    const order = await this.lockOrder(tx, data.sagaId, data.workOrderId);
    await endHeldReservations(tx, order.id, 'RELEASED');
    await this.transitions.apply(tx, order, { type: 'Released' }, { event: 'canceled', detail: { sagaId: data.sagaId, released: true } }, [
      publicEvents.canceled(order, data.sagaId),
    ]);
  }

  private async finishCompletion(tx: SqlTransaction, data: CompletionSagaData): Promise<void> {
    const order = await this.lockOrder(tx, data.sagaId, data.workOrderId);
    const inboundOrderId = data.inboundOrderId!;
    await endHeldReservations(tx, order.id, 'CONSUMED');
    await this.transitions.apply(
      tx,
      order,
      { type: 'Completed' },
      { event: 'completed', detail: { sagaId: data.sagaId, inboundOrderId } },
      [publicEvents.completed(order, inboundOrderId, [...data.outputs], data.sagaId)],
      { inboundOrderId, inboundStatus: order.inboundStatus ?? 'PENDING' },
    );
  }

  private async lockOrder(tx: SqlTransaction, sagaId: string, workOrderId: string): Promise<WorkOrder> {
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
    const observed: (() => void)[] = [];
    const swept = await this.db.$transaction(async (tx) => {
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
          this.logger.warn({
            msg: `saga ${id} (${saga.type}, work order ${saga.workOrderId}) is stuck in ${saga.phase} after ${saga.stepAttempts} re-sends`,
            correlationId: id,
            workOrderId: saga.workOrderId,
          });
          stuck += 1;
          observed.push(() => this.metrics.stuck(saga.type));
          continue;
        }
        const commands = pendingCommands({ type: saga.type, data: saga.data } as unknown as SagaRun);
        await appendToOutbox(
          tx,
          commands.map((command) => toOutgoing(command, id, null)),
        );
        await tx.sagaInstance.update({
          where: { id },
          data: { stepAttempts: saga.stepAttempts + 1, deadlineAt: nextDeadline(this.timing, saga.stepAttempts + 1, now), updatedAt: now },
        });
        await this.log(tx, id, 'resent', { phase: saga.phase, commands: commands.map((command) => command.definition.type), attempt: saga.stepAttempts + 1 });
        resent += 1;
        observed.push(() => this.metrics.resent(saga.type));
      }
      return { resent, stuck };
    });
    for (const observe of observed) observe();
    return swept;
  }

  /** An operator's retry of a stuck (or slow) saga: a fresh deadline and its pending commands re-sent now. */
  async retry(sagaId: string): Promise<'retried' | 'finished' | 'unknown'> {
    return this.db.$transaction(async (tx) => {
      if (!(await lockRowById(tx, 'saga_instance', sagaId))) return 'unknown';
      const saga = await tx.sagaInstance.findUniqueOrThrow({ where: { id: sagaId } });
      if (saga.state === 'FINISHED') return 'finished';
      const now = new Date();
      const commands = pendingCommands({ type: saga.type, data: saga.data } as unknown as SagaRun);
      await appendToOutbox(
        tx,
        commands.map((command) => toOutgoing(command, sagaId, null)),
      );
      await tx.sagaInstance.update({
        where: { id: sagaId },
        data: {
          state: 'RUNNING',
          stepAttempts: 0,
          deadlineAt: nextDeadline(this.timing, 0, now),
          expiresAt: new Date(now.getTime() + this.timing.deadlineMs),
          updatedAt: now,
        },
      });
      await this.log(tx, sagaId, 'retried', { commands: commands.map((command) => command.definition.type) });
      return 'retried';
    });
  }

  /** A new saga row with its first step-log line (one statement), and its first commands, sent unless the caller sends them. */
  private async create(
    tx: SqlTransaction,
    run: SagaRun,
    commands: readonly SagaCommand[],
    { finished = false, send = true }: { finished?: boolean; send?: boolean } = {},
  ): Promise<OutgoingMessage[]> {
    const now = new Date();
    const { data } = run;
    const logs = [
      { event: 'started', detail: { type: run.type, phase: data.phase, commands: commands.map((command) => command.definition.type) } },
      ...(finished ? [{ event: 'finished', detail: { phase: data.phase } }] : []),
    ];
    await tx.$executeRawUnsafe(
      `WITH saga AS (
         INSERT INTO saga_instance (id, type, work_order_id, phase, data, state, finished_at, deadline_at, expires_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::timestamptz, $8::timestamptz, $9::timestamptz) RETURNING id)
       INSERT INTO saga_step_log (saga_id, event, detail) SELECT saga.id, log.event, log.detail::jsonb FROM saga, unnest($10::text[], $11::text[]) WITH ORDINALITY AS log(event, detail, position) ORDER BY log.position`,
      data.sagaId,
      run.type satisfies SagaType,
      data.workOrderId,
      data.phase,
      JSON.stringify(data),
      finished ? 'FINISHED' : 'RUNNING',
      finished ? now : null,
      finished ? null : nextDeadline(this.timing, 0, now),
      new Date(now.getTime() + this.timing.deadlineMs),
      logs.map((log) => log.event),
      logs.map((log) => JSON.stringify(log.detail)),
    );
    const outgoing = commands.map((command) => toOutgoing(command, data.sagaId, null));
    if (send) await appendToOutbox(tx, outgoing);
    // Counted with the caller's transaction still open: one that rolls back (a rare fault) has counted a start.
    this.metrics.started(run.type);
    return outgoing;
  }

  private log(tx: SqlTransaction, sagaId: string, event: string, detail: Record<string, unknown>): Promise<void> {
    return this.logMany(tx, [{ sagaId, event, detail }]);
  }

  /** Logs a reply that changes nothing, and gives the step-log line that records it on its saga. */
  private ignore(reply: Envelope, reason: string): StepLogEntry {
    this.logger.log({
      msg: `ignored ${reply.type} ${reply.id} for saga ${reply.correlationId}: ${reason}`,
      messageId: reply.id,
      correlationId: reply.correlationId,
    });
    return { sagaId: reply.correlationId, event: 'ignored', detail: { type: reply.type, messageId: reply.id, reason } };
  }

  private logMany(tx: SqlTransaction, entries: readonly StepLogEntry[]): Promise<void> {
    return appendLogLines(
      tx,
      { table: 'saga_step_log', ownerColumn: 'saga_id' },
      entries.map(({ sagaId, event, detail }) => ({ ownerId: sagaId, event, detail })),
    );
  }
}

interface StepLogEntry {
  readonly sagaId: string;
  readonly event: string;
  readonly detail: Record<string, unknown>;
}

interface LockedSaga {
  run: SagaRun;
  state: string;
  readonly startedAt: Date;
}

/** The `outcome` label of a saga that just finished. */
function outcomeLabel(progress: SagaProgress): SagaOutcome {
  switch (progress.type) {
    case 'allocation':
      return progress.reaction.kind === 'advanced' && progress.reaction.outcome?.kind === 'outOfStock' ? 'out_of_stock' : 'allocated';
    case 'release':
      return 'released';
    case 'completion':
      return 'completed';
  }
}

/** The sagas with these ids, locked in id order (a fixed order: concurrent runs never deadlock). */
async function lockSagas(tx: SqlTransaction, ids: readonly string[]): Promise<Map<string, LockedSaga>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<{ id: string; type: string; state: string; data: unknown; created_at: Date }[]>(
    'SELECT id, type, state, data, created_at FROM saga_instance WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
    ids,
  );
  return new Map(rows.map((row) => [row.id, { run: { type: row.type, data: row.data } as SagaRun, state: row.state, startedAt: new Date(row.created_at) }]));
}

/** The reservations an allocation holds, in one statement. */
async function insertHeldReservations(
  tx: SqlTransaction,
  held: readonly { reservationId: string; workOrderId: string; lineId: string; sku: string; quantity: number; allocations: unknown }[],
): Promise<void> {
  if (held.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO work_order_reservation (reservation_id, work_order_id, line_id, sku, quantity, allocations, status)
     SELECT r.reservation_id, r.work_order_id, r.line_id, r.sku, r.quantity, r.allocations::jsonb, 'HELD'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS r(reservation_id, work_order_id, line_id, sku, quantity, allocations)`,
    held.map((reservation) => reservation.reservationId),
    held.map((reservation) => reservation.workOrderId),
    held.map((reservation) => reservation.lineId),
    held.map((reservation) => reservation.sku),
    held.map((reservation) => reservation.quantity),
    held.map((reservation) => JSON.stringify(reservation.allocations)),
  );
}

/** The order's held reservations end: released (cancel) or consumed (completion). */
async function endHeldReservations(tx: SqlTransaction, workOrderId: string, status: 'RELEASED' | 'CONSUMED'): Promise<void> {
  await tx.$executeRawUnsafe(`UPDATE work_order_reservation SET status = $2 WHERE work_order_id = $1 AND status = 'HELD'`, workOrderId, status);
}

function toOutgoing(command: SagaCommand, sagaId: string, causationId: string | null): OutgoingMessage {
  return command.definition.outgoing(command.payload, { correlationId: sagaId, causationId, key: command.key });
}
