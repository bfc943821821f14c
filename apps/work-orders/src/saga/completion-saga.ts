import type { PayloadOf } from '@wo/contracts/envelope';
import { CreateFinishedGoodsInbound, FinishedGoodsInboundCreated } from '@wo/contracts/inbound';
import { ConsumeReservation, locationAllocationSchema, ReservationConsumed, stockKey } from '@wo/contracts/inventory';
import type { Actor } from '@wo/contracts/work-orders';
import { z } from 'zod';
import type { SagaOrder, WorkOrderChange } from '../domain/work-order-lifecycle';
import { publicEvents, type CompletedGenealogy } from '../domain/work-order-events';
import { command, defineSaga, ignored, reply, type SagaCommand, type SagaIgnored } from './saga-definition';

/**
 * Completion saga: deduct the materials and expect the finished goods, in one step. The order is
 * `completing` meanwhile.
 *
 * deduct and create inbound   ConsumeReservation per held reservation, keyed warehouse+SKU,
 *                             and CreateFinishedGoodsInbound for the outputs, keyed by the order
 *   ReservationConsumed           that reservation is deducted (on-hand down, exactly once)
 *   FinishedGoodsInboundCreated   the inbound order exists (one per work order)
 *   every reservation consumed and the inbound order known: the saga succeeds
 *   no compensation: both commands are idempotent and cannot be refused for a held reservation
 * succeeded   Completed with the inbound order; the reservations end CONSUMED; WorkOrderCompleted
 *             (v2) carries the genealogy: each output's lot, the lots consumed, the picking lists
 *
 * Every output gets a lot: the work order's number (unique across warehouses), which the
 * receiver may replace with the lot printed on the goods (docs/decisions/0007-lots.md).
 */
export const completionSaga = defineSaga({
  type: 'completion',
  data: z.lazy(() => completionSagaData),
  start: startCompletion,
  started: (data: CompletionSagaData, order: SagaOrder, input: CompletionStart): WorkOrderChange => ({
    event: { type: 'CompletionStarted' },
    history: { event: 'completionStarted', detail: { actor: input.actor } },
    messages: [],
  }),
  steps: [
    {
      step: 'deduct and create inbound',
      phase: 'completing',
      invokeParticipant: (data: CompletionSagaData) => [
        ...data.reservations.filter((held) => !held.consumed).map((held) => consumeReservation(data, held)),
        ...(data.inboundOrderId === null ? [createFinishedGoodsInbound(data)] : []),
      ],
      onReply: [reply(ReservationConsumed, reservationConsumed), reply(FinishedGoodsInboundCreated, inboundCreated)],
      standing: (data: CompletionSagaData) => (data.inboundOrderId !== null && data.reservations.every((held) => held.consumed) ? 'succeeded' : 'waiting'),
    },
  ],
  succeeded: { phase: 'completed', metric: 'completed', outcome: completedOutcome, effect: completed },
});

const completionSagaData = z.object({
  sagaId: z.string(),
  workOrderId: z.string(),
  workOrderNumber: z.string(),
  warehouseId: z.string(),
  merchantId: z.string(),
  phase: z.enum(['completing', 'completed']),
  reservations: z.array(
    z.object({
      reservationId: z.string(),
      sku: z.string(),
      consumed: z.boolean(),
      /** What inventory took off the shelves for it, per bin and lot (sagas stored before lots have none). */
      taken: z.array(locationAllocationSchema).default([]),
    }),
  ),
  /** `lot`: absent only in sagas stored before lots, which take the order's number when they end. */
  outputs: z.array(z.object({ sku: z.string(), quantity: z.number().int(), lot: z.string().optional() })),
  pickingListIds: z.array(z.string()).default([]),
  inboundOrderId: z.string().nullable(),
});

export type CompletionSagaData = z.infer<typeof completionSagaData>;
export type CompletionOutcome = { readonly kind: 'completed'; readonly inboundOrderId: string };

export interface CompletionStart {
  readonly reservations: readonly { readonly reservationId: string; readonly sku: string }[];
  readonly outputs: readonly { readonly sku: string; readonly quantity: number }[];
  /** The picking lists that fetched the materials (not the canceled ones). */
  readonly pickingListIds: readonly string[];
  readonly actor: Actor;
}

function startCompletion(sagaId: string, order: SagaOrder, input: CompletionStart): CompletionSagaData {
  return {
    sagaId,
    workOrderId: order.id,
    workOrderNumber: order.number,
    warehouseId: order.warehouseId,
    merchantId: order.merchantId,
    phase: 'completing',
    reservations: input.reservations.map(({ reservationId, sku }) => ({ reservationId, sku, consumed: false, taken: [] })),
    outputs: input.outputs.map(({ sku, quantity }) => ({ sku, quantity, lot: order.number })),
    pickingListIds: [...input.pickingListIds],
    inboundOrderId: null,
  };
}

function reservationConsumed(data: CompletionSagaData, reply: PayloadOf<typeof ReservationConsumed>): CompletionSagaData | SagaIgnored {
  const target = data.reservations.find((held) => held.reservationId === reply.reservationId);
  if (!target) return ignored(`no reservation ${reply.reservationId} in this completion`);
  if (target.consumed) return ignored(`reservation ${target.reservationId} already consumed`);
  return { ...data, reservations: data.reservations.map((held) => (held === target ? { ...held, consumed: true, taken: reply.consumed } : held)) };
}

function inboundCreated(data: CompletionSagaData, reply: PayloadOf<typeof FinishedGoodsInboundCreated>): CompletionSagaData | SagaIgnored {
  if (data.inboundOrderId !== null) return ignored(`inbound order ${data.inboundOrderId} already known`);
  return { ...data, inboundOrderId: reply.inboundOrderId };
}

function completedOutcome(data: CompletionSagaData): CompletionOutcome {
  if (data.inboundOrderId === null) throw new Error(`completion saga ${data.sagaId} ended without its inbound order`);
  return { kind: 'completed', inboundOrderId: data.inboundOrderId };
}

function completed(data: CompletionSagaData, { inboundOrderId }: CompletionOutcome, order: SagaOrder): WorkOrderChange {
  return {
    event: { type: 'Completed' },
    history: { event: 'completed', detail: { sagaId: data.sagaId, inboundOrderId } },
    messages: [publicEvents.completed(order, inboundOrderId, genealogyOf(data, order), data.sagaId)],
    inboundOrderId,
    inboundStatus: order.inboundStatus ?? 'PENDING',
    reservations: { end: 'CONSUMED' },
  };
}

/** The lots the outputs were given and those the materials were taken from, for WorkOrderCompleted. */
function genealogyOf(data: CompletionSagaData, order: SagaOrder): CompletedGenealogy {
  return {
    outputs: data.outputs.map(({ sku, quantity, lot }) => ({ sku, quantity, lot: lot ?? order.number })),
    consumed: data.reservations.flatMap(({ sku, taken }) => taken.map((bin) => ({ sku, ...bin }))),
    pickingListIds: [...data.pickingListIds],
  };
}

function consumeReservation(data: CompletionSagaData, held: { reservationId: string; sku: string }): SagaCommand {
  const { workOrderId, warehouseId } = data;
  return command(ConsumeReservation, { reservationId: held.reservationId, workOrderId, warehouseId, sku: held.sku }, stockKey(warehouseId, held.sku));
}

function createFinishedGoodsInbound(data: CompletionSagaData): SagaCommand {
  const { workOrderId, workOrderNumber, warehouseId, merchantId } = data;
  const lines = data.outputs.map(({ sku, quantity, lot }) => ({ sku, quantity, lot: lot ?? workOrderNumber }));
  return command(CreateFinishedGoodsInbound, { workOrderId, workOrderNumber, warehouseId, merchantId, lines }, workOrderId);
}
