import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Lifecycle } from './support/lifecycle';

/**
 * The seed's whole story through the gateway and real Kafka: gift sets from a BOM, confirm, a
 * picking list, picking, complete, the inbound order with the outputs, receiving and putaway; the
 * finished goods appear where they were put away, the materials went down by exactly what was
 * consumed, and the ledger explains every change of onHand.
 */
describe('a gift-set work order from BOM to shelf', () => {
  const api = ApiClient.signedIn('admin');

  it('goes Draft, Allocated, Processing, Completed, and its finished goods reach inventory', async () => {
    const warehouse = await WarehouseFixture.create(api, { skus: ['BOX', 'SOAP', 'CANDLE', 'GIFT-SET'], locations: ['A-01', 'A-02', 'B-01', 'FG-01'] });
    const flow = new Lifecycle(api, warehouse);
    await warehouse.stock([
      { sku: 'BOX', locationCode: 'A-01', quantity: 3 },
      { sku: 'BOX', locationCode: 'A-02', quantity: 7 },
      { sku: 'SOAP', locationCode: 'B-01', quantity: 20 },
      { sku: 'CANDLE', locationCode: 'A-02', quantity: 6 },
    ]);
    const bom = await api.post('/boms', {
      merchantId: warehouse.merchantId,
      name: 'Gift set',
      outputs: [{ sku: 'GIFT-SET', quantity: 1 }],
      materials: [
        { sku: 'BOX', quantity: 1 },
        { sku: 'SOAP', quantity: 2 },
        { sku: 'CANDLE', quantity: 1 },
      ],
    });
    const order = await warehouse.workOrder({ bom: { bomId: bom.body.id, sets: 5 } });
    await api.post(`/work-orders/${order.id}/confirm`);
    expect((await warehouse.settled(order.id)).status).toBe('ALLOCATED');

    // Create Picking List on the order: it becomes Processing once picking made the list.
    const requested = await api.post(`/work-orders/${order.id}/picking-lists`);
    expect(requested.status).toBe(202);
    const processing = await flow.orderIn(order.id, 'PROCESSING');
    expect(processing.pickingLists).toEqual([expect.objectContaining({ status: 'CREATED' })]);
    const list = await flow.listOf(order.id);
    expect(list.lines.map((line: any) => [line.locationCode, line.sku, line.quantity])).toEqual([
      ['A-01', 'BOX', 3],
      ['A-02', 'BOX', 2],
      ['A-02', 'CANDLE', 5],
      ['B-01', 'SOAP', 10],
    ]);
    expect(list.lines.every((line: any) => line.workOrderId === order.id && line.lineId)).toBe(true);

    // Complete is refused until picking is done.
    expect((await api.post(`/work-orders/${order.id}/complete`)).status).toBe(409);
    await flow.pick(list.id);
    const completable = await flow.completable(order.id);
    expect(completable.pickingLists).toEqual([expect.objectContaining({ status: 'DONE', picker: 'Pat' })]);

    const completing = await api.post(`/work-orders/${order.id}/complete`);
    expect(completing.status).toBe(202);
    expect(completing.body.pendingAction).toBe('completing');
    const completed = await warehouse.settled(order.id);
    expect(completed.status).toBe('COMPLETED');
    expect(completed.allowedActions).toEqual([]);
    expect(completed.inboundOrder).toEqual(expect.objectContaining({ id: expect.any(String) }));

    // Materials left the shelves exactly once, from the bins they were held in.
    expect(await warehouse.inventoryOf('BOX')).toMatchObject({
      onHand: 5,
      reserved: 0,
      locations: [expect.objectContaining({ locationCode: 'A-01', onHand: 0 }), expect.objectContaining({ locationCode: 'A-02', onHand: 5 })],
    });
    expect(await warehouse.inventoryOf('SOAP')).toMatchObject({ onHand: 10, reserved: 0 });
    expect(await warehouse.inventoryOf('CANDLE')).toMatchObject({ onHand: 1, reserved: 0 });

    // One finished-goods inbound order with the outputs.
    const inbound = (await api.get(`/inbound-orders?workOrderId=${order.id}`)).body;
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({ id: completed.inboundOrder.id, status: 'PENDING', lines: [{ sku: 'GIFT-SET', expected: 5, received: 0, putAway: 0 }] });
    const inboundId = inbound[0].id;

    // Receive partially, refuse an over-receipt, receive the rest, put away.
    expect((await api.post(`/inbound-orders/${inboundId}/receive`, { lines: [{ sku: 'GIFT-SET', quantity: 3 }] })).body.status).toBe('RECEIVING');
    const over = await api.post(`/inbound-orders/${inboundId}/receive`, { lines: [{ sku: 'GIFT-SET', quantity: 3 }] });
    expect(over.status).toBe(400);
    expect(over.body.errors).toEqual([{ field: 'lines[0].quantity', message: expect.stringContaining('over-receipt') }]);
    expect((await api.post(`/inbound-orders/${inboundId}/receive`, { lines: [{ sku: 'GIFT-SET', quantity: 2 }] })).body.status).toBe('RECEIVED');
    const badLocation = await api.post(`/inbound-orders/${inboundId}/putaway`, { lines: [{ sku: 'GIFT-SET', quantity: 5, locationCode: 'NOWHERE' }] });
    expect(badLocation.status).toBe(400);
    expect(badLocation.body.errors[0].field).toBe('lines[0].locationCode');
    const putAway = await api.post(`/inbound-orders/${inboundId}/putaway`, { lines: [{ sku: 'GIFT-SET', quantity: 5, locationCode: 'FG-01' }] });
    expect(putAway.status).toBe(200);
    expect(putAway.body.status).toBe('PUT_AWAY');

    // The finished goods show up at the put-away location, and the order shows the inbound progress.
    const giftSets = await eventually(
      () => warehouse.inventoryOf('GIFT-SET'),
      (stock) => stock.onHand === 5,
      { what: 'the finished goods in inventory' },
    );
    expect(giftSets.locations).toEqual([expect.objectContaining({ locationCode: 'FG-01', onHand: 5, reserved: 0 })]);
    await flow.orderIn(order.id, 'COMPLETED', (detail) => detail.inboundOrder?.status === 'PUT_AWAY');

    // The ledger explains every change of onHand.
    for (const sku of ['BOX', 'SOAP', 'CANDLE', 'GIFT-SET']) {
      const movements = (await api.get(`/inventory/movements?warehouseId=${warehouse.warehouseId}&merchantId=${warehouse.merchantId}&sku=${sku}`)).body;
      const sum = movements.reduce((total: number, movement: { quantity: number }) => total + movement.quantity, 0);
      expect(sum).toBe((await warehouse.inventoryOf(sku)).onHand);
    }
    const boxMoves = (await api.get(`/inventory/movements?warehouseId=${warehouse.warehouseId}&sku=BOX`)).body;
    expect(
      boxMoves
        .filter((movement: any) => movement.kind === 'CONSUMPTION')
        .map((movement: any) => [movement.locationCode, movement.quantity, movement.reference]),
    ).toEqual([
      ['A-01', -3, order.id],
      ['A-02', -2, order.id],
    ]);
  });
});
