import { FinishedGoodsInboundCreated, CreateFinishedGoodsInbound } from '@wo/contracts/inbound';
import { ConsumeReservation, stockKey } from '@wo/contracts/inventory';
import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Lifecycle } from './support/lifecycle';

describe('picking lists and completion', () => {
  const api = ApiClient.signedIn('admin');
  let warehouse: WarehouseFixture;
  let flow: Lifecycle;

  beforeAll(async () => {
    warehouse = await WarehouseFixture.create(api, { skus: ['BOX', 'SOAP', 'GIFT-SET'] });
    flow = new Lifecycle(api, warehouse);
    await warehouse.stock([
      { sku: 'BOX', locationCode: 'A-01', quantity: 50 },
      { sku: 'SOAP', locationCode: 'B-01', quantity: 50 },
    ]);
  });

  it('batches two Allocated orders into one list; finishing it makes both completable', async () => {
    const first = await flow.allocatedOrder([
      { sku: 'BOX', quantity: 2 },
      { sku: 'SOAP', quantity: 1 },
    ]);
    const second = await flow.allocatedOrder([{ sku: 'BOX', quantity: 1 }]);
    const waiting = await eventually(
      async () => (await api.get(`/picking-requests?warehouseId=${warehouse.warehouseId}`)).body,
      (requests) => [first.id, second.id].every((id) => requests.some((request: any) => request.workOrderId === id)),
      { what: 'both orders in the picking requests' },
    );
    expect(waiting.find((request: any) => request.workOrderId === first.id).materials).toHaveLength(2);

    const created = await api.post('/picking-lists', { warehouseId: warehouse.warehouseId, workOrderIds: [first.id, second.id] });
    expect(created.status).toBe(201);
    expect(created.body.lines.map((line: any) => [line.locationCode, line.sku, line.workOrderId])).toEqual([
      ['A-01', 'BOX', [first.id, second.id].sort()[0]],
      ['A-01', 'BOX', [first.id, second.id].sort()[1]],
      ['B-01', 'SOAP', first.id],
    ]);
    await flow.orderIn(first.id, 'PROCESSING');
    await flow.orderIn(second.id, 'PROCESSING');
    // The same orders cannot go on a second list.
    const again = await api.post('/picking-lists', { warehouseId: warehouse.warehouseId, workOrderIds: [second.id] });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].field).toBe('workOrderIds[0]');

    await flow.pick(created.body.id);
    await flow.completable(first.id);
    await flow.completable(second.id);
    for (const order of [first, second]) {
      expect((await api.post(`/work-orders/${order.id}/complete`)).status).toBe(202);
      expect((await warehouse.settled(order.id)).status).toBe('COMPLETED');
    }
    const lists = (await api.get(`/picking-lists?workOrderId=${second.id}&status=DONE`)).body;
    expect(lists.map((list: any) => list.id)).toEqual([created.body.id]);
  });

  it('makes one list when Create Picking List is requested several times at once', async () => {
    const order = await flow.allocatedOrder([{ sku: 'BOX', quantity: 1 }]);
    const responses = await Promise.all([1, 2, 3].map(() => api.post(`/work-orders/${order.id}/picking-lists`)));
    expect(responses.filter((response) => response.status === 202).length).toBeGreaterThanOrEqual(1);
    await flow.orderIn(order.id, 'PROCESSING');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const lists = (await api.get(`/picking-lists?workOrderId=${order.id}`)).body.filter((list: any) => list.status !== 'CANCELED');
    expect(lists).toHaveLength(1);
    const detail = (await api.get(`/work-orders/${order.id}`)).body;
    expect(detail.pickingLists.filter((list: any) => list.status !== 'CANCELED').map((list: any) => list.id)).toEqual([lists[0].id]);
  });

  it('refuses cancel during picking; a canceled list puts the order back to Allocated, then cancel releases', async () => {
    const order = await flow.allocatedOrder([{ sku: 'SOAP', quantity: 4 }]);
    const soapBefore = await warehouse.inventoryOf('SOAP');
    await api.post(`/work-orders/${order.id}/picking-lists`);
    await flow.orderIn(order.id, 'PROCESSING');
    const list = await flow.listOf(order.id);
    await api.post(`/picking-lists/${list.id}/start`, { picker: 'Sam' });

    const refused = await api.post(`/work-orders/${order.id}/cancel`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ workOrderStatus: 'PROCESSING', detail: expect.stringContaining('picking list must be handled first') });

    expect((await api.post(`/picking-lists/${list.id}/cancel`)).body.status).toBe('CANCELED');
    const allocated = await flow.orderIn(order.id, 'ALLOCATED');
    expect(allocated.reservations).toEqual([expect.objectContaining({ sku: 'SOAP', quantity: 4 })]);
    expect(await warehouse.inventoryOf('SOAP')).toMatchObject({ reserved: soapBefore.reserved });

    expect((await api.post(`/work-orders/${order.id}/cancel`)).status).toBe(202);
    expect((await warehouse.settled(order.id)).status).toBe('CANCELED');
    expect(await warehouse.inventoryOf('SOAP')).toMatchObject({ reserved: soapBefore.reserved - 4 });
  });

  it('deducts once and creates one inbound order when complete is requested twice or its commands are delivered twice', async () => {
    const order = await flow.allocatedOrder([{ sku: 'BOX', quantity: 3 }], [{ sku: 'GIFT-SET', quantity: 3 }]);
    await api.post(`/work-orders/${order.id}/picking-lists`);
    await flow.orderIn(order.id, 'PROCESSING');
    await flow.pick((await flow.listOf(order.id)).id);
    await flow.completable(order.id);
    const boxBefore = await warehouse.inventoryOf('BOX');

    const [one, two] = await Promise.all([api.post(`/work-orders/${order.id}/complete`), api.post(`/work-orders/${order.id}/complete`)]);
    expect([one.status, two.status].sort()).toEqual([202, 409]);
    const completed = await warehouse.settled(order.id);
    expect(completed.status).toBe('COMPLETED');

    // Deliver the completion's commands again, as a redelivery or a deadline re-send would.
    const kafka = new Kafka({ clientId: 'e2e-completion-duplicates', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const prefix = process.env['E2E_TOPIC_PREFIX']!;
    const sagaId = `saga-${randomUUID()}`;
    const consume = ConsumeReservation.create(
      {
        reservationId: completed.reservations[0]?.reservationId ?? order.reservations[0].reservationId,
        workOrderId: order.id,
        warehouseId: warehouse.warehouseId,
        sku: 'BOX',
      },
      { correlationId: sagaId, key: stockKey(warehouse.warehouseId, 'BOX') },
    );
    const inbound = CreateFinishedGoodsInbound.create(
      {
        workOrderId: order.id,
        workOrderNumber: order.number,
        warehouseId: warehouse.warehouseId,
        merchantId: warehouse.merchantId,
        lines: [{ sku: 'GIFT-SET', quantity: 3 }],
      },
      { correlationId: sagaId, key: order.id },
    );
    await producer.send({
      topic: `${prefix}${ConsumeReservation.topic}`,
      messages: [
        { key: consume.key, value: JSON.stringify(consume) },
        { key: consume.key, value: JSON.stringify(consume) },
      ],
    });
    await producer.send({
      topic: `${prefix}${CreateFinishedGoodsInbound.topic}`,
      messages: [
        { key: inbound.key, value: JSON.stringify(inbound) },
        { key: inbound.key, value: JSON.stringify({ ...inbound, id: randomUUID() }) },
      ],
    });
    // Inbound answers a re-sent create with the same inbound order: wait for that reply.
    const replies = kafka.consumer({ groupId: `${prefix}e2e-inbound-replies-${randomUUID()}` });
    await replies.connect();
    await replies.subscribe({ topic: `${prefix}${FinishedGoodsInboundCreated.topic}`, fromBeginning: true });
    const answers: string[] = [];
    await replies.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value!.toString());
        if (envelope.correlationId === sagaId) answers.push(envelope.payload.inboundOrderId);
      },
    });
    await eventually(
      async () => answers,
      (found) => found.length >= 1,
      { what: 'inbound to answer the duplicate create' },
    );
    await replies.disconnect();
    await producer.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(answers.every((id) => id === completed.inboundOrder.id)).toBe(true);
    expect((await api.get(`/inbound-orders?workOrderId=${order.id}`)).body).toHaveLength(1);
    const boxAfter = await warehouse.inventoryOf('BOX');
    expect(boxAfter.onHand).toBe(boxBefore.onHand - 3);
    const consumption = (await api.get(`/inventory/movements?warehouseId=${warehouse.warehouseId}&sku=BOX&reference=${order.id}`)).body;
    expect(consumption.map((movement: any) => movement.quantity)).toEqual([-3]);
  });
});
