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
});

/** The public events of one work order read back from its topic: payload by type. */
async function eventsOf(workOrderId: string, count: number): Promise<Map<string, Record<string, unknown>>> {
  const prefix = process.env['E2E_TOPIC_PREFIX']!;
  const kafka = new Kafka({ clientId: 'e2e-actor', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `${prefix}e2e-actor-${randomUUID()}` });
  const found = new Map<string, Record<string, unknown>>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: `${prefix}${WorkOrderTopics.events}`, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value!.toString()) as { type: string; payload: Record<string, unknown> };
        if (envelope.payload['workOrderId'] === workOrderId) found.set(envelope.type, envelope.payload);
      },
    });
    await eventually(
      async () => found.size,
      (size) => size >= count,
      { what: `${count} events of the order on the topic` },
    );
  } finally {
    await consumer.disconnect();
  }
  return found;
}
