import type { MessageDefinition, PayloadOf } from '@wo/contracts/envelope';
import type { z } from 'zod';
import type { SagaOrder, WorkOrderChange } from '../../domain/work-order-change';

/**
 * What a saga is, as data the runner executes (in the spirit of eventuate-tram's
 * `step().invokeParticipant().onReply().withCompensation()`): a table of steps, each sending
 * commands to participants and listening for their replies, with a compensation that undoes what
 * the step did when a step fails, and two ends that say what the outcome does to the work order.
 * A definition is pure: the runner (application/saga-runner.service.ts) persists it and sends.
 */

/** What every saga's data carries: who it is, which order it works for, and where it stands. */
export interface SagaData {
  readonly sagaId: string;
  readonly workOrderId: string;
  /** The step (or end) the saga is in: one of its definition's phases, stored in its own column too. */
  readonly phase: string;
}

type AnyMessage = MessageDefinition<string, z.ZodType>;

/** A command a saga wants sent. The saga stays pure: the runner adds ids, time and correlation. */
export interface SagaCommand<TDefinition extends AnyMessage = AnyMessage> {
  readonly definition: TDefinition;
  readonly payload: PayloadOf<TDefinition>;
  readonly key: string;
}

export function command<TDefinition extends AnyMessage>(definition: TDefinition, payload: PayloadOf<TDefinition>, key: string): SagaCommand {
  return { definition, payload, key } as SagaCommand;
}

/** A late or duplicate reply: recorded as ignored, never a silent no-op. */
export interface SagaIgnored {
  readonly kind: 'ignored';
  readonly reason: string;
}

export function ignored(reason: string): SagaIgnored {
  return { kind: 'ignored', reason };
}

/** One reply a step expects, and what it does to the saga's data. */
export interface ReplyRoute<TData> {
  readonly reply: AnyMessage;
  handle(data: TData, payload: unknown): TData | SagaIgnored;
}

/** `reply(StockReserved, lineReserved)`: the reply type and its handler, typed by the reply's payload. */
export function reply<TData, TReply extends AnyMessage>(
  definition: TReply,
  handle: (data: TData, payload: PayloadOf<TReply>) => TData | SagaIgnored,
): ReplyRoute<TData> {
  // The consumer validated the payload against this very definition before the runner saw it.
  return { reply: definition, handle: (data, payload) => handle(data, payload as PayloadOf<TReply>) };
}

/** Where a step stands once a reply is applied. */
export type StepStanding = 'waiting' | 'succeeded' | 'failed';

/** A step's forward part: its phase, the command(s) it sends, the replies it expects. */
export interface SagaStep<TData extends SagaData> {
  readonly step: string;
  readonly phase: TData['phase'];
  /** The command(s) for what is still unanswered: sent when the step starts, re-sent at its deadline. */
  invokeParticipant(data: TData): readonly SagaCommand[];
  readonly onReply: readonly ReplyRoute<TData>[];
  /** Waiting for more answers, succeeded (next step or the `succeeded` end), or failed (compensate). */
  standing(data: TData): StepStanding;
  readonly withCompensation?: SagaCompensation<TData>;
}

/**
 * What undoes a step: run when this step or a later one fails, latest first. A compensation cannot
 * fail (its commands are idempotent and always accepted); it is done when nothing waits any more.
 */
export interface SagaCompensation<TData extends SagaData> {
  readonly phase: TData['phase'];
  /** Marks what must be undone (the data entering the compensation). */
  begin(data: TData): TData;
  invokeParticipant(data: TData): readonly SagaCommand[];
  readonly onReply: readonly ReplyRoute<TData>[];
  done(data: TData): boolean;
}

/** How a saga ends: its final phase, the outcome it reports, and what that does to the work order. */
export interface SagaEnd<TData extends SagaData, TOutcome> {
  readonly phase: TData['phase'];
  /** The `outcome` label of `saga_finished_total`. */
  readonly metric: string;
  outcome(data: TData): TOutcome;
  /** The order's transition, history line, public events and held reservations. */
  effect(data: TData, outcome: TOutcome, order: SagaOrder): WorkOrderChange;
}

export interface SagaDefinition<TData extends SagaData, TStart, TSucceeded, TCompensated = never> {
  /** Stored on each saga instance; the registry (saga/sagas.ts) finds the definition by it. */
  readonly type: string;
  /** The stored JSON is parsed with it. */
  readonly data: Pick<z.ZodType<TData>, 'parse'>;
  /** The saga's data when it starts (its phase is the first step's). */
  start(sagaId: string, order: SagaOrder, input: TStart): TData;
  /** What starting does to the work order (a pending action, a history line, events), sent with the first commands. */
  started(data: TData, order: SagaOrder, input: TStart): WorkOrderChange;
  readonly steps: readonly SagaStep<TData>[];
  readonly succeeded: SagaEnd<TData, TSucceeded>;
  /** Where a failed step leads once every compensation is done; absent when no step can fail. */
  readonly compensated?: SagaEnd<TData, TCompensated>;
}

/** A definition of any saga, as the runner and the registry hold them (their methods take their own data). */
export type AnySagaDefinition = SagaDefinition<SagaData, never, unknown, unknown>;

/** Checks the table once, when the module loads: it has a step, and every phase names one place in it. */
export function defineSaga<TData extends SagaData, TStart, TSucceeded, TCompensated = never>(
  definition: SagaDefinition<TData, TStart, TSucceeded, TCompensated>,
): SagaDefinition<TData, TStart, TSucceeded, TCompensated> {
  const phases = [
    ...definition.steps.flatMap((step) => [step.phase, ...(step.withCompensation ? [step.withCompensation.phase] : [])]),
    definition.succeeded.phase,
    ...(definition.compensated ? [definition.compensated.phase] : []),
  ];
  const repeated = phases.find((phase, index) => phases.indexOf(phase) !== index);
  if (repeated) throw new Error(`${definition.type} saga: phase ${repeated} is used twice`);
  if (definition.steps.length === 0) throw new Error(`${definition.type} saga: no steps`);
  return definition;
}
