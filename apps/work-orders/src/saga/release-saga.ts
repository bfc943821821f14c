import type { PayloadOf } from '@wo/contracts/envelope';
import { ReleaseStock, StockReleased, stockKey } from '@wo/contracts/inventory';
import type { Actor } from '@wo/contracts/work-orders';
import { z } from 'zod';
import type { SagaOrder, WorkOrderChange } from '../domain/work-order-lifecycle';
import { publicEvents } from '../domain/work-order-events';
import { command, defineSaga, ignored, reply, type SagaCommand, type SagaIgnored } from './saga-definition';

/**
 * Release saga: the cancel of an Allocated order. The order is `releasing` meanwhile.
 *
 * release reservations   ReleaseStock per held reservation, keyed warehouse+SKU
 *   StockReleased               that reservation is given back
 *   every one given back (at once when nothing was held): the saga succeeds
 *   no compensation: a release cannot be refused
 * succeeded   Canceled; the held reservations end RELEASED; WorkOrderCanceled
 */
export const releaseSaga = defineSaga({
  type: 'release',
  data: z.lazy(() => releaseSagaData),
  start: startRelease,
  started: (data: ReleaseSagaData, order: SagaOrder, input: ReleaseStart): WorkOrderChange => ({
    event: { type: 'ReleaseStarted' },
    history: { event: 'releaseStarted', detail: { actor: input.actor } },
    messages: [],
  }),
  steps: [
    {
      step: 'release reservations',
      phase: 'releasing',
      invokeParticipant: (data: ReleaseSagaData) => data.reservations.filter((held) => !held.released).map((held) => releaseStock(data, held)),
      onReply: [reply(StockReleased, reservationReleased)],
      standing: (data: ReleaseSagaData) => (data.reservations.every((held) => held.released) ? 'succeeded' : 'waiting'),
    },
  ],
  succeeded: { phase: 'released', metric: 'released', outcome: () => ({ kind: 'released' as const }), effect: canceled },
});

const releaseSagaData = z.object({
  sagaId: z.string(),
  workOrderId: z.string(),
  warehouseId: z.string(),
  phase: z.enum(['releasing', 'released']),
  reservations: z.array(z.object({ reservationId: z.string(), sku: z.string(), released: z.boolean() })),
});

export type ReleaseSagaData = z.infer<typeof releaseSagaData>;

export interface ReleaseStart {
  readonly reservations: readonly { readonly reservationId: string; readonly sku: string }[];
  readonly actor: Actor;
}

function startRelease(sagaId: string, order: SagaOrder, input: ReleaseStart): ReleaseSagaData {
  return {
    sagaId,
    workOrderId: order.id,
    warehouseId: order.warehouseId,
    phase: 'releasing',
    reservations: input.reservations.map(({ reservationId, sku }) => ({ reservationId, sku, released: false })),
  };
}

function reservationReleased(data: ReleaseSagaData, reply: PayloadOf<typeof StockReleased>): ReleaseSagaData | SagaIgnored {
  const target = data.reservations.find((held) => held.reservationId === reply.reservationId);
  if (!target) return ignored(`no reservation ${reply.reservationId} in this release`);
  if (target.released) return ignored(`reservation ${target.reservationId} already released`);
  return { ...data, reservations: data.reservations.map((held) => (held === target ? { ...held, released: true } : held)) };
}

function canceled(data: ReleaseSagaData, _outcome: unknown, order: SagaOrder): WorkOrderChange {
  return {
    event: { type: 'Released' },
    history: { event: 'canceled', detail: { sagaId: data.sagaId, released: true } },
    messages: [publicEvents.canceled(order, data.sagaId)],
    reservations: { end: 'RELEASED' },
  };
}

function releaseStock(data: ReleaseSagaData, held: { reservationId: string; sku: string }): SagaCommand {
  return command(ReleaseStock, { reservationId: held.reservationId, warehouseId: data.warehouseId, sku: held.sku }, stockKey(data.warehouseId, held.sku));
}
