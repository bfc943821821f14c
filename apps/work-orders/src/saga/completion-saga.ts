import { CreateFinishedGoodsInbound } from '@wo/contracts/inbound';
import { ConsumeReservation, stockKey } from '@wo/contracts/inventory';
import { command, ignored, type SagaCommand, type SagaReaction } from './saga-types';
import type { SagaReply } from './saga-reply';

/**
 * Completion saga: deduct the materials and expect the finished goods, in one step.
 *
 * | step                         | command                          | replies                         | compensation |
 * | ---------------------------- | -------------------------------- | ------------------------------- | ------------ |
 * | deduct and create inbound    | ConsumeReservation x N,          | ReservationConsumed x N,        | none: both commands are idempotent and cannot be refused for a held reservation |
 * |                              | CreateFinishedGoodsInbound       | FinishedGoodsInboundCreated     |              |
 *
 * When every reservation is consumed and the inbound order exists: outcome `completed`.
 */

export interface CompletionSagaData {
  readonly sagaId: string;
  readonly workOrderId: string;
  readonly workOrderNumber: string;
  readonly warehouseId: string;
  readonly merchantId: string;
  readonly phase: 'completing' | 'completed';
  readonly reservations: readonly { reservationId: string; sku: string; consumed: boolean }[];
  readonly outputs: readonly { sku: string; quantity: number }[];
  readonly inboundOrderId: string | null;
}

export type CompletionOutcome = { readonly kind: 'completed'; readonly inboundOrderId: string };
type Reaction = SagaReaction<CompletionSagaData, CompletionOutcome>;

export function startCompletion(
  request: Omit<CompletionSagaData, 'phase' | 'reservations' | 'inboundOrderId'> & { reservations: readonly { reservationId: string; sku: string }[] },
): Reaction & { kind: 'advanced' } {
  const data: CompletionSagaData = {
    ...request,
    phase: 'completing',
    reservations: request.reservations.map((reservation) => ({ ...reservation, consumed: false })),
    inboundOrderId: null,
  };
  return { kind: 'advanced', data, commands: pendingCompletionCommands(data), outcome: null };
}

export function onCompletionReply(data: CompletionSagaData, reply: SagaReply): Reaction {
  switch (reply.type) {
    case 'inventory.ReservationConsumed': {
      const target = data.reservations.find((reservation) => reservation.reservationId === reply.payload.reservationId);
      if (!target) return ignored(`no reservation ${reply.payload.reservationId} in this completion`);
      if (target.consumed) return ignored(`reservation ${target.reservationId} already consumed`);
      return afterAnswer({
        ...data,
        reservations: data.reservations.map((reservation) => (reservation === target ? { ...reservation, consumed: true } : reservation)),
      });
    }
    case 'inbound.FinishedGoodsInboundCreated':
      if (data.inboundOrderId !== null) return ignored(`inbound order ${data.inboundOrderId} already known`);
      return afterAnswer({ ...data, inboundOrderId: reply.payload.inboundOrderId });
    default:
      return ignored(`completion saga does not expect ${reply.type}`);
  }
}

/** What is still unanswered: what a step deadline re-sends. */
export function pendingCompletionCommands(data: CompletionSagaData): SagaCommand[] {
  const consumes = data.reservations
    .filter((reservation) => !reservation.consumed)
    .map((reservation) =>
      command(
        ConsumeReservation,
        { reservationId: reservation.reservationId, workOrderId: data.workOrderId, warehouseId: data.warehouseId, sku: reservation.sku },
        stockKey(data.warehouseId, reservation.sku),
      ),
    );
  const inbound =
    data.inboundOrderId === null
      ? [
          command(
            CreateFinishedGoodsInbound,
            {
              workOrderId: data.workOrderId,
              workOrderNumber: data.workOrderNumber,
              warehouseId: data.warehouseId,
              merchantId: data.merchantId,
              lines: [...data.outputs],
            },
            data.workOrderId,
          ),
        ]
      : [];
  return [...consumes, ...inbound];
}

function afterAnswer(data: CompletionSagaData): Reaction {
  if (data.inboundOrderId === null || data.reservations.some((reservation) => !reservation.consumed)) {
    return { kind: 'advanced', data, commands: [], outcome: null };
  }
  return { kind: 'advanced', data: { ...data, phase: 'completed' }, commands: [], outcome: { kind: 'completed', inboundOrderId: data.inboundOrderId } };
}
