import { ApiClient, WarehouseFixture } from '@wo/testing';

/**
 * The seed's allocation story, through the gateway and real Kafka: a gift set from a BOM times 5
 * is confirmed and holds exactly its materials; an order short of one material holds nothing and
 * lists its shortage; a restock and Retry Allocation allocate it; cancel gives the stock back.
 */
describe('allocating gift sets from a BOM', () => {
  const api = ApiClient.signedIn('admin');
  let warehouse: WarehouseFixture;
  let bomId: string;

  beforeAll(async () => {
    warehouse = await WarehouseFixture.create(api, { skus: ['GIFT-BOX', 'SOAP', 'CANDLE', 'RIBBON', 'GIFT-SET'] });
    await warehouse.stock([
      { sku: 'GIFT-BOX', locationCode: 'A-01', quantity: 3 },
      { sku: 'GIFT-BOX', locationCode: 'A-02', quantity: 10 },
      { sku: 'SOAP', locationCode: 'B-01', quantity: 12 },
      { sku: 'CANDLE', locationCode: 'A-01', quantity: 5 },
      { sku: 'RIBBON', locationCode: 'B-01', quantity: 4 },
    ]);
    const bom = await api.post('/boms', {
      merchantId: warehouse.merchantId,
      name: 'Spa gift set',
      outputs: [{ sku: 'GIFT-SET', quantity: 1 }],
      materials: [
        { sku: 'GIFT-BOX', quantity: 1 },
        { sku: 'SOAP', quantity: 2 },
        { sku: 'CANDLE', quantity: 1 },
      ],
    });
    expect(bom.status).toBe(201);
    bomId = bom.body.id;
  });

  it('confirms 5 sets into Allocated, holding exactly the materials, at location level', async () => {
    const order = await warehouse.workOrder({ bom: { bomId, sets: 5 } });
    expect(order.status).toBe('DRAFT');
    expect(order.materials.map((line: { sku: string; quantity: number }) => [line.sku, line.quantity])).toEqual([
      ['GIFT-BOX', 5],
      ['SOAP', 10],
      ['CANDLE', 5],
    ]);
    expect(order.outputs).toEqual([expect.objectContaining({ sku: 'GIFT-SET', quantity: 5 })]);

    const confirmed = await api.post(`/work-orders/${order.id}/confirm`);
    expect(confirmed.status).toBe(202);
    expect(confirmed.body.pendingAction).toBe('allocating');

    const allocated = await warehouse.settled(order.id);
    expect(allocated.status).toBe('ALLOCATED');
    expect(allocated.shortages).toEqual([]);
    const box = allocated.reservations.find((reservation: { sku: string }) => reservation.sku === 'GIFT-BOX');
    expect(box.allocations).toEqual([
      { locationCode: 'A-01', quantity: 3 },
      { locationCode: 'A-02', quantity: 2 },
    ]);
    expect(allocated.history.map((entry: { event: string }) => entry.event)).toEqual(['created', 'confirmed', 'allocated']);

    expect(await warehouse.inventoryOf('GIFT-BOX')).toMatchObject({ onHand: 13, reserved: 5, available: 8 });
    expect(await warehouse.inventoryOf('SOAP')).toMatchObject({ onHand: 12, reserved: 10, available: 2 });
    expect(await warehouse.inventoryOf('CANDLE')).toMatchObject({ onHand: 5, reserved: 5, available: 0 });
  });

  it('marks an order short of one material Out of Stock, lists the shortage and holds nothing', async () => {
    // Auto-retry off: this is the operator's Retry Allocation (the automatic one: reallocation-queue.e2e-spec.ts).
    const order = await warehouse.workOrder({
      autoRetry: false,
      outputs: [{ sku: 'GIFT-SET', quantity: 2 }],
      materials: [
        { sku: 'GIFT-BOX', quantity: 2 },
        { sku: 'RIBBON', quantity: 2 },
        { sku: 'CANDLE', quantity: 2 },
      ],
    });
    await api.post(`/work-orders/${order.id}/confirm`);
    const short = await warehouse.settled(order.id);
    expect(short.status).toBe('OUT_OF_STOCK');
    expect(short.shortages).toEqual([{ sku: 'CANDLE', requested: 2, available: 0 }]);
    expect(short.reservations).toEqual([]);
    // The box and ribbon lines were reserved, then released by the compensation.
    expect(await warehouse.inventoryOf('GIFT-BOX')).toMatchObject({ reserved: 5 });
    expect(await warehouse.inventoryOf('RIBBON')).toMatchObject({ reserved: 0, available: 4 });
    const held = await api.get(`/inventory/reservations?workOrderId=${order.id}&status=RESERVED`);
    expect(held.body).toEqual([]);

    // After a restock, Retry Allocation makes it Allocated.
    await warehouse.stock([{ sku: 'CANDLE', locationCode: 'A-02', quantity: 2 }]);
    const retried = await api.post(`/work-orders/${order.id}/retry-allocation`);
    expect(retried.status).toBe(202);
    const allocated = await warehouse.settled(order.id);
    expect(allocated.status).toBe('ALLOCATED');
    expect(allocated.shortages).toEqual([]);
    expect(await warehouse.inventoryOf('CANDLE')).toMatchObject({ onHand: 7, reserved: 7, available: 0 });

    // Canceling an Allocated order gives the stock back.
    const canceled = await api.post(`/work-orders/${order.id}/cancel`);
    expect(canceled.status).toBe(202);
    expect(canceled.body.pendingAction).toBe('releasing');
    const done = await warehouse.settled(order.id);
    expect(done.status).toBe('CANCELED');
    expect(done.reservations).toEqual([]);
    expect(await warehouse.inventoryOf('CANDLE')).toMatchObject({ onHand: 7, reserved: 5, available: 2 });
    expect(await warehouse.inventoryOf('RIBBON')).toMatchObject({ reserved: 0 });
  });

  it('re-allocates an Out of Stock order by itself when it is edited', async () => {
    const order = await warehouse.workOrder({ outputs: [{ sku: 'GIFT-SET', quantity: 1 }], materials: [{ sku: 'RIBBON', quantity: 50 }] });
    await api.post(`/work-orders/${order.id}/confirm`);
    expect((await warehouse.settled(order.id)).status).toBe('OUT_OF_STOCK');

    const edited = await api.patch(`/work-orders/${order.id}`, { materials: [{ sku: 'RIBBON', quantity: 1 }] });
    expect(edited.status).toBe(200);
    expect(edited.body.pendingAction).toBe('allocating');
    const allocated = await warehouse.settled(order.id);
    expect(allocated.status).toBe('ALLOCATED');
    expect(allocated.reservations).toEqual([expect.objectContaining({ sku: 'RIBBON', quantity: 1 })]);
  });

  it('never lets onHand be corrected below what is reserved', async () => {
    const response = await api.post('/inventory/adjustments', {
      warehouseId: warehouse.warehouseId,
      merchantId: warehouse.merchantId,
      sku: 'CANDLE',
      locationCode: 'A-01',
      quantity: -5,
      reason: 'count correction',
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ field: 'quantity' });
    expect(await warehouse.inventoryOf('CANDLE')).toMatchObject({ onHand: 7 });
  });
});
