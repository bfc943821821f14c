import { ReleaseStock, ReserveStock } from '@wo/contracts/inventory';
import { onAllocationReply, pendingAllocationCommands, startAllocation, type AllocationSagaData } from './allocation-saga';
import type { SagaReaction } from './saga-types';
import type { StockReply } from './stock-reply';

const request = {
  sagaId: 'saga-1',
  workOrderId: 'wo-1',
  warehouseId: 'wh-1',
  merchantId: 'm-1',
  materials: [
    { lineId: 'l1', sku: 'BOX', quantity: 5 },
    { lineId: 'l2', sku: 'SOAP', quantity: 10 },
  ],
};

const reserved = (lineId: string, sku: string, quantity: number): StockReply => ({
  type: 'inventory.StockReserved',
  payload: { reservationId: `saga-1:${lineId}`, lineId, sku, quantity, allocations: [{ locationCode: 'A-01', quantity }] },
});
const rejected = (lineId: string, sku: string, requested: number, available: number): StockReply => ({
  type: 'inventory.StockReservationRejected',
  payload: { reservationId: `saga-1:${lineId}`, lineId, sku, requested, available },
});
const released = (lineId: string, sku: string, quantity: number): StockReply => ({
  type: 'inventory.StockReleased',
  payload: { reservationId: `saga-1:${lineId}`, sku, quantity },
});

function advanced(reaction: SagaReaction<AllocationSagaData, unknown>) {
  if (reaction.kind !== 'advanced') throw new Error(`expected the saga to advance, it ignored: ${reaction.reason}`);
  return reaction;
}

describe('allocation saga', () => {
  it('starts by reserving every material line, keyed by warehouse and SKU', () => {
    const started = startAllocation(request);
    expect(started.commands.map((command) => [command.definition.type, command.key, command.payload])).toEqual([
      [ReserveStock.type, 'wh-1:BOX', expect.objectContaining({ reservationId: 'saga-1:l1', sku: 'BOX', quantity: 5, merchantId: 'm-1' })],
      [ReserveStock.type, 'wh-1:SOAP', expect.objectContaining({ reservationId: 'saga-1:l2', sku: 'SOAP', quantity: 10 })],
    ]);
    expect(started.data.phase).toBe('reserving');
  });

  it('given every line reserved, ends Allocated with the location allocations', () => {
    const first = advanced(onAllocationReply(startAllocation(request).data, reserved('l1', 'BOX', 5)));
    expect(first.outcome).toBeNull();
    const second = advanced(onAllocationReply(first.data, reserved('l2', 'SOAP', 10)));
    expect(second.commands).toEqual([]);
    expect(second.outcome).toEqual({
      kind: 'allocated',
      lines: expect.arrayContaining([expect.objectContaining({ sku: 'SOAP', allocations: [{ locationCode: 'A-01', quantity: 10 }] })]),
    });
  });

  it('given one line short, releases the reserved lines before declaring Out of Stock', () => {
    const afterReserve = advanced(onAllocationReply(startAllocation(request).data, reserved('l1', 'BOX', 5)));
    const afterReject = advanced(onAllocationReply(afterReserve.data, rejected('l2', 'SOAP', 10, 3)));
    expect(afterReject.outcome).toBeNull();
    expect(afterReject.data.phase).toBe('compensating');
    expect(afterReject.commands.map((command) => [command.definition.type, command.payload])).toEqual([
      [ReleaseStock.type, { reservationId: 'saga-1:l1', warehouseId: 'wh-1', sku: 'BOX' }],
    ]);
    const done = advanced(onAllocationReply(afterReject.data, released('l1', 'BOX', 5)));
    expect(done.outcome).toEqual({ kind: 'outOfStock', shortages: [{ sku: 'SOAP', requested: 10, available: 3 }] });
  });

  it('given a rejection before the other reply, waits for every answer before compensating', () => {
    const afterReject = advanced(onAllocationReply(startAllocation(request).data, rejected('l2', 'SOAP', 10, 0)));
    expect(afterReject.commands).toEqual([]);
    const afterReserve = advanced(onAllocationReply(afterReject.data, reserved('l1', 'BOX', 5)));
    expect(afterReserve.commands.map((command) => command.definition.type)).toEqual([ReleaseStock.type]);
  });

  it('given every line short, ends Out of Stock without any release', () => {
    const first = advanced(onAllocationReply(startAllocation(request).data, rejected('l1', 'BOX', 5, 1)));
    const second = advanced(onAllocationReply(first.data, rejected('l2', 'SOAP', 10, 2)));
    expect(second.commands).toEqual([]);
    expect(second.outcome).toEqual({
      kind: 'outOfStock',
      shortages: [
        { sku: 'BOX', requested: 5, available: 1 },
        { sku: 'SOAP', requested: 10, available: 2 },
      ],
    });
  });

  it('ignores a duplicate reply explicitly', () => {
    const first = advanced(onAllocationReply(startAllocation(request).data, reserved('l1', 'BOX', 5)));
    expect(onAllocationReply(first.data, reserved('l1', 'BOX', 5))).toEqual({ kind: 'ignored', reason: 'line l1 already reserved' });
  });

  it('ignores a reply for a reservation it does not know', () => {
    const reply: StockReply = {
      type: 'inventory.StockReserved',
      payload: { reservationId: 'other:l9', lineId: 'l9', sku: 'X', quantity: 1, allocations: [{ locationCode: 'A', quantity: 1 }] },
    };
    expect(onAllocationReply(startAllocation(request).data, reply).kind).toBe('ignored');
  });

  it('re-sends only the commands still waiting for an answer', () => {
    const first = advanced(onAllocationReply(startAllocation(request).data, reserved('l1', 'BOX', 5)));
    expect(pendingAllocationCommands(first.data).map((command) => command.payload)).toEqual([expect.objectContaining({ reservationId: 'saga-1:l2' })]);
  });
});
