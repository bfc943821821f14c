import { CreateFinishedGoodsInbound } from '@wo/contracts/inbound';
import { ConsumeReservation } from '@wo/contracts/inventory';
import { onCompletionReply, pendingCompletionCommands, startCompletion, type CompletionSagaData } from './completion-saga';
import type { SagaReaction } from './saga-types';

const start = () =>
  startCompletion({
    sagaId: 's',
    workOrderId: 'wo',
    workOrderNumber: 'WO-1',
    warehouseId: 'wh',
    merchantId: 'm',
    reservations: [
      { reservationId: 'r1', sku: 'BOX' },
      { reservationId: 'r2', sku: 'SOAP' },
    ],
    outputs: [{ sku: 'SET', quantity: 5 }],
  });

const advanced = (reaction: SagaReaction<CompletionSagaData, unknown>) => {
  if (reaction.kind !== 'advanced') throw new Error(`ignored: ${reaction.reason}`);
  return reaction;
};

describe('completion saga', () => {
  it('consumes every reservation and asks inbound for the finished goods, in one step', () => {
    expect(start().commands.map((command) => [command.definition.type, command.key])).toEqual([
      [ConsumeReservation.type, 'wh:BOX'],
      [ConsumeReservation.type, 'wh:SOAP'],
      [CreateFinishedGoodsInbound.type, 'wo'],
    ]);
  });

  it('completes once every reservation is consumed and the inbound order exists, in any order', () => {
    const first = advanced(
      onCompletionReply(start().data, { type: 'inbound.FinishedGoodsInboundCreated', payload: { inboundOrderId: 'in-1', workOrderId: 'wo' } }),
    );
    const second = advanced(
      onCompletionReply(first.data, { type: 'inventory.ReservationConsumed', payload: { reservationId: 'r2', sku: 'SOAP', quantity: 10, consumed: [] } }),
    );
    expect(second.outcome).toBeNull();
    expect(pendingCompletionCommands(second.data).map((command) => command.payload)).toEqual([expect.objectContaining({ reservationId: 'r1' })]);
    const third = advanced(
      onCompletionReply(second.data, { type: 'inventory.ReservationConsumed', payload: { reservationId: 'r1', sku: 'BOX', quantity: 5, consumed: [] } }),
    );
    expect(third.outcome).toEqual({ kind: 'completed', inboundOrderId: 'in-1' });
  });

  it('ignores a duplicate consumption reply', () => {
    const first = advanced(
      onCompletionReply(start().data, { type: 'inventory.ReservationConsumed', payload: { reservationId: 'r1', sku: 'BOX', quantity: 5, consumed: [] } }),
    );
    expect(
      onCompletionReply(first.data, { type: 'inventory.ReservationConsumed', payload: { reservationId: 'r1', sku: 'BOX', quantity: 5, consumed: [] } }).kind,
    ).toBe('ignored');
  });
});
