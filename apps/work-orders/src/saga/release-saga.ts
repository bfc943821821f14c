import { ReleaseStock, stockKey } from '@wo/contracts/inventory';
import { command, ignored, type SagaCommand, type SagaReaction } from './saga-types';
import type { SagaReply } from './saga-reply';

/**
 * Release saga: the cancel of an Allocated order.
 *
 * | step                  | command          | replies                     | compensation |
 * | --------------------- | ---------------- | --------------------------- | ------------ |
 * | release reservations  | ReleaseStock x N | StockReleased for each one  | none: a release cannot fail |
 *
 * When every reservation is released: outcome `released`, and the order becomes Canceled.
 */

export interface HeldReservation {
  readonly reservationId: string;
  readonly sku: string;
  readonly released: boolean;
}

export interface ReleaseSagaData {
  readonly sagaId: string;
  readonly workOrderId: string;
  readonly warehouseId: string;
  readonly phase: 'releasing' | 'released';
  readonly reservations: readonly HeldReservation[];
}

export type ReleaseOutcome = { readonly kind: 'released' };
type Reaction = SagaReaction<ReleaseSagaData, ReleaseOutcome>;

export function startRelease(request: {
  sagaId: string;
  workOrderId: string;
  warehouseId: string;
  reservations: readonly { reservationId: string; sku: string }[];
}): Reaction & { kind: 'advanced' } {
  const data: ReleaseSagaData = {
    sagaId: request.sagaId,
    workOrderId: request.workOrderId,
    warehouseId: request.warehouseId,
    phase: 'releasing',
    reservations: request.reservations.map((reservation) => ({ ...reservation, released: false })),
  };
  if (data.reservations.length === 0) {
    return { kind: 'advanced', data: { ...data, phase: 'released' }, commands: [], outcome: { kind: 'released' } };
  }
  return { kind: 'advanced', data, commands: pendingReleaseCommands(data), outcome: null };
}

export function onReleaseReply(data: ReleaseSagaData, reply: SagaReply): Reaction {
  if (reply.type !== 'inventory.StockReleased') return ignored(`release saga does not expect ${reply.type}`);
  const target = data.reservations.find((reservation) => reservation.reservationId === reply.payload.reservationId);
  if (!target) return ignored(`no reservation ${reply.payload.reservationId} in this release`);
  if (target.released) return ignored(`reservation ${target.reservationId} already released`);

  const reservations = data.reservations.map((reservation) => (reservation === target ? { ...reservation, released: true } : reservation));
  if (reservations.every((reservation) => reservation.released)) {
    return { kind: 'advanced', data: { ...data, reservations, phase: 'released' }, commands: [], outcome: { kind: 'released' } };
  }
  return { kind: 'advanced', data: { ...data, reservations }, commands: [], outcome: null };
}

/** Releases still unanswered: what a step deadline re-sends. */
export function pendingReleaseCommands(data: ReleaseSagaData): SagaCommand[] {
  return data.reservations
    .filter((reservation) => !reservation.released)
    .map((reservation) =>
      command(
        ReleaseStock,
        { reservationId: reservation.reservationId, warehouseId: data.warehouseId, sku: reservation.sku },
        stockKey(data.warehouseId, reservation.sku),
      ),
    );
}
