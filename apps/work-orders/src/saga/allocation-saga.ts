import type { Actor } from '@wo/contracts/work-orders';
import { ReleaseStock, ReserveStock, stockKey, type LocationAllocation } from '@wo/contracts/inventory';
import { command, ignored, type SagaCommand, type SagaReaction } from './saga-types';
import type { SagaReply } from './saga-reply';

/**
 * Allocation saga: reserve every material line of a work order, or nothing.
 *
 * | step               | command          | replies                                   | compensation  |
 * | ------------------ | ---------------- | ----------------------------------------- | ------------- |
 * | reserve materials  | ReserveStock x N | StockReserved, StockReservationRejected   | ReleaseStock  |
 * | (compensating)     |                  | StockReleased for each reserved line      |               |
 *
 * All lines reserved: outcome `allocated`. Any line rejected: once every line has answered, the
 * reserved ones are released (compensation) and, when all are released, outcome `outOfStock`
 * with the shortages. Nothing is held at the end of an Out of Stock allocation.
 */

export type AllocationLineState = 'reserving' | 'reserved' | 'rejected' | 'releasing' | 'released';

export interface AllocationLine {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly reservationId: string;
  readonly state: AllocationLineState;
  readonly allocations: readonly LocationAllocation[];
  /** Set when rejected: what inventory had available for this line. */
  readonly available: number | null;
}

export type AllocationPhase = 'reserving' | 'compensating' | 'allocated' | 'outOfStock';

export interface AllocationSagaData {
  readonly sagaId: string;
  readonly workOrderId: string;
  readonly warehouseId: string;
  readonly merchantId: string;
  readonly phase: AllocationPhase;
  readonly lines: readonly AllocationLine[];
  /** Who confirmed or retried: carried into the Allocated or Out of Stock event (absent in sagas started before it was kept). */
  readonly actor?: Actor;
}

export interface Shortage {
  readonly sku: string;
  readonly requested: number;
  readonly available: number;
}

export type AllocationOutcome =
  { readonly kind: 'allocated'; readonly lines: readonly AllocationLine[] } | { readonly kind: 'outOfStock'; readonly shortages: readonly Shortage[] };

type Reaction = SagaReaction<AllocationSagaData, AllocationOutcome>;

export interface AllocationRequest {
  readonly sagaId: string;
  readonly workOrderId: string;
  readonly warehouseId: string;
  readonly merchantId: string;
  readonly materials: readonly { lineId: string; sku: string; quantity: number }[];
  readonly actor?: Actor;
}

/** One reservation per line per attempt: a retry is a new saga, so a new reservation id. */
export function reservationIdFor(sagaId: string, lineId: string): string {
  return `${sagaId}:${lineId}`;
}

export function startAllocation(request: AllocationRequest): Reaction & { kind: 'advanced' } {
  const data: AllocationSagaData = {
    sagaId: request.sagaId,
    workOrderId: request.workOrderId,
    warehouseId: request.warehouseId,
    merchantId: request.merchantId,
    phase: 'reserving',
    ...(request.actor && { actor: request.actor }),
    lines: request.materials.map((material) => ({
      lineId: material.lineId,
      sku: material.sku,
      quantity: material.quantity,
      reservationId: reservationIdFor(request.sagaId, material.lineId),
      state: 'reserving',
      allocations: [],
      available: null,
    })),
  };
  return { kind: 'advanced', data, commands: data.lines.map((line) => reserveCommand(data, line)), outcome: null };
}

export function onAllocationReply(data: AllocationSagaData, reply: SagaReply): Reaction {
  const lineFor = (reservationId: string) => data.lines.find((candidate) => candidate.reservationId === reservationId);
  switch (reply.type) {
    case 'inventory.StockReserved': {
      const line = lineFor(reply.payload.reservationId);
      if (!line) return ignored(`no line with reservation ${reply.payload.reservationId}`);
      if (line.state !== 'reserving') return ignored(`line ${line.lineId} already ${line.state}`);
      return afterReservationAnswer(withLine(data, { ...line, state: 'reserved', allocations: reply.payload.allocations }));
    }
    case 'inventory.StockReservationRejected': {
      const line = lineFor(reply.payload.reservationId);
      if (!line) return ignored(`no line with reservation ${reply.payload.reservationId}`);
      if (line.state !== 'reserving') return ignored(`line ${line.lineId} already ${line.state}`);
      return afterReservationAnswer(withLine(data, { ...line, state: 'rejected', available: reply.payload.available }));
    }
    case 'inventory.StockReleased': {
      const line = lineFor(reply.payload.reservationId);
      if (!line) return ignored(`no line with reservation ${reply.payload.reservationId}`);
      if (line.state !== 'releasing') return ignored(`line ${line.lineId} is ${line.state}, not releasing`);
      return afterRelease(withLine(data, { ...line, state: 'released', allocations: [] }));
    }
    default:
      return ignored(`allocation saga does not expect ${reply.type}`);
  }
}

/** Commands for lines still waiting on an answer: what a step deadline re-sends. Idempotent downstream. */
export function pendingAllocationCommands(data: AllocationSagaData): SagaCommand[] {
  return data.lines.flatMap((line) => {
    if (line.state === 'reserving') return [reserveCommand(data, line)];
    if (line.state === 'releasing') return [releaseCommand(data, line)];
    return [];
  });
}

function afterReservationAnswer(data: AllocationSagaData): Reaction {
  if (data.lines.some((line) => line.state === 'reserving')) return advanced(data, [], null);
  if (data.lines.every((line) => line.state === 'reserved')) {
    const done = { ...data, phase: 'allocated' as const };
    return advanced(done, [], { kind: 'allocated', lines: done.lines });
  }
  // Compensation: give back every line that was reserved before declaring the order short.
  const compensating: AllocationSagaData = {
    ...data,
    phase: 'compensating',
    lines: data.lines.map((line) => (line.state === 'reserved' ? { ...line, state: 'releasing' } : line)),
  };
  const releases = compensating.lines.filter((line) => line.state === 'releasing').map((line) => releaseCommand(data, line));
  return releases.length > 0 ? advanced(compensating, releases, null) : finishOutOfStock(compensating);
}

function afterRelease(data: AllocationSagaData): Reaction {
  if (data.lines.some((line) => line.state === 'releasing')) return advanced(data, [], null);
  return finishOutOfStock(data);
}

function finishOutOfStock(data: AllocationSagaData): Reaction {
  const shortages = data.lines
    .filter((line) => line.state === 'rejected')
    .map((line) => ({ sku: line.sku, requested: line.quantity, available: line.available ?? 0 }));
  return advanced({ ...data, phase: 'outOfStock' }, [], { kind: 'outOfStock', shortages });
}

function advanced(data: AllocationSagaData, commands: SagaCommand[], outcome: AllocationOutcome | null): Reaction {
  return { kind: 'advanced', data, commands, outcome };
}

function withLine(data: AllocationSagaData, line: AllocationLine): AllocationSagaData {
  return { ...data, lines: data.lines.map((candidate) => (candidate.lineId === line.lineId ? line : candidate)) };
}

function reserveCommand(data: AllocationSagaData, line: AllocationLine): SagaCommand {
  return command(
    ReserveStock,
    {
      reservationId: line.reservationId,
      workOrderId: data.workOrderId,
      lineId: line.lineId,
      warehouseId: data.warehouseId,
      merchantId: data.merchantId,
      sku: line.sku,
      quantity: line.quantity,
    },
    stockKey(data.warehouseId, line.sku),
  );
}

function releaseCommand(data: AllocationSagaData, line: AllocationLine): SagaCommand {
  return command(ReleaseStock, { reservationId: line.reservationId, warehouseId: data.warehouseId, sku: line.sku }, stockKey(data.warehouseId, line.sku));
}
