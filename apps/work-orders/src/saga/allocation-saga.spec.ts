import { ReleaseStock, ReserveStock, StockReleased, StockReservationRejected, StockReserved } from '@wo/contracts/inventory';
import { readPayload, type PayloadOf } from '@wo/contracts/envelope';
import { WorkOrderAllocated, WorkOrderConfirmed, WorkOrderOutOfStock } from '@wo/contracts/work-orders';
import { allocationSaga, type AllocationSagaData } from './allocation-saga';
import { endEffect, pendingCommands, reactTo, startSaga, type SagaReaction } from './saga-definition';

const order = { id: 'wo-1', number: 'WO-1', merchantId: 'm-1', warehouseId: 'wh-1', priority: 2, status: 'DRAFT', inboundStatus: null };
const actor = { subject: 'u-1', name: 'Planner' };
const request = {
  materials: [
    { id: 'l1', sku: 'BOX', quantity: 5 },
    { id: 'l2', sku: 'SOAP', quantity: 10 },
  ],
  actor,
  cause: 'confirmed',
};
const startAllocation = () => startSaga(allocationSaga, 'saga-1', order, request);
const onAllocationReply = (data: AllocationSagaData, reply: { type: string; payload: unknown }) => reactTo(allocationSaga, data, reply);

const reservedLine = (lineId: string, sku: string, quantity: number) => ({
  reservationId: `saga-1:${lineId}`,
  lineId,
  sku,
  quantity,
  allocations: [{ locationCode: 'A-01', quantity }],
});
const rejectedLine = (lineId: string, sku: string, requested: number, available: number) => ({
  reservationId: `saga-1:${lineId}`,
  lineId,
  sku,
  requested,
  available,
});
/** Inventory's one answer to the order (v2): these lines held. */
const reservedOrder = (...lines: ReturnType<typeof reservedLine>[]) => ({
  type: StockReserved.type,
  payload: { lines } satisfies PayloadOf<typeof StockReserved>,
});
/** Inventory's one answer to the order (v2): nothing held, each line with what was available. */
const rejectedOrder = (...lines: ReturnType<typeof rejectedLine>[]) => ({
  type: StockReservationRejected.type,
  payload: { lines } satisfies PayloadOf<typeof StockReservationRejected>,
});
/** A v1 reply of one line (to a saga started before ReserveStock v2), as the consumer hands it over: upcast to v2. */
function v1Reply(definition: typeof StockReserved | typeof StockReservationRejected, payload: unknown) {
  const read = readPayload(definition, 1, payload);
  if (!read.ok) throw new Error(read.detail);
  return { type: definition.type, payload: read.payload };
}
const reserved = (lineId: string, sku: string, quantity: number) => v1Reply(StockReserved, reservedLine(lineId, sku, quantity));
const rejected = (lineId: string, sku: string, requested: number, available: number) =>
  v1Reply(StockReservationRejected, rejectedLine(lineId, sku, requested, available));
const released = (lineId: string, sku: string, quantity: number) => ({
  type: StockReleased.type,
  payload: { reservationId: `saga-1:${lineId}`, sku, quantity } satisfies PayloadOf<typeof StockReleased>,
});

function advanced(reaction: SagaReaction<AllocationSagaData, unknown>) {
  if (reaction.kind !== 'advanced') throw new Error(`expected the saga to advance, it ignored: ${reaction.reason}`);
  return reaction;
}

describe('allocation saga', () => {
  it('starts with one command for the whole order, every line in it, keyed by the work order', () => {
    const started = startAllocation();
    expect(started.commands.map((command) => [command.definition.type, command.definition.version, command.key, command.payload])).toEqual([
      [
        ReserveStock.type,
        2,
        'wo-1',
        {
          workOrderId: 'wo-1',
          warehouseId: 'wh-1',
          merchantId: 'm-1',
          lines: [
            { reservationId: 'saga-1:l1', lineId: 'l1', sku: 'BOX', quantity: 5 },
            { reservationId: 'saga-1:l2', lineId: 'l2', sku: 'SOAP', quantity: 10 },
          ],
        },
      ],
    ]);
    expect(started.data.phase).toBe('reserving');
    expect(started.entered).toEqual({ step: 'reserve materials', compensation: false });
  });

  it("given the one reply that every line is reserved, ends Allocated at once with each line's bins", () => {
    const done = advanced(onAllocationReply(startAllocation().data, reservedOrder(reservedLine('l1', 'BOX', 5), reservedLine('l2', 'SOAP', 10))));
    expect(done.commands).toEqual([]);
    expect(done.data.phase).toBe('allocated');
    expect(done.outcome).toEqual({
      kind: 'allocated',
      lines: [
        expect.objectContaining({ lineId: 'l1', state: 'reserved', allocations: [{ locationCode: 'A-01', quantity: 5 }] }),
        expect.objectContaining({ lineId: 'l2', state: 'reserved', allocations: [{ locationCode: 'A-01', quantity: 10 }] }),
      ],
    });
  });

  it('given the one reply that the order was refused, ends Out of Stock at once: nothing to release, only the short lines are shortages', () => {
    // BOX alone could have been had (7 available); SOAP was short, so inventory held neither.
    const done = advanced(onAllocationReply(startAllocation().data, rejectedOrder(rejectedLine('l1', 'BOX', 5, 7), rejectedLine('l2', 'SOAP', 10, 3))));
    expect(done.commands).toEqual([]);
    expect(done.entered).toBeNull();
    expect(done.data.lines.map((line) => line.state)).toEqual(['rejected', 'rejected']);
    expect(done.outcome).toEqual({ kind: 'outOfStock', shortages: [{ sku: 'SOAP', requested: 10, available: 3 }] });
    const change = endEffect(allocationSaga, done.data, done.outcome, order);
    expect(change).toMatchObject({ event: { type: 'AllocationFailed' }, shortages: [{ sku: 'SOAP', requested: 10, available: 3 }] });
    expect(change.messages.map((message) => message.envelope.type)).toEqual([WorkOrderOutOfStock.type]);
  });

  it("ignores the order's reply when it comes again, and re-sends one command for the lines still unanswered", () => {
    const reply = reservedOrder(reservedLine('l1', 'BOX', 5), reservedLine('l2', 'SOAP', 10));
    const done = advanced(onAllocationReply(startAllocation().data, reply));
    expect(onAllocationReply(done.data, reply)).toEqual({ kind: 'ignored', reason: 'the allocation saga has ended (allocated)' });
    expect(pendingCommands(allocationSaga, startAllocation().data).map((command) => command.payload)).toEqual([
      expect.objectContaining({ lines: [expect.objectContaining({ lineId: 'l1' }), expect.objectContaining({ lineId: 'l2' })] }),
    ]);
  });

  it('puts the order in allocating when it starts, and a confirm from Draft says so to other domains', () => {
    const { data } = startAllocation();
    const fromDraft = allocationSaga.started(data, order, request);
    expect(fromDraft).toMatchObject({
      event: { type: 'AllocationStarted' },
      history: { event: 'confirmed', detail: { sagaId: 'saga-1', actor } },
      shortages: [],
    });
    expect(fromDraft.messages.map((message) => message.envelope.type)).toEqual([WorkOrderConfirmed.type]);
    const retried = allocationSaga.started(data, { ...order, status: 'OUT_OF_STOCK' }, { ...request, cause: 'allocationRetried' });
    expect(retried).toMatchObject({ history: { event: 'allocationRetried' }, messages: [] });
  });

  describe('a saga started before ReserveStock v2: one v1 reply per line, each read as a v2 reply of that line', () => {
    it('given every line reserved, ends Allocated with the location allocations', () => {
      const first = advanced(onAllocationReply(startAllocation().data, reserved('l1', 'BOX', 5)));
      expect(first.outcome).toBeNull();
      const second = advanced(onAllocationReply(first.data, reserved('l2', 'SOAP', 10)));
      expect(second.commands).toEqual([]);
      expect(second.outcome).toEqual({
        kind: 'allocated',
        lines: expect.arrayContaining([expect.objectContaining({ sku: 'SOAP', allocations: [{ locationCode: 'A-01', quantity: 10 }] })]),
      });
    });

    it('Allocated: the order holds every reservation with its bins, and WorkOrderAllocated names them', () => {
      const first = advanced(onAllocationReply(startAllocation().data, reserved('l1', 'BOX', 5)));
      const done = advanced(onAllocationReply(first.data, reserved('l2', 'SOAP', 10)));
      const change = endEffect(allocationSaga, done.data, done.outcome, order);
      expect(change).toMatchObject({ event: { type: 'AllocationSucceeded' }, history: { event: 'allocated', detail: { sagaId: 'saga-1' } }, shortages: [] });
      expect(change.reservations).toEqual({
        hold: [
          { reservationId: 'saga-1:l1', lineId: 'l1', sku: 'BOX', quantity: 5, allocations: [{ locationCode: 'A-01', quantity: 5 }] },
          { reservationId: 'saga-1:l2', lineId: 'l2', sku: 'SOAP', quantity: 10, allocations: [{ locationCode: 'A-01', quantity: 10 }] },
        ],
      });
      expect(change.messages.map((message) => [message.envelope.type, message.envelope.correlationId, message.envelope.key])).toEqual([
        [WorkOrderAllocated.type, 'saga-1', 'wo-1'],
      ]);
      expect(change.messages[0]!.envelope.payload).toMatchObject({
        actor,
        materials: [
          { lineId: 'l1', sku: 'BOX' },
          { lineId: 'l2', sku: 'SOAP' },
        ],
      });
    });

    it('keeps the lots inventory reserved: the held reservations, WorkOrderAllocated (what picking fetches) and the stored saga name them', () => {
      // BOX is lot-tracked: inventory took 3 of lot L-1 and 2 of lot L-2 at one bin; SOAP has no lots.
      const boxLots = [
        { locationCode: 'A-01', quantity: 3, lot: 'L-1', expiresOn: '2027-03-01' },
        { locationCode: 'A-01', quantity: 2, lot: 'L-2' },
      ];
      const boxReserved = reservedOrder({ ...reservedLine('l1', 'BOX', 5), allocations: boxLots });
      const first = advanced(onAllocationReply(startAllocation().data, boxReserved));
      expect(allocationSaga.data.parse(JSON.parse(JSON.stringify(first.data)))).toEqual(first.data);
      const done = advanced(onAllocationReply(first.data, reserved('l2', 'SOAP', 10)));
      const change = endEffect(allocationSaga, done.data, done.outcome, order);
      expect(change.reservations).toEqual({
        hold: [
          { reservationId: 'saga-1:l1', lineId: 'l1', sku: 'BOX', quantity: 5, allocations: boxLots },
          { reservationId: 'saga-1:l2', lineId: 'l2', sku: 'SOAP', quantity: 10, allocations: [{ locationCode: 'A-01', quantity: 10 }] },
        ],
      });
      const allocated = change.messages[0]!.envelope.payload as PayloadOf<typeof WorkOrderAllocated>;
      expect(allocated.materials.map((material) => [material.sku, material.allocations])).toEqual([
        ['BOX', boxLots],
        ['SOAP', [{ locationCode: 'A-01', quantity: 10 }]],
      ]);
      expect(WorkOrderAllocated.schema.parse(allocated)).toEqual(allocated);
    });

    it('given one line short, releases the reserved lines before declaring Out of Stock', () => {
      const afterReserve = advanced(onAllocationReply(startAllocation().data, reserved('l1', 'BOX', 5)));
      const afterReject = advanced(onAllocationReply(afterReserve.data, rejected('l2', 'SOAP', 10, 3)));
      expect(afterReject.outcome).toBeNull();
      expect(afterReject.data.phase).toBe('compensating');
      expect(afterReject.entered).toEqual({ step: 'reserve materials', compensation: true });
      expect(afterReject.commands.map((command) => [command.definition.type, command.payload])).toEqual([
        [ReleaseStock.type, { reservationId: 'saga-1:l1', warehouseId: 'wh-1', sku: 'BOX' }],
      ]);
      const done = advanced(onAllocationReply(afterReject.data, released('l1', 'BOX', 5)));
      expect(done.outcome).toEqual({ kind: 'outOfStock', shortages: [{ sku: 'SOAP', requested: 10, available: 3 }] });
    });

    it('Out of Stock: the order records the shortages, holds nothing, and WorkOrderOutOfStock says what was short', () => {
      const afterReject = advanced(onAllocationReply(startAllocation().data, rejected('l2', 'SOAP', 10, 3)));
      const compensating = advanced(onAllocationReply(afterReject.data, reserved('l1', 'BOX', 5)));
      const done = advanced(onAllocationReply(compensating.data, released('l1', 'BOX', 5)));
      expect(done.data.lines.map((line) => line.state)).toEqual(['released', 'rejected']);
      const change = endEffect(allocationSaga, done.data, done.outcome, order);
      const shortages = [{ sku: 'SOAP', requested: 10, available: 3 }];
      expect(change).toMatchObject({
        event: { type: 'AllocationFailed' },
        history: { event: 'outOfStock', detail: { sagaId: 'saga-1', shortages } },
        shortages,
      });
      expect(change.reservations).toBeUndefined();
      expect(change.messages.map((message) => message.envelope.type)).toEqual([WorkOrderOutOfStock.type]);
    });

    it('given a rejection before the other reply, waits for every answer before compensating', () => {
      const afterReject = advanced(onAllocationReply(startAllocation().data, rejected('l2', 'SOAP', 10, 0)));
      expect(afterReject.commands).toEqual([]);
      const afterReserve = advanced(onAllocationReply(afterReject.data, reserved('l1', 'BOX', 5)));
      expect(afterReserve.commands.map((command) => command.definition.type)).toEqual([ReleaseStock.type]);
    });

    it('given every line short, ends Out of Stock without any release', () => {
      const first = advanced(onAllocationReply(startAllocation().data, rejected('l1', 'BOX', 5, 1)));
      const second = advanced(onAllocationReply(first.data, rejected('l2', 'SOAP', 10, 2)));
      expect(second.commands).toEqual([]);
      expect(second.entered).toBeNull();
      expect(second.outcome).toEqual({
        kind: 'outOfStock',
        shortages: [
          { sku: 'BOX', requested: 5, available: 1 },
          { sku: 'SOAP', requested: 10, available: 2 },
        ],
      });
    });

    it('ignores a duplicate reply explicitly', () => {
      const first = advanced(onAllocationReply(startAllocation().data, reserved('l1', 'BOX', 5)));
      expect(onAllocationReply(first.data, reserved('l1', 'BOX', 5))).toEqual({ kind: 'ignored', reason: 'line l1 already reserved' });
    });

    it('ignores a reply for a reservation it does not know', () => {
      const reply = reservedOrder({ ...reservedLine('l9', 'X', 1), reservationId: 'other:l9' });
      expect(onAllocationReply(startAllocation().data, reply).kind).toBe('ignored');
    });

    it('ignores a release while reserving, and a reservation answer while compensating', () => {
      expect(onAllocationReply(startAllocation().data, released('l1', 'BOX', 5))).toEqual({
        kind: 'ignored',
        reason: 'the allocation saga does not expect inventory.StockReleased while reserving',
      });
      const afterReserve = advanced(onAllocationReply(startAllocation().data, reserved('l1', 'BOX', 5)));
      const compensating = advanced(onAllocationReply(afterReserve.data, rejected('l2', 'SOAP', 10, 3)));
      expect(onAllocationReply(compensating.data, reserved('l2', 'SOAP', 10)).kind).toBe('ignored');
      const done = advanced(onAllocationReply(compensating.data, released('l1', 'BOX', 5)));
      expect(onAllocationReply(done.data, released('l1', 'BOX', 5))).toEqual({ kind: 'ignored', reason: 'the allocation saga has ended (outOfStock)' });
    });

    it('re-sends only the commands still waiting for an answer', () => {
      const first = advanced(onAllocationReply(startAllocation().data, reserved('l1', 'BOX', 5)));
      expect(pendingCommands(allocationSaga, first.data).map((command) => command.payload)).toEqual([
        expect.objectContaining({ lines: [expect.objectContaining({ reservationId: 'saga-1:l2' })] }),
      ]);
    });

    it('re-sends the releases still unanswered while compensating, and nothing once ended', () => {
      const first = advanced(onAllocationReply(startAllocation().data, reserved('l1', 'BOX', 5)));
      const compensating = advanced(onAllocationReply(first.data, rejected('l2', 'SOAP', 10, 3)));
      expect(pendingCommands(allocationSaga, compensating.data).map((command) => [command.definition.type, command.key])).toEqual([
        [ReleaseStock.type, 'wh-1:BOX'],
      ]);
      const done = advanced(onAllocationReply(compensating.data, released('l1', 'BOX', 5)));
      expect(pendingCommands(allocationSaga, done.data)).toEqual([]);
    });
  });

  it('reads back its stored JSON, including sagas stored before the actor was kept', () => {
    const { data } = startAllocation();
    expect(allocationSaga.data.parse(JSON.parse(JSON.stringify(data)))).toEqual(data);
    const { actor: _actor, ...older } = data;
    expect(allocationSaga.data.parse(older)).toEqual(older);
    expect(() => allocationSaga.data.parse({ ...data, phase: 'dancing' })).toThrow();
  });
});
