import { ReserveStock, stockKey } from '@wo/contracts/inventory';
import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Kafka, logLevel, type Consumer, type KafkaMessage, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/**
 * A message that can never be processed goes to the dead-letter topic with the reason and its
 * original bytes, and the good messages behind it on the same partition are still processed.
 */
describe('poison messages', () => {
  const api = ApiClient.signedIn('admin');
  const prefix = process.env['E2E_TOPIC_PREFIX']!;
  const kafka = new Kafka({ clientId: 'e2e-poison', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING });
  let producer: Producer;
  let consumer: Consumer;
  const deadLetters: KafkaMessage[] = [];

  beforeAll(async () => {
    producer = kafka.producer();
    await producer.connect();
    consumer = kafka.consumer({ groupId: `${prefix}e2e-dead-letter-reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}inventory.stock-commands.dead-letter`, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void deadLetters.push(message) });
  });

  afterAll(async () => {
    await consumer.disconnect();
    await producer.disconnect();
  });

  it('dead-letters unparseable, unknown and invalid messages and keeps the partition moving', async () => {
    const warehouse = await WarehouseFixture.create(api, { skus: ['NUT'] });
    await warehouse.stock([{ sku: 'NUT', locationCode: 'A-01', quantity: 5 }]);
    const key = stockKey(warehouse.warehouseId, 'NUT');
    const good = ReserveStock.create(
      {
        workOrderId: `wo-${randomUUID()}`,
        warehouseId: warehouse.warehouseId,
        merchantId: warehouse.merchantId,
        lines: [{ reservationId: `r-${randomUUID()}`, lineId: 'l1', sku: 'NUT', quantity: 2 }],
      },
      { correlationId: `saga-${randomUUID()}`, key },
    );
    const unknownType = { ...good, id: randomUUID(), type: 'inventory.TeleportStock' };
    const invalidPayload = { ...good, id: randomUUID(), payload: { ...good.payload, lines: [{ ...good.payload.lines[0]!, quantity: -1 }] } };
    await producer.send({
      topic: `${prefix}${ReserveStock.topic}`,
      messages: [
        { key, value: '{"this is": not json' },
        { key, value: JSON.stringify(unknownType) },
        { key, value: JSON.stringify(invalidPayload) },
        { key, value: JSON.stringify(good) },
      ],
    });

    await eventually(
      () => warehouse.inventoryOf('NUT'),
      (stock) => stock.reserved === 2,
      { what: 'the good message behind the poison ones' },
    );
    const mine = await eventually(
      async () => deadLetters.filter((message) => message.key?.toString() === key),
      (messages) => messages.length === 3,
      { what: 'three dead letters' },
    );
    expect(mine.map((message) => message.headers?.['dead-letter-reason']?.toString())).toEqual(['unparseable', 'unknown-type', 'invalid-payload']);
    expect(mine[0]!.value?.toString()).toBe('{"this is": not json');
    expect(mine[2]!.headers?.['dead-letter-source']?.toString()).toMatch(/inventory\.stock-commands\/\d+\/\d+$/);
    // The count is visible to dashboards on the service itself.
    const inventoryUrl = process.env['GATEWAY_URL']!.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 1}`);
    const counters = (await (await fetch(`${inventoryUrl}/health/messaging`)).json()) as { deadLettered: number };
    expect(counters.deadLettered).toBeGreaterThanOrEqual(3);
  });
});
