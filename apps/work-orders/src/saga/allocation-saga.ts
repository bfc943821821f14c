import {
  locationAllocationSchema,
  ReleaseStock,
  ReserveStock,
  reservationKey,
  StockReleased,
  StockReservationRejected,
  StockReserved,
  stockKey,
} from '@wo/contracts/inventory';
import type { Envelope, PayloadOf } from '@wo/contracts/envelope';
import { actorSchema, type Actor } from '@wo/contracts/work-orders';
import { z } from 'zod';
import type { SagaOrder, WorkOrderChange } from '../domain/work-order-lifecycle';
import { publicEvents, type Shortage } from '../domain/work-order-events';
import { WorkOrderStatus } from '../domain/work-order-status';
import { command, defineSaga, ignored, reply, type SagaCommand, type SagaIgnored, type StepStanding } from './saga-definition';

/**
 * Allocation saga: reserve every material line of a work order in its warehouse, or nothing.
 * Confirm, retry and the edit of an Out of Stock order start it; the order is `allocating` meanwhile.
 *
 * reserve materials   one ReserveStock (v2) with every line, keyed by the work order; inventory
 *                     takes the order all or nothing and answers once
 *   StockReserved              every line it names is held, with the bins inventory took it from
 *   StockReservationRejected   nothing is held for the lines it names, with what was available
 *   every line answered: all reserved, the saga succeeds; any refused, it compensates
 *   compensation        ReleaseStock per reserved line: none after a whole-order rejection, so
 *                       the saga ends Out of Stock at once (a saga started before ReserveStock v2
 *                       got one v1 reply per line, each read as a v2 reply of that line: some may
 *                       be reserved, and those are released)
 *     StockReleased            the line is given back; all given back, the saga is compensated
 * succeeded   Allocated: the order holds the reservations; WorkOrderAllocated with the bins
 * compensated Out of Stock with the shortages; nothing is held; WorkOrderOutOfStock
 */
export const allocationSaga = defineSaga({
  type: 'allocation',
  data: z.lazy(() => allocationSagaData),
  start: startAllocation,
  started: allocationStarted,
  steps: [
    {
      step: 'reserve materials',
      phase: 'reserving',
      invokeParticipant: reserveStock,
      onReply: [reply(StockReserved, linesReserved), reply(StockReservationRejected, linesRejected)],
      standing: reservationStanding,
      withCompensation: {
        phase: 'compensating',
        begin: releaseReservedLines,
        invokeParticipant: (data: AllocationSagaData) => linesIn(data, 'releasing').map((line) => releaseStock(data, line)),
        onReply: [reply(StockReleased, lineReleased)],
        done: (data: AllocationSagaData) => linesIn(data, 'releasing').length === 0,
      },
    },
  ],
  succeeded: {
    phase: 'allocated',
    metric: 'allocated',
    outcome: allocatedOutcome,
    effect: (data, outcome, order, cause) => allocationSettled(allocated(data, order, cause)),
  },
  compensated: {
    phase: 'outOfStock',
    metric: 'out_of_stock',
    outcome: outOfStockOutcome,
    effect: (data, outcome, order, cause) => allocationSettled(outOfStock(data, outcome, order, cause)),
  },
});

const allocationLine = z.object({
  lineId: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  reservationId: z.string(),
  state: z.enum(['reserving', 'reserved', 'rejected', 'releasing', 'released']),
  allocations: z.array(locationAllocationSchema),
  /** Set when rejected: what inventory had available for this line. */
  available: z.number().int().nullable(),
});

const allocationSagaData = z.object({
  sagaId: z.string(),
  workOrderId: z.string(),
  warehouseId: z.string(),
  merchantId: z.string(),
  phase: z.enum(['reserving', 'compensating', 'allocated', 'outOfStock']),
  lines: z.array(allocationLine),
  /** Who confirmed or retried: carried into the Allocated or Out of Stock event (absent in sagas started before it was kept). */
  actor: actorSchema.optional(),
});

export type AllocationSagaData = z.infer<typeof allocationSagaData>;
export type AllocationLine = AllocationSagaData['lines'][number];

export type AllocatedOutcome = { readonly kind: 'allocated'; readonly lines: readonly AllocationLine[] };
export type OutOfStockOutcome = { readonly kind: 'outOfStock'; readonly shortages: readonly Shortage[] };
export type AllocationOutcome = AllocatedOutcome | OutOfStockOutcome;

export interface AllocationStart {
  readonly materials: readonly { readonly id: string; readonly sku: string; readonly quantity: number }[];
  readonly actor: Actor;
  /** The history line of the start: `confirmed`, `allocationRetried`, `allocationRetriedAutomatically`, `reallocating after edit`. */
  readonly cause: string;
  /** More for that line: what triggered an automatic retry. */
  readonly historyDetail?: Record<string, unknown>;
}

/** One reservation per line per attempt: a retry is a new saga, so a new reservation id. */
function reservationIdFor(sagaId: string, lineId: string): string {
  return `${sagaId}:${lineId}`;
}

function startAllocation(sagaId: string, order: SagaOrder, input: AllocationStart): AllocationSagaData {
  return {
    sagaId,
    workOrderId: order.id,
    warehouseId: order.warehouseId,
    merchantId: order.merchantId,
    phase: 'reserving',
    actor: input.actor,
    lines: input.materials.map((material) => ({
      lineId: material.id,
      sku: material.sku,
      quantity: material.quantity,
      reservationId: reservationIdFor(sagaId, material.id),
      state: 'reserving',
      allocations: [],
      available: null,
    })),
  };
}

/** The order is `allocating`; a confirm from Draft also tells other domains it was confirmed. */
function allocationStarted(data: AllocationSagaData, order: SagaOrder, input: AllocationStart): WorkOrderChange {
  const confirmed = order.status === WorkOrderStatus.Draft ? [publicEvents.confirmed(order, data.sagaId, input.actor)] : [];
  return {
    event: { type: 'AllocationStarted' },
    history: { event: input.cause, detail: { sagaId: data.sagaId, actor: input.actor, ...input.historyDetail } },
    messages: confirmed,
    shortages: [],
  };
}

function linesReserved(data: AllocationSagaData, reply: PayloadOf<typeof StockReserved>): AllocationSagaData | SagaIgnored {
  return answerLines(
    data,
    reply.lines.map(({ reservationId, allocations }) => ({ reservationId, answer: (line) => ({ ...line, state: 'reserved', allocations }) })),
    'reserving',
  );
}

function linesRejected(data: AllocationSagaData, reply: PayloadOf<typeof StockReservationRejected>): AllocationSagaData | SagaIgnored {
  return answerLines(
    data,
    reply.lines.map(({ reservationId, available }) => ({ reservationId, answer: (line) => ({ ...line, state: 'rejected', available }) })),
    'reserving',
  );
}

/** Waits for every line before deciding, so the compensation releases everything that was reserved. */
function reservationStanding(data: AllocationSagaData): StepStanding {
  if (data.lines.some((line) => line.state === 'reserving')) return 'waiting';
  return data.lines.every((line) => line.state === 'reserved') ? 'succeeded' : 'failed';
}

function releaseReservedLines(data: AllocationSagaData): AllocationSagaData {
  return { ...data, lines: data.lines.map((line) => (line.state === 'reserved' ? { ...line, state: 'releasing' as const } : line)) };
}

function lineReleased(data: AllocationSagaData, reply: PayloadOf<typeof StockReleased>): AllocationSagaData | SagaIgnored {
  return answerLines(data, [{ reservationId: reply.reservationId, answer: (line) => ({ ...line, state: 'released', allocations: [] }) }], 'releasing');
}

function allocatedOutcome(data: AllocationSagaData): AllocatedOutcome {
  return { kind: 'allocated', lines: data.lines };
}

/** The lines that were short: in a whole-order rejection the others had enough, and are not shortages. */
function outOfStockOutcome(data: AllocationSagaData): OutOfStockOutcome {
  const shortages = data.lines
    .filter((line) => line.state === 'rejected' && (line.available ?? 0) < line.quantity)
    .map((line) => ({ sku: line.sku, requested: line.quantity, available: line.available ?? 0 }));
  return { kind: 'outOfStock', shortages };
}

/** Allocated: the order holds every line's reservation (with its bins); picking learns which bins to pick from. */
function allocated(data: AllocationSagaData, order: SagaOrder, cause: Envelope | null): WorkOrderChange {
  const materials = data.lines.map(({ lineId, sku, quantity, allocations }) => ({ lineId, sku, quantity, allocations }));
  return {
    event: { type: 'AllocationSucceeded' },
    history: { event: 'allocated', detail: { sagaId: data.sagaId } },
    messages: [publicEvents.allocated(order, materials, data.sagaId, data.actor, cause ?? undefined)],
    shortages: [],
    reservations: { hold: data.lines.map(({ reservationId, lineId, sku, quantity, allocations }) => ({ reservationId, lineId, sku, quantity, allocations })) },
  };
}

/** Out of Stock: nothing is held (the compensation gave it back); the shortages are on the order. */
function outOfStock(data: AllocationSagaData, { shortages }: OutOfStockOutcome, order: SagaOrder, cause: Envelope | null): WorkOrderChange {
  return {
    event: { type: 'AllocationFailed' },
    history: { event: 'outOfStock', detail: { sagaId: data.sagaId, shortages } },
    messages: [publicEvents.outOfStock(order, shortages, data.sagaId, data.actor, cause ?? undefined)],
    shortages,
  };
}

/** Either way the allocation has settled: what waits on that (automatic retries of other orders, say) hooks in here. */
function allocationSettled(change: WorkOrderChange): WorkOrderChange {
  return change;
}

function linesIn(data: AllocationSagaData, state: AllocationLine['state']): AllocationLine[] {
  return data.lines.filter((line) => line.state === state);
}

/**
 * Applies the answers of one reply to the lines they are for, those waiting for them; a reply
 * none of whose lines is waiting (late, or a duplicate) is ignored.
 */
function answerLines(
  data: AllocationSagaData,
  answers: readonly { readonly reservationId: string; readonly answer: (line: AllocationLine) => AllocationLine }[],
  waiting: AllocationLine['state'],
): AllocationSagaData | SagaIgnored {
  const reasons: string[] = [];
  let lines = data.lines;
  for (const { reservationId, answer } of answers) {
    const line = lines.find((candidate) => candidate.reservationId === reservationId);
    if (!line) reasons.push(`no line with reservation ${reservationId}`);
    else if (line.state !== waiting)
      reasons.push(waiting === 'reserving' ? `line ${line.lineId} already ${line.state}` : `line ${line.lineId} is ${line.state}, not ${waiting}`);
    else lines = lines.map((candidate) => (candidate === line ? answer(line) : candidate));
  }
  if (lines === data.lines) return ignored(reasons.join('; '));
  return { ...data, lines };
}

/** One command for every line still unanswered (none when none is): inventory takes them all or none. */
function reserveStock(data: AllocationSagaData): SagaCommand[] {
  const lines = linesIn(data, 'reserving').map(({ reservationId, lineId, sku, quantity }) => ({ reservationId, lineId, sku, quantity }));
  if (lines.length === 0) return [];
  const { workOrderId, warehouseId, merchantId } = data;
  return [command(ReserveStock, { workOrderId, warehouseId, merchantId, lines }, reservationKey(workOrderId))];
}

function releaseStock(data: AllocationSagaData, line: AllocationLine): SagaCommand {
  return command(ReleaseStock, { reservationId: line.reservationId, warehouseId: data.warehouseId, sku: line.sku }, stockKey(data.warehouseId, line.sku));
}
