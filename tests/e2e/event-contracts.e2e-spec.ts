import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startStoryConsumer } from '@wo/examples/work-order-story-consumer';

/**
 * The public work-order events as another domain sees them on the real topic: the envelope in the
 * value, and the CloudEvents 1.0 attributes in Kafka binary mode beside today's headers.
 */
describe('public work-order events on the wire', () => {
  const api = ApiClient.signedIn('admin');
  const prefix = process.env['E2E_TOPIC_PREFIX']!;
  const kafka = new Kafka({ clientId: 'e2e-event-contracts', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING });
  const received: KafkaMessage[] = [];
  let consumer: Consumer;
  let warehouse: WarehouseFixture;

  beforeAll(async () => {
    consumer = kafka.consumer({ groupId: `${prefix}e2e-event-contracts-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}work-orders.events`, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });
    warehouse = await WarehouseFixture.create(api, { skus: ['CE-BOX', 'CE-SET'] });
    await warehouse.stock([{ sku: 'CE-BOX', locationCode: 'A-01', quantity: 10 }]);
  });

  afterAll(async () => {
    await consumer.disconnect();
  });

  const eventsOf = (workOrderId: string, count: number) =>
    eventually(
      async () => received.filter((message) => message.key?.toString() === workOrderId),
      (messages) => messages.length >= count,
      { what: `${count} events of ${workOrderId}` },
    );

  it('carry ce_* headers in binary mode next to the envelope and the routing headers', async () => {
    const order = await warehouse.workOrder({ outputs: [{ sku: 'CE-SET', quantity: 1 }], materials: [{ sku: 'CE-BOX', quantity: 2 }] });
    const [created] = await eventsOf(order.id, 1);
    const headers = Object.fromEntries(Object.entries(created!.headers ?? {}).map(([name, value]) => [name, value?.toString()]));
    const envelope = JSON.parse(created!.value!.toString());
    expect(envelope).toMatchObject({ type: 'work-orders.WorkOrderCreated', version: 1, key: order.id, payload: { workOrderId: order.id } });
    expect(headers).toEqual({
      'message-id': envelope.id,
      'message-type': 'work-orders.WorkOrderCreated',
      ce_specversion: '1.0',
      ce_id: envelope.id,
      ce_source: '/work-orders-platform/work-orders',
      ce_type: 'work-orders.WorkOrderCreated',
      ce_time: envelope.occurredAt,
      ce_subject: order.id,
      ce_dataschema: 'urn:work-orders-platform:schema:work-orders.WorkOrderCreated:v1',
      'content-type': 'application/json',
    });
  });

  it("tell each order's story to a consumer written from docs/asyncapi.yaml and docs/schemas alone, once per message", async () => {
    const printed: string[] = [];
    const stories = await startStoryConsumer({
      brokers: process.env['KAFKA_BROKERS_E2E']!.split(','),
      topicPrefix: prefix,
      groupId: `${prefix}e2e-story-${randomUUID()}`,
      asyncApiFile: join(__dirname, '../../docs/asyncapi.yaml'),
      print: (line) => void printed.push(line),
    });
    try {
      const order = await warehouse.workOrder({ name: 'Story', outputs: [{ sku: 'CE-SET', quantity: 1 }], materials: [{ sku: 'CE-BOX', quantity: 3 }] });
      expect((await api.post(`/work-orders/${order.id}/confirm`)).status).toBe(202);
      const events = await eventsOf(order.id, 3);
      // The same message delivered again (at least once): the story has it once.
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic: `${prefix}work-orders.events`, messages: [{ key: events[0]!.key, value: events[0]!.value, headers: events[0]!.headers }] });
      await producer.disconnect();
      await eventsOf(order.id, 4);

      const story = await eventually(
        async () => printed.filter((line) => line.includes(` ${order.number} `)),
        (lines) => lines.length >= 3,
        { what: 'the story of the order' },
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(printed.filter((line) => line.includes(` ${order.number} `))).toEqual([
        expect.stringMatching(/ created "Story": makes 1 x CE-SET from 3 x CE-BOX$/),
        expect.stringMatching(/ confirmed; allocating$/),
        expect.stringMatching(/ allocated: CE-BOX at A-01 \(3\)$/),
      ]);
      expect(story.every((line) => !line.startsWith('!'))).toBe(true);
      expect(printed.filter((line) => line.startsWith('!'))).toEqual([]);
    } finally {
      await stories.stop();
    }
  });
});
