import { ReleaseStock, StockReleased } from '@wo/contracts/inventory';
import { WorkOrderCanceled } from '@wo/contracts/work-orders';
import { releaseSaga, type ReleaseSagaData } from './release-saga';
import { endEffect, pendingCommands, reactTo, startSaga } from './saga-definition';

const order = { id: 'wo', number: 'WO-1', merchantId: 'm', warehouseId: 'wh', priority: 2, status: 'ALLOCATED', inboundStatus: null };
const actor = { subject: 'u', name: 'Planner' };
const startRelease = (reservations: { reservationId: string; sku: string }[]) => startSaga(releaseSaga, 's', order, { reservations, actor });
const start = () =>
  startRelease([
    { reservationId: 'r1', sku: 'A' },
    { reservationId: 'r2', sku: 'B' },
  ]);
const onReleaseReply = (data: ReleaseSagaData, reply: { type: string; payload: unknown }) => reactTo(releaseSaga, data, reply);
const released = (reservationId: string, sku: string) => ({ type: StockReleased.type, payload: { reservationId, sku, quantity: 1 } });

describe('release saga', () => {
  it('releases every held reservation', () => {
    expect(start().commands.map((command) => [command.definition.type, command.key])).toEqual([
      [ReleaseStock.type, 'wh:A'],
      [ReleaseStock.type, 'wh:B'],
    ]);
  });

  it('puts the order in releasing when it starts', () => {
    expect(releaseSaga.started(start().data, order, { reservations: [], actor })).toEqual({
      event: { type: 'ReleaseStarted' },
      history: { event: 'releaseStarted', detail: { actor } },
      messages: [],
    });
  });

  it('is released once every reservation answered, whatever the order', () => {
    const first = onReleaseReply(start().data, released('r2', 'B'));
    if (first.kind !== 'advanced') throw new Error('expected advance');
    expect(first.outcome).toBeNull();
    expect(pendingCommands(releaseSaga, first.data).map((command) => command.payload)).toEqual([{ reservationId: 'r1', warehouseId: 'wh', sku: 'A' }]);
    const second = onReleaseReply(first.data, released('r1', 'A'));
    expect(second).toMatchObject({ kind: 'advanced', outcome: { kind: 'released' } });
  });

  it('Released: the order is Canceled, its reservations end RELEASED, and WorkOrderCanceled is published', () => {
    const first = onReleaseReply(start().data, released('r1', 'A'));
    if (first.kind !== 'advanced') throw new Error('expected advance');
    const second = onReleaseReply(first.data, released('r2', 'B'));
    if (second.kind !== 'advanced') throw new Error('expected advance');
    const change = endEffect(releaseSaga, second.data, second.outcome, order);
    expect(change).toMatchObject({
      event: { type: 'Released' },
      history: { event: 'canceled', detail: { sagaId: 's', released: true } },
      reservations: { end: 'RELEASED' },
    });
    expect(change.messages.map((message) => message.envelope.type)).toEqual([WorkOrderCanceled.type]);
  });

  it('ignores a duplicate release reply', () => {
    const first = onReleaseReply(start().data, released('r1', 'A'));
    if (first.kind !== 'advanced') throw new Error('expected advance');
    expect(onReleaseReply(first.data, released('r1', 'A')).kind).toBe('ignored');
    expect(onReleaseReply(first.data, released('r9', 'A'))).toEqual({ kind: 'ignored', reason: 'no reservation r9 in this release' });
  });

  it('with nothing held, is released at once', () => {
    const started = startRelease([]);
    expect(started.outcome).toEqual({ kind: 'released' });
    expect(started.commands).toEqual([]);
    expect(started.data.phase).toBe('released');
  });
});
