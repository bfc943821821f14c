import {
  locationAllocationSchema,
  ReleaseStock,
  ReserveStock,
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
 * reserve materials   ReserveStock per line, keyed warehouse+SKU (one inventory partition per SKU)
 *   StockReserved              the line is held, with the bins inventory took it from
 *   StockReservationRejected   the line is short, with what was available
 *   every line answered: all reserved, the saga succeeds; any short, it compensates
 *   compensation        ReleaseStock per reserved line (none when every line was short)
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
      invokeParticipant: (data: AllocationSagaData) => linesIn(data, 'reserving').map((line) => reserveStock(data, line)),
      onReply: [reply(StockReserved, lineReserved), reply(StockReservationRejected, lineRejected)],
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

function lineReserved(data: AllocationSagaData, reply: PayloadOf<typeof StockReserved>): AllocationSagaData | SagaIgnored {
  return answerLine(data, reply.reservationId, 'reserving', (line) => ({ ...line, state: 'reserved', allocations: reply.allocations }));
}

function lineRejected(data: AllocationSagaData, reply: PayloadOf<typeof StockReservationRejected>): AllocationSagaData | SagaIgnored {
  return answerLine(data, reply.reservationId, 'reserving', (line) => ({ ...line, state: 'rejected', available: reply.available }));
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
  return answerLine(data, reply.reservationId, 'releasing', (line) => ({ ...line, state: 'released', allocations: [] }));
}

function allocatedOutcome(data: AllocationSagaData): AllocatedOutcome {
  return { kind: 'allocated', lines: data.lines };
}

function outOfStockOutcome(data: AllocationSagaData): OutOfStockOutcome {
  const shortages = data.lines
    .filter((line) => line.state === 'rejected')
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

/** Applies an answer to the line it is for, if that line is waiting for it. */
function answerLine(
  data: AllocationSagaData,
  reservationId: string,
  waiting: AllocationLine['state'],
  answer: (line: AllocationLine) => AllocationLine,
): AllocationSagaData | SagaIgnored {
  const line = data.lines.find((candidate) => candidate.reservationId === reservationId);
  if (!line) return ignored(`no line with reservation ${reservationId}`);
  if (line.state !== waiting)
    return ignored(waiting === 'reserving' ? `line ${line.lineId} already ${line.state}` : `line ${line.lineId} is ${line.state}, not ${waiting}`);
  return { ...data, lines: data.lines.map((candidate) => (candidate === line ? answer(line) : candidate)) };
}

function reserveStock(data: AllocationSagaData, line: AllocationLine): SagaCommand {
  const { reservationId, lineId, sku, quantity } = line;
  const { workOrderId, warehouseId, merchantId } = data;
  return command(ReserveStock, { reservationId, workOrderId, lineId, warehouseId, merchantId, sku, quantity }, stockKey(warehouseId, sku));
}

function releaseStock(data: AllocationSagaData, line: AllocationLine): SagaCommand {
  return command(ReleaseStock, { reservationId: line.reservationId, warehouseId: data.warehouseId, sku: line.sku }, stockKey(data.warehouseId, line.sku));
}
