import type { Envelope, MessageDefinition, OutgoingMessage, PayloadOf } from '@wo/contracts/envelope';
import type { z } from 'zod';
import type { SagaOrder, WorkOrderChange } from '../domain/work-order-lifecycle';

/**
 * What a saga is, as data the runner executes (in the spirit of eventuate-tram's
 * `step().invokeParticipant().onReply().withCompensation()`): a table of steps, each sending
 * commands to participants and listening for their replies, with a compensation that undoes what
 * the step did when a step fails, and two ends that say what the outcome does to the work order.
 * A definition is pure: below, how it moves; the runner (application/saga-runner.service.ts) persists it and sends.
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
  /**
   * The order's transition, history line, public events and held reservations. `cause`: the reply
   * that ended the saga (none when it ended as it started), whose trace its events continue.
   */
  effect(data: TData, outcome: TOutcome, order: SagaOrder, cause: Envelope | null): WorkOrderChange;
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

// How a definition's table moves a saga: given its data and a reply, the new data, the commands
// to send and the outcome once it ended. No I/O, so the saga tests run it directly ("given state
// and reply, expect commands/outcome"); the runner (application/saga-runner.service.ts) does the rest.

/** The saga moved: its new data, the commands to send, the step it entered, and its outcome once it ended. */
export interface SagaAdvanced<TData, TOutcome> {
  readonly kind: 'advanced';
  readonly data: TData;
  readonly commands: readonly SagaCommand[];
  /** The step (or compensation) that started sending, when one did: it gets a fresh deadline. */
  readonly entered: { readonly step: string; readonly compensation: boolean } | null;
  readonly outcome: TOutcome | null;
}

export type SagaReaction<TData, TOutcome> = SagaAdvanced<TData, TOutcome> | SagaIgnored;

type Definition<TData extends SagaData, TStart, TSucceeded, TCompensated> = SagaDefinition<TData, TStart, TSucceeded, TCompensated>;
type Outcome<TSucceeded, TCompensated> = TSucceeded | TCompensated;

/** Where a phase is in the table. */
type Place = { readonly kind: 'step' | 'compensation'; readonly index: number } | { readonly kind: 'end' };

/** A new saga's data and its first commands (it may end at once, when its first step has nothing to ask). */
export function startSaga<TData extends SagaData, TStart, TSucceeded, TCompensated>(
  definition: Definition<TData, TStart, TSucceeded, TCompensated>,
  sagaId: string,
  order: SagaOrder,
  input: TStart,
): SagaAdvanced<TData, Outcome<TSucceeded, TCompensated>> {
  return enterStep(definition, definition.start(sagaId, order, input), 0);
}

/** Feeds one reply to a saga: what the current step's route for it does, then where the step stands. */
export function reactTo<TData extends SagaData, TSucceeded, TCompensated>(
  definition: Definition<TData, never, TSucceeded, TCompensated>,
  data: TData,
  reply: { readonly type: string; readonly payload: unknown },
): SagaReaction<TData, Outcome<TSucceeded, TCompensated>> {
  const place = placeOf(definition, data.phase);
  if (place.kind === 'end') return ignored(`the ${definition.type} saga has ended (${data.phase})`);
  const step = definition.steps[place.index]!;
  const routes = place.kind === 'step' ? step.onReply : step.withCompensation!.onReply;
  const route = routes.find((candidate) => candidate.reply.type === reply.type);
  if (!route) return ignored(`the ${definition.type} saga does not expect ${reply.type} while ${data.phase}`);
  const next = route.handle(data, reply.payload);
  if (isIgnored(next)) return next;
  if (place.kind === 'compensation') {
    return step.withCompensation!.done(next) ? compensateFrom(definition, next, place.index - 1) : advanced(next, [], null, null);
  }
  switch (step.standing(next)) {
    case 'waiting':
      return advanced(next, [], null, null);
    case 'succeeded':
      return place.index + 1 < definition.steps.length ? enterStep(definition, next, place.index + 1) : end(next, definition.succeeded, [], null);
    case 'failed':
      // The failing step is compensated too: its commands may have partly succeeded.
      return compensateFrom(definition, next, place.index);
  }
}

/** The commands of the current step still waiting for an answer: what a deadline or an operator's retry re-sends. */
export function pendingCommands<TData extends SagaData>(definition: Definition<TData, never, unknown, unknown>, data: TData): readonly SagaCommand[] {
  const place = placeOf(definition, data.phase);
  if (place.kind === 'end') return [];
  const step = definition.steps[place.index]!;
  return place.kind === 'step' ? step.invokeParticipant(data) : step.withCompensation!.invokeParticipant(data);
}

/** The end a saga in this phase reached (none while it runs). */
export function endOf<TData extends SagaData, TSucceeded, TCompensated>(
  definition: Definition<TData, never, TSucceeded, TCompensated>,
  phase: string,
): SagaEnd<TData, TSucceeded> | SagaEnd<TData, TCompensated> | null {
  if (phase === definition.succeeded.phase) return definition.succeeded;
  if (definition.compensated && phase === definition.compensated.phase) return definition.compensated;
  return null;
}

/**
 * Every command a saga sends is built here: correlated by the saga, caused by the reply that led
 * to it (none for a start, a re-send or a retry). The whole envelope of the cause is at hand, so
 * what else it carries (trace context, say) can follow the command.
 */
export function sagaCommand(command: SagaCommand, saga: Pick<SagaData, 'sagaId'>, cause: Envelope | null): OutgoingMessage {
  return command.definition.outgoing(command.payload, { correlationId: saga.sagaId, cause, key: command.key });
}

/** What the end a saga reached does to its order: the effect its definition declares for that end. */
export function endEffect(definition: AnySagaDefinition, data: SagaData, outcome: unknown, order: SagaOrder, cause: Envelope | null = null): WorkOrderChange {
  const reached = endOf(definition, data.phase);
  if (!reached) throw new Error(`${definition.type} saga ${data.sagaId} has not ended (${data.phase})`);
  return reached.effect(data, outcome, order, cause);
}

function enterStep<TData extends SagaData, TSucceeded, TCompensated>(
  definition: Definition<TData, never, TSucceeded, TCompensated>,
  data: TData,
  index: number,
): SagaAdvanced<TData, Outcome<TSucceeded, TCompensated>> {
  const step = definition.steps[index]!;
  const entered: TData = { ...data, phase: step.phase };
  const commands = step.invokeParticipant(entered);
  switch (step.standing(entered)) {
    case 'waiting':
      return advanced<TData, Outcome<TSucceeded, TCompensated>>(entered, commands, { step: step.step, compensation: false }, null);
    case 'succeeded':
      return index + 1 < definition.steps.length ? enterStep(definition, entered, index + 1) : end(entered, definition.succeeded, [], null);
    case 'failed':
      return compensateFrom(definition, entered, index);
  }
}

/** Runs the compensations of this step and the earlier ones, latest first; every one done, the `compensated` end. */
function compensateFrom<TData extends SagaData, TSucceeded, TCompensated>(
  definition: Definition<TData, never, TSucceeded, TCompensated>,
  data: TData,
  index: number,
): SagaAdvanced<TData, Outcome<TSucceeded, TCompensated>> {
  let current = data;
  for (let position = index; position >= 0; position -= 1) {
    const { step, withCompensation } = definition.steps[position]!;
    if (!withCompensation) continue;
    current = { ...withCompensation.begin(current), phase: withCompensation.phase };
    // Nothing of this step to undo (every line was refused, say): on to the one before.
    if (!withCompensation.done(current)) {
      return advanced<TData, Outcome<TSucceeded, TCompensated>>(current, withCompensation.invokeParticipant(current), { step, compensation: true }, null);
    }
  }
  if (!definition.compensated) throw new Error(`${definition.type} saga: a step failed and the saga has no compensated end`);
  return end(current, definition.compensated, [], null);
}

function end<TData extends SagaData, TOutcome>(
  data: TData,
  reached: SagaEnd<TData, TOutcome>,
  commands: readonly SagaCommand[],
  entered: SagaAdvanced<TData, TOutcome>['entered'],
): SagaAdvanced<TData, TOutcome> {
  const ended = { ...data, phase: reached.phase };
  return advanced(ended, commands, entered, reached.outcome(ended));
}

function advanced<TData, TOutcome>(
  data: TData,
  commands: readonly SagaCommand[],
  entered: SagaAdvanced<TData, TOutcome>['entered'],
  outcome: TOutcome | null,
): SagaAdvanced<TData, TOutcome> {
  return { kind: 'advanced', data, commands, entered, outcome };
}

function placeOf(definition: Definition<SagaData, never, unknown, unknown>, phase: string): Place {
  const step = definition.steps.findIndex((candidate) => candidate.phase === phase);
  if (step >= 0) return { kind: 'step', index: step };
  const compensation = definition.steps.findIndex((candidate) => candidate.withCompensation?.phase === phase);
  if (compensation >= 0) return { kind: 'compensation', index: compensation };
  if (endOf(definition, phase)) return { kind: 'end' };
  throw new Error(`${definition.type} saga: unknown phase ${phase}`);
}

function isIgnored(value: object): value is SagaIgnored {
  return 'kind' in value && (value as { kind: unknown }).kind === 'ignored';
}
