import { CreateFinishedGoodsInbound, FinishedGoodsInboundCreated } from '@wo/contracts/inbound';
import { ConsumeReservation, ReservationConsumed } from '@wo/contracts/inventory';
import { WorkOrderCompleted } from '@wo/contracts/work-orders';
import { completionSaga, type CompletionSagaData } from './completion-saga';
import { endEffect, pendingCommands, reactTo, startSaga, type SagaReaction } from './saga-definition';

const order = { id: 'wo', number: 'WO-1', merchantId: 'm', warehouseId: 'wh', priority: 2, status: 'PROCESSING', inboundStatus: null };
const actor = { subject: 'u', name: 'Planner' };
const start = () =>
  startSaga(completionSaga, 's', order, {
    reservations: [
      { reservationId: 'r1', sku: 'BOX' },
      { reservationId: 'r2', sku: 'SOAP' },
    ],
    outputs: [{ sku: 'SET', quantity: 5 }],
    pickingListIds: ['pl-1'],
    actor,
  });
const onCompletionReply = (data: CompletionSagaData, reply: { type: string; payload: unknown }) => reactTo(completionSaga, data, reply);
/** BOX is lot-tracked (taken from lot L-1), SOAP is not. */
const consumed = (reservationId: string, sku: string, quantity: number) => ({
  type: ReservationConsumed.type,
  payload: { reservationId, sku, quantity, consumed: [{ locationCode: 'A-01', quantity, ...(sku === 'BOX' && { lot: 'L-1', expiresOn: '2027-03-01' }) }] },
});
const inboundCreated = { type: FinishedGoodsInboundCreated.type, payload: { inboundOrderId: 'in-1', workOrderId: 'wo' } };

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
    expect(start().commands[2]!.payload).toEqual({
      workOrderId: 'wo',
      workOrderNumber: 'WO-1',
      warehouseId: 'wh',
      merchantId: 'm',
      // The finished goods' lot: the order's number, unless the receiver names another.
      lines: [{ sku: 'SET', quantity: 5, lot: 'WO-1' }],
    });
  });

  it('puts the order in completing when it starts', () => {
    expect(completionSaga.started(start().data, order, { reservations: [], outputs: [], pickingListIds: [], actor })).toEqual({
      event: { type: 'CompletionStarted' },
      history: { event: 'completionStarted', detail: { actor } },
      messages: [],
    });
  });

  it('completes once every reservation is consumed and the inbound order exists, in any order', () => {
    const first = advanced(onCompletionReply(start().data, inboundCreated));
    const second = advanced(onCompletionReply(first.data, consumed('r2', 'SOAP', 10)));
    expect(second.outcome).toBeNull();
    expect(pendingCommands(completionSaga, second.data).map((command) => command.payload)).toEqual([expect.objectContaining({ reservationId: 'r1' })]);
    const third = advanced(onCompletionReply(second.data, consumed('r1', 'BOX', 5)));
    expect(third.outcome).toEqual({ kind: 'completed', inboundOrderId: 'in-1' });
  });

  it('re-sends the inbound request while its answer is missing', () => {
    const first = advanced(onCompletionReply(start().data, consumed('r1', 'BOX', 5)));
    const second = advanced(onCompletionReply(first.data, consumed('r2', 'SOAP', 10)));
    expect(second.outcome).toBeNull();
    expect(pendingCommands(completionSaga, second.data).map((command) => command.definition.type)).toEqual([CreateFinishedGoodsInbound.type]);
  });

  it('Completed: the order keeps the inbound order, its reservations end CONSUMED, and WorkOrderCompleted lists the outputs', () => {
    const first = advanced(onCompletionReply(start().data, inboundCreated));
    const second = advanced(onCompletionReply(first.data, consumed('r1', 'BOX', 5)));
    const done = advanced(onCompletionReply(second.data, consumed('r2', 'SOAP', 10)));
    const change = endEffect(completionSaga, done.data, done.outcome, order);
    expect(change).toMatchObject({
      event: { type: 'Completed' },
      history: { event: 'completed', detail: { sagaId: 's', inboundOrderId: 'in-1' } },
      inboundOrderId: 'in-1',
      inboundStatus: 'PENDING',
      reservations: { end: 'CONSUMED' },
    });
    expect(change.messages.map((message) => [message.envelope.type, message.envelope.payload])).toEqual([
      [
        WorkOrderCompleted.type,
        expect.objectContaining({
          inboundOrderId: 'in-1',
          outputs: [{ sku: 'SET', quantity: 5, lot: 'WO-1' }],
          // The genealogy: exactly the lots and bins inventory took, and the lists that fetched them.
          consumed: [
            { sku: 'BOX', locationCode: 'A-01', quantity: 5, lot: 'L-1', expiresOn: '2027-03-01' },
            { sku: 'SOAP', locationCode: 'A-01', quantity: 10 },
          ],
          pickingListIds: ['pl-1'],
        }),
      ],
    ]);
    expect(WorkOrderCompleted.schema.safeParse(change.messages[0]!.envelope.payload).success).toBe(true);
  });

  it('disassembly is the same event read the other way: one material lot in, every output given the order number as its lot', () => {
    // Unpack 2 gift sets of lot WO-0 (an earlier order's finished goods) into boxes and soaps.
    const started = startSaga(completionSaga, 'd', order, {
      reservations: [{ reservationId: 'r-set', sku: 'SET' }],
      outputs: [
        { sku: 'BOX', quantity: 2 },
        { sku: 'SOAP', quantity: 4 },
      ],
      pickingListIds: ['pl-9'],
      actor,
    });
    const inbound = started.commands.find((command) => command.definition.type === CreateFinishedGoodsInbound.type)!;
    expect(inbound.payload).toMatchObject({
      lines: [
        { sku: 'BOX', quantity: 2, lot: 'WO-1' },
        { sku: 'SOAP', quantity: 4, lot: 'WO-1' },
      ],
    });
    const setConsumed = {
      type: ReservationConsumed.type,
      payload: { reservationId: 'r-set', sku: 'SET', quantity: 2, consumed: [{ locationCode: 'FG-01', quantity: 2, lot: 'WO-0' }] },
    };
    const first = advanced(onCompletionReply(started.data, setConsumed));
    const done = advanced(onCompletionReply(first.data, inboundCreated));
    const completed = endEffect(completionSaga, done.data, done.outcome, order).messages[0]!.envelope.payload;
    expect(completed).toMatchObject({
      outputs: [
        { sku: 'BOX', quantity: 2, lot: 'WO-1' },
        { sku: 'SOAP', quantity: 4, lot: 'WO-1' },
      ],
      consumed: [{ sku: 'SET', locationCode: 'FG-01', quantity: 2, lot: 'WO-0' }],
      pickingListIds: ['pl-9'],
    });
    expect(WorkOrderCompleted.schema.safeParse(completed).success).toBe(true);
  });

  it('ignores a duplicate consumption reply', () => {
    const first = advanced(onCompletionReply(start().data, consumed('r1', 'BOX', 5)));
    expect(onCompletionReply(first.data, consumed('r1', 'BOX', 5)).kind).toBe('ignored');
  });

  it('ignores a second inbound order, and a consumption it does not know', () => {
    const first = advanced(onCompletionReply(start().data, inboundCreated));
    expect(onCompletionReply(first.data, inboundCreated)).toEqual({ kind: 'ignored', reason: 'inbound order in-1 already known' });
    expect(onCompletionReply(first.data, consumed('r9', 'X', 1))).toEqual({ kind: 'ignored', reason: 'no reservation r9 in this completion' });
  });
});
