import { InboundOrderProgressed, InboundTopics } from '@wo/contracts/inbound';
import { PickingListCompleted, PickingListStarted, PickingTopics } from '@wo/contracts/picking';
import { WorkOrderAllocated, WorkOrderConfirmed, WorkOrderCreated, WorkOrderTopics } from '@wo/contracts/work-orders';
import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/** Who did each action: in the work order's history and in the public events it causes. */
describe('the actor of each action', () => {
  const admin = ApiClient.signedIn('admin');
  const planner = ApiClient.signedIn('planner');
  const pia = { subject: expect.any(String), name: 'Pia Planner' };

  it('a confirm by the planner names the planner in the history and in the Created, Confirmed and Allocated events', async () => {
    const warehouse = await WarehouseFixture.create(admin, { skus: ['ACT-KIT', 'ACT-PART'] });
    await warehouse.stock([{ sku: 'ACT-PART', locationCode: 'A-01', quantity: 5 }]);
    const created = await planner.post('/work-orders', {
      merchantId: warehouse.merchantId,
      warehouseId: warehouse.warehouseId,
      name: 'Acted on',
      outputs: [{ sku: 'ACT-KIT', quantity: 1 }],
      materials: [{ sku: 'ACT-PART', quantity: 2 }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await planner.post(`/work-orders/${id}/confirm`)).status).toBe(202);
    const order = await eventually(
      () => admin.get(`/work-orders/${id}`),
      (response) => response.body.status === 'ALLOCATED',
      { what: 'the order to be allocated' },
    );

    const history = order.body.history as { event: string; detail: Record<string, unknown> }[];
    expect(history.find((entry) => entry.event === 'created')?.detail['actor']).toEqual(pia);
    expect(history.find((entry) => entry.event === 'confirmed')?.detail['actor']).toEqual(pia);
    // The saga's own step says no actor of its own in the history; its event carries who confirmed.
    expect(history.find((entry) => entry.event === 'allocated')?.detail['actor']).toBeUndefined();

    const events = await eventsOf(id, 3);
    expect(events.get(WorkOrderCreated.type)?.['actor']).toEqual(pia);
    expect(events.get(WorkOrderConfirmed.type)?.['actor']).toEqual(pia);
    expect(events.get(WorkOrderAllocated.type)?.['actor']).toEqual(pia);
  });

  it('picking by the picker and receiving by the receiver name them in the order’s history and in picking and inbound events', async () => {
    const picker = ApiClient.signedIn('picker');
    const receiver = ApiClient.signedIn('receiver');
    const pat = { subject: expect.any(String), name: 'Pat Picker' };
    const rae = { subject: expect.any(String), name: 'Rae Receiver' };
    const warehouse = await WarehouseFixture.create(admin, { skus: ['ACT2-KIT', 'ACT2-PART'], locations: ['A-01', 'FG-01'] });
    await warehouse.stock([{ sku: 'ACT2-PART', locationCode: 'A-01', quantity: 5 }]);
    const created = await planner.post('/work-orders', {
      merchantId: warehouse.merchantId,
      warehouseId: warehouse.warehouseId,
      name: 'Picked and received',
      outputs: [{ sku: 'ACT2-KIT', quantity: 1 }],
      materials: [{ sku: 'ACT2-PART', quantity: 2 }],
    });
    const id = created.body.id as string;
    expect((await planner.post(`/work-orders/${id}/confirm`)).status).toBe(202);
    await warehouse.settled(id);
    expect((await picker.post(`/work-orders/${id}/picking-lists`)).status).toBe(202);
    const list = (
      await eventually(
        () => picker.get(`/picking-lists?workOrderId=${id}`),
        (response) => Array.isArray(response.body) && response.body.length > 0,
        { what: 'the picking list' },
      )
    ).body[0];
    expect((await picker.post(`/picking-lists/${list.id}/start`, { picker: 'Pat' })).status).toBe(200);
    expect((await picker.post(`/picking-lists/${list.id}/complete`)).status).toBe(200);
    await eventually(
      () => admin.get(`/work-orders/${id}`),
      (response) => response.body.allowedActions?.includes('complete'),
      { what: 'the order to be completable' },
    );
    expect((await planner.post(`/work-orders/${id}/complete`)).status).toBe(202);
    const completed = await eventually(
      () => admin.get(`/work-orders/${id}`),
      (response) => response.body.status === 'COMPLETED' && response.body.inboundOrder?.id,
      { what: 'the order to be completed, with its inbound order' },
    );
    const inboundOrderId = completed.body.inboundOrder.id as string;
    expect((await receiver.post(`/inbound-orders/${inboundOrderId}/receive`, { lines: [{ sku: 'ACT2-KIT', quantity: 1 }] })).status).toBe(200);
    expect(
      (await receiver.post(`/inbound-orders/${inboundOrderId}/putaway`, { lines: [{ sku: 'ACT2-KIT', quantity: 1, locationCode: 'FG-01' }] })).status,
    ).toBe(200);
    const order = await eventually(
      () => admin.get(`/work-orders/${id}`),
      (response) => response.body.history.some((entry: { event: string }) => entry.event === 'inboundPutAway'),
      { what: 'the putaway in the order history' },
    );
    const history = order.body.history as { event: string; detail: Record<string, unknown> }[];
    const actorOf = (event: string) => history.find((entry) => entry.event === event)?.detail['actor'];
    expect(actorOf('pickingListRequested')).toEqual(pat);
    expect(actorOf('processing')).toEqual(pat);
    expect(actorOf('pickingStarted')).toEqual(pat);
    expect(actorOf('pickingDone')).toEqual(pat);
    expect(actorOf('inboundReceived')).toEqual(rae);
    expect(actorOf('inboundPutAway')).toEqual(rae);
    // The events name them too, for the teams that consume them.
    const picking = await payloadsOn(PickingTopics.events, (payload) => (payload['workOrderIds'] as string[] | undefined)?.includes(id) ?? false, 3);
    expect(picking.get(PickingListStarted.type)?.['actor']).toEqual(pat);
    expect(picking.get(PickingListCompleted.type)?.['actor']).toEqual(pat);
    const inbound = await payloadsOn(InboundTopics.events, (payload) => payload['inboundOrderId'] === inboundOrderId && payload['status'] === 'PUT_AWAY', 1);
    expect(inbound.get(InboundOrderProgressed.type)?.['actor']).toEqual(rae);
  });
});

/** The public events of one work order read back from its topic: payload by type. */
function eventsOf(workOrderId: string, count: number): Promise<Map<string, Record<string, unknown>>> {
  return payloadsOn(WorkOrderTopics.events, (payload) => payload['workOrderId'] === workOrderId, count);
}

/** The payloads of a topic's messages that match, by type (the last of each type), once `count` types are found. */
async function payloadsOn(topic: string, matches: (payload: Record<string, unknown>) => boolean, count: number): Promise<Map<string, Record<string, unknown>>> {
  const prefix = process.env['E2E_TOPIC_PREFIX']!;
  const kafka = new Kafka({ clientId: 'e2e-actor', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `${prefix}e2e-actor-${randomUUID()}` });
  const found = new Map<string, Record<string, unknown>>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: `${prefix}${topic}`, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value!.toString()) as { type: string; payload: Record<string, unknown> };
        if (matches(envelope.payload)) found.set(envelope.type, envelope.payload);
      },
    });
    await eventually(
      async () => found.size,
      (size) => size >= count,
      { what: `${count} kinds of matching events on ${topic}` },
    );
  } finally {
    await consumer.disconnect();
  }
  return found;
}
