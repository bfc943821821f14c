import { ReleaseStock } from '@wo/contracts/inventory';
import { onReleaseReply, startRelease } from './release-saga';

const start = () =>
  startRelease({
    sagaId: 's',
    workOrderId: 'wo',
    warehouseId: 'wh',
    reservations: [
      { reservationId: 'r1', sku: 'A' },
      { reservationId: 'r2', sku: 'B' },
    ],
  });

describe('release saga', () => {
  it('releases every held reservation', () => {
    expect(start().commands.map((command) => [command.definition.type, command.key])).toEqual([
      [ReleaseStock.type, 'wh:A'],
      [ReleaseStock.type, 'wh:B'],
    ]);
  });

  it('is released once every reservation answered, whatever the order', () => {
    const first = onReleaseReply(start().data, { type: 'inventory.StockReleased', payload: { reservationId: 'r2', sku: 'B', quantity: 1 } });
    if (first.kind !== 'advanced') throw new Error('expected advance');
    expect(first.outcome).toBeNull();
    const second = onReleaseReply(first.data, { type: 'inventory.StockReleased', payload: { reservationId: 'r1', sku: 'A', quantity: 1 } });
    expect(second).toMatchObject({ kind: 'advanced', outcome: { kind: 'released' } });
  });

  it('ignores a duplicate release reply', () => {
    const first = onReleaseReply(start().data, { type: 'inventory.StockReleased', payload: { reservationId: 'r1', sku: 'A', quantity: 1 } });
    if (first.kind !== 'advanced') throw new Error('expected advance');
    expect(onReleaseReply(first.data, { type: 'inventory.StockReleased', payload: { reservationId: 'r1', sku: 'A', quantity: 1 } }).kind).toBe('ignored');
  });

  it('with nothing held, is released at once', () => {
    expect(startRelease({ sagaId: 's', workOrderId: 'wo', warehouseId: 'wh', reservations: [] }).outcome).toEqual({ kind: 'released' });
  });
});
