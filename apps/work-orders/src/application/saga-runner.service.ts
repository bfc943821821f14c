import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Envelope, OutgoingMessage } from '@wo/contracts/envelope';
import { appendToOutbox, claimInboxMany, withMessageContext } from '@wo/messaging';
import { activeTraceparent, SagaMetrics } from '@wo/observability';
import { SqlDatabase } from '@wo/database';
import { SAGAS_ENDED, type SagasEndedListener } from './allocation-settled';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { LifecycleState, SagaOrder } from '../domain/work-order-lifecycle';
import type { WorkOrder } from '../generated/prisma/client';
import type { SqlTransaction } from '../persistence/work-orders-database';
import {
  appendSagaLog,
  insertSaga,
  lockDueSagas,
  lockSagas,
  rescheduleSagas,
  updateSagas,
  type SagaState,
  type StepLogEntry,
  type StoredSaga,
} from '../persistence/saga-store';
import { endEffect, endOf, pendingCommands, reactTo, sagaCommand, startSaga, type SagaData, type SagaDefinition } from '../saga/saga-definition';
import { WorkOrderTransitions } from './work-order-transitions';

export const SAGA_TIMING = Symbol('SAGA_TIMING');

/**
 * When a saga step is re-sent and when a saga is declared stuck. A step with no answer is re-sent
 * after `stepTimeoutMs`, then with doubling backoff up to `maxBackoffMs`; a saga still unfinished
 * `deadlineMs` after it started is marked STUCK and waits for an operator's retry.
 */
export interface SagaTiming {
  readonly stepTimeoutMs: number;
  readonly maxBackoffMs: number;
  readonly deadlineMs: number;
}

const schema = z.object({
  SAGA_STEP_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  SAGA_MAX_BACKOFF_MS: z.coerce.number().int().min(100).default(60_000),
  SAGA_DEADLINE_MS: z.coerce.number().int().min(1_000).default(300_000),
});

export function sagaTimingFrom(env: NodeJS.ProcessEnv): SagaTiming {
  const parsed = schema.parse(env);
  return { stepTimeoutMs: parsed.SAGA_STEP_TIMEOUT_MS, maxBackoffMs: parsed.SAGA_MAX_BACKOFF_MS, deadlineMs: parsed.SAGA_DEADLINE_MS };
}

/** When the step's next re-send is due, after `attempts` re-sends so far. */
export function nextDeadline(timing: SagaTiming, attempts: number, now: Date): Date {
  return new Date(now.getTime() + Math.min(timing.stepTimeoutMs * 2 ** attempts, timing.maxBackoffMs));
}

/**
 * Runs every saga definition (saga/sagas.ts): starts one in the caller's transaction, feeds runs
 * of replies to their sagas, applies what an ending saga does to its order, re-sends steps past
 * their deadline and retries a stuck saga for an operator. What a saga does is its definition's;
 * this is only how: persistence, the outbox, deadlines, the step log and the metrics.
 */
@Injectable()
export class SagaRunner {
  private readonly logger = new Logger(SagaRunner.name);

  constructor(
    private readonly sql: SqlDatabase,
    private readonly transitions: WorkOrderTransitions,
    @Inject(SAGA_TIMING) private readonly timing: SagaTiming,
    private readonly metrics: SagaMetrics,
    /** Who waits on sagas ending (the re-allocation queue), told in the same transaction. */
    @Optional() @Inject(SAGAS_ENDED) private readonly endListener?: SagasEndedListener,
  ) {}

  /**
   * Starts a saga for a locked order, in the caller's transaction: the saga row, and what starting
   * does to the order written with the saga's first commands (one outbox insert for both). A saga
   * whose first step has nothing to ask ends at once (a cancel with nothing held). Answers the
   * order's new lifecycle state.
   */
  async start<TData extends SagaData, TStart, TSucceeded, TCompensated>(
    tx: SqlTransaction,
    definition: SagaDefinition<TData, TStart, TSucceeded, TCompensated>,
    order: SagaOrder & Pick<WorkOrder, 'pendingAction'>,
    input: TStart,
  ): Promise<LifecycleState> {
    const started = startSaga(definition, randomUUID(), order, input);
    const { data } = started;
    const now = new Date();
    const finished = started.outcome !== null;
    const commands = started.commands.map((command) => sagaCommand(command, data, null));
    await insertSaga(tx, {
      type: definition.type,
      data,
      finishedAt: finished ? now : null,
      deadlineAt: finished ? null : nextDeadline(this.timing, 0, now),
      expiresAt: new Date(now.getTime() + this.timing.deadlineMs),
      log: [
        { event: 'started', detail: { type: definition.type, phase: data.phase, ...sentDetail(commands), ...traceOf(activeTraceparent()) } },
        ...(finished ? [{ event: 'finished', detail: { phase: data.phase } }] : []),
      ],
    });
    const [state] = await this.transitions.applyChanges(tx, [{ order, change: definition.started(data, order, input) }], commands);
    // Counted with the caller's transaction still open: one that rolls back (a rare fault) has counted a start.
    this.metrics.started(definition.type);
    if (started.outcome === null) return state!;
    const [ended] = await this.transitions.applyChanges(tx, [
      { order: { ...order, ...state! }, change: endEffect(definition, data, started.outcome, order, null) },
    ]);
    this.metrics.finished(definition.type, endOf(definition, data.phase)!.metric, 0);
    return ended!;
  }

  /**
   * A run of replies (from the partitions of one fetch), in one transaction and a handful of
   * statements whatever their number: every reply claimed in the inbox and every saga concerned
   * locked (in id order) in one round trip, each reply fed to its saga in order in memory, then
   * the sagas in one update, their step logs in one insert, and the orders of the sagas that ended
   * changed together, their events and every saga's commands in one outbox insert.
   */
  async onReplies(replies: readonly Envelope[]): Promise<void> {
    // What the metrics learn from this run, told once the transaction committed (a rolled-back run is retried, and counted then).
    const observed: (() => void)[] = [];
    await this.sql.$transaction(async (tx) => {
      const [fresh, sagas] = await Promise.all([claimInboxMany(tx, replies), lockSagas(tx, [...new Set(replies.map((reply) => reply.correlationId))])]);
      const changed = new Map<string, { id: string; data: SagaData; state: SagaState; newStep: boolean }>();
      const logs: StepLogEntry[] = [];
      const commands: OutgoingMessage[] = [];
      const ended: { saga: StoredSaga; outcome: unknown; cause: Envelope }[] = [];
      for (const reply of fresh) {
        const sagaId = reply.correlationId;
        const stored = sagas.get(sagaId);
        if (!stored) {
          this.ignore(reply, 'no such saga');
          continue;
        }
        const saga = { ...stored, ...changed.get(sagaId) };
        if (saga.state === 'FINISHED') {
          logs.push(this.ignore(reply, 'saga already finished'));
          continue;
        }
        const reaction = reactTo(saga.definition, saga.data, reply);
        if (reaction.kind === 'ignored') {
          logs.push(this.ignore(reply, reaction.reason));
          continue;
        }
        const { data, outcome } = reaction;
        const newStep = reaction.commands.length > 0;
        changed.set(sagaId, { id: sagaId, data, state: outcome === null ? 'RUNNING' : 'FINISHED', newStep: newStep || saga.newStep === true });
        // The SRE's timeline: each reply, and what it led to (a new step, the end), with the reply's message id and trace id.
        const byReply = { messageId: reply.id, ...traceOf(reply.traceparent) };
        logs.push({ sagaId, event: 'reply', detail: { type: reply.type, ...byReply } });
        const outgoing = reaction.commands.map((command) => sagaCommand(command, data, reply));
        if (newStep) logs.push({ sagaId, event: 'sent', detail: { phase: data.phase, ...sentDetail(outgoing), ...byReply } });
        if (newStep && reaction.entered?.compensation) observed.push(() => this.metrics.compensated(saga.definition.type));
        if (outcome !== null) {
          // From the start's commit time (the database's clock) to now: confirm to settled.
          const seconds = Math.max(0, Date.now() - saga.startedAt.getTime()) / 1000;
          const metric = endOf(saga.definition, data.phase)!.metric;
          observed.push(() => this.metrics.finished(saga.definition.type, metric, seconds));
          logs.push({ sagaId, event: 'finished', detail: { phase: data.phase, ...byReply } });
          ended.push({ saga: { ...saga, data }, outcome, cause: reply });
        }
        commands.push(...outgoing);
      }
      const now = new Date();
      await updateSagas(tx, [...changed.values()], now, nextDeadline(this.timing, 0, now));
      await appendSagaLog(tx, logs);
      await this.applyEnds(tx, ended, commands);
    });
    for (const observe of observed) observe();
  }

  /** What the sagas that ended do to their orders, all orders locked and changed together, sent with `commands`. */
  private async applyEnds(
    tx: SqlTransaction,
    ended: readonly { saga: StoredSaga; outcome: unknown; cause: Envelope }[],
    commands: readonly OutgoingMessage[],
  ): Promise<void> {
    const orders =
      ended.length > 0
        ? await this.transitions.lockMany(
            tx,
            ended.map(({ saga }) => saga.workOrderId),
          )
        : new Map<string, WorkOrder>();
    const changes = ended.map(({ saga, outcome, cause }) => {
      const order = orders.get(saga.workOrderId);
      if (!order) throw new Error(`saga ${saga.id} finished for a missing work order ${saga.workOrderId}`);
      return { order, change: endEffect(saga.definition, saga.data, outcome, order, cause) };
    });
    await this.transitions.applyChanges(tx, changes, commands);
    if (this.endListener && ended.length > 0) {
      await this.endListener.onSagasEnded(
        tx,
        ended.map(({ saga }) => ({ type: saga.definition.type, workOrderId: saga.workOrderId, outcome: endOf(saga.definition, saga.data.phase)!.metric })),
      );
    }
  }

  /**
   * Step deadlines: re-sends the unanswered commands of every saga whose step deadline passed,
   * with doubling backoff, and marks STUCK a saga past its overall deadline. Commands are
   * idempotent, so a re-send that crosses a late answer is harmless. Returns how many it handled.
   */
  async resendDue(limit = 100): Promise<{ resent: number; stuck: number }> {
    const observed: (() => void)[] = [];
    const swept = await this.sql.$transaction(async (tx) => {
      const now = new Date();
      const due = await lockDueSagas(tx, limit);
      const stuck = due.filter((saga) => saga.expiresAt !== null && saga.expiresAt <= now);
      const resent = due.filter((saga) => !stuck.includes(saga));
      const pending = resent.map((saga) => ({ saga, commands: pendingCommands(saga.definition, saga.data) }));
      for (const saga of stuck) {
        this.logger.warn({
          msg: `saga ${saga.id} (${saga.definition.type}, work order ${saga.workOrderId}) is stuck in ${saga.data.phase} after ${saga.stepAttempts} re-sends`,
          correlationId: saga.id,
          workOrderId: saga.workOrderId,
        });
        observed.push(() => this.metrics.stuck(saga.definition.type));
      }
      for (const { saga } of pending) observed.push(() => this.metrics.resent(saga.definition.type));
      await rescheduleSagas(
        tx,
        [
          ...stuck.map((saga) => ({ id: saga.id, state: 'STUCK' as const, stepAttempts: saga.stepAttempts, deadlineAt: null, expiresAt: null })),
          ...resent.map((saga) => ({
            id: saga.id,
            state: 'RUNNING' as const,
            stepAttempts: saga.stepAttempts + 1,
            deadlineAt: nextDeadline(this.timing, saga.stepAttempts + 1, now),
            expiresAt: null,
          })),
        ],
        now,
      );
      const resends = pending.map(({ saga, commands }) => ({ saga, outgoing: commands.map((command) => sagaCommand(command, saga.data, null)) }));
      await appendSagaLog(tx, [
        ...stuck.map((saga) => ({ sagaId: saga.id, event: 'stuck', detail: { phase: saga.data.phase, attempts: saga.stepAttempts } })),
        ...resends.map(({ saga, outgoing }) => ({
          sagaId: saga.id,
          event: 'resent',
          detail: { phase: saga.data.phase, ...sentDetail(outgoing), attempt: saga.stepAttempts + 1 },
        })),
      ]);
      await appendToOutbox(
        tx,
        resends.flatMap(({ outgoing }) => outgoing),
      );
      return { resent: resent.length, stuck: stuck.length };
    });
    for (const observe of observed) observe();
    return swept;
  }

  /** An operator's retry of a stuck (or slow) saga: a fresh deadline and its pending commands re-sent now. */
  async retry(sagaId: string): Promise<'retried' | 'finished' | 'unknown'> {
    return this.sql.$transaction(async (tx) => {
      const saga = (await lockSagas(tx, [sagaId])).get(sagaId);
      if (!saga) return 'unknown';
      if (saga.state === 'FINISHED') return 'finished';
      const now = new Date();
      const commands = pendingCommands(saga.definition, saga.data);
      await rescheduleSagas(
        tx,
        [
          {
            id: sagaId,
            state: 'RUNNING',
            stepAttempts: 0,
            deadlineAt: nextDeadline(this.timing, 0, now),
            expiresAt: new Date(now.getTime() + this.timing.deadlineMs),
          },
        ],
        now,
      );
      const outgoing = commands.map((command) => sagaCommand(command, saga.data, null));
      await appendSagaLog(tx, [{ sagaId, event: 'retried', detail: sentDetail(outgoing) }]);
      await appendToOutbox(tx, outgoing);
      return 'retried';
    });
  }

  /** Logs a reply that changes nothing, and gives the step-log line that records it on its saga. */
  private ignore(reply: Envelope, reason: string): StepLogEntry {
    // In a run of many replies: this line carries this reply's ids and trace.
    withMessageContext(reply, () =>
      this.logger.log({
        msg: `ignored ${reply.type} ${reply.id} for saga ${reply.correlationId}: ${reason}`,
        messageId: reply.id,
        correlationId: reply.correlationId,
      }),
    );
    return { sagaId: reply.correlationId, event: 'ignored', detail: { type: reply.type, messageId: reply.id, reason, ...traceOf(reply.traceparent) } };
  }
}

/** The trace id of a W3C traceparent (`00-<trace id>-<span id>-<flags>`), for the step log: the collector finds the trace by it. */
function traceOf(traceparent: string | undefined): { traceId?: string } {
  const traceId = traceparent?.split('-')[1];
  return traceId ? { traceId } : {};
}

/** What a step sent, for the step log: the commands' types and their message ids (the ids their replies answer). */
function sentDetail(messages: readonly OutgoingMessage[]): { commands: string[]; messageIds: string[] } {
  return { commands: messages.map((message) => message.envelope.type), messageIds: messages.map((message) => message.envelope.id) };
}
