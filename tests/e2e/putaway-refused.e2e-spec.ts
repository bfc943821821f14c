import { PutAwayStock, PutawayRefused, stockKey } from '@wo/contracts/inventory';
import { inboundOrderSchema, MAX_STORED_QUANTITY } from '@wo/contracts/rest';
import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Kafka, logLevel, type Consumer, type KafkaMessage, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Lifecycle } from './support/lifecycle';

/**
 * A putaway inventory cannot shelve (here: the bin would hold more than its column can) is not lost:
 * inventory changes no stock and answers PutawayRefused, inbound gives the goods back to the line
 * (the order is received again, the putaway says why), the work order's history says so, nothing is
 * dead-lettered, and the receiver puts the goods away elsewhere. A re-delivered or re-sent command
 * gets the same answer and changes nothing.
 */
describe('a putaway inventory refuses', () => {
  const api = ApiClient.signedIn('admin');
  const sre = ApiClient.signedIn('sre');
  const prefix = process.env['E2E_TOPIC_PREFIX']!;
  const kafka = new Kafka({ clientId: 'e2e-putaway-refused', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING });
  const published: KafkaMessage[] = [];
  let consumer: Consumer;
  let producer: Producer;
  let warehouse: WarehouseFixture;
  let flow: Lifecycle;
  const nearlyFull = MAX_STORED_QUANTITY - 1;

  beforeAll(async () => {
    consumer = kafka.consumer({ groupId: `${prefix}e2e-putaway-refused-${randomUUID()}` });
    producer = kafka.producer();
    await Promise.all([consumer.connect(), producer.connect()]);
    await consumer.subscribe({ topics: [`${prefix}${PutAwayStock.topic}`, `${prefix}${PutawayRefused.topic}`], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void published.push(message) });
    warehouse = await WarehouseFixture.create(api, { skus: ['PR-PART', 'PR-KIT'], locations: ['A-01', 'FG-01', 'FG-02'] });
    flow = new Lifecycle(api, warehouse);
    await warehouse.stock([
      { sku: 'PR-PART', locationCode: 'A-01', quantity: 10 },
      // FG-01 can take one more PR-KIT: a putaway of two would overflow its onHand (one adjustment moves at most 1e9).
      { sku: 'PR-KIT', locationCode: 'FG-01', quantity: 1_000_000_000 },
      { sku: 'PR-KIT', locationCode: 'FG-01', quantity: 1_000_000_000 },
      { sku: 'PR-KIT', locationCode: 'FG-01', quantity: nearlyFull - 2_000_000_000 },
    ]);
  });

  afterAll(async () => {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  });

  // By the type header the relay sets: the topic also carries other specs' poison messages (not JSON) and this spec's re-sends.
  const envelopesOf = (type: string, inboundOrderId: string) =>
    published
      .filter((message) => message.headers?.['message-type']?.toString() === type)
      .map((message) => JSON.parse(message.value!.toString()))
      .filter((envelope) => envelope.payload.inboundOrderId === inboundOrderId);
  const inboundOrder = async (id: string) => inboundOrderSchema.parse((await api.get(`/inbound-orders/${id}`)).body);
  const binsOf = async (sku: string) => Object.fromEntries((await warehouse.inventoryOf(sku)).locations.map((bin) => [bin.locationCode, bin.onHand]));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

  /** A completed work order of two PR-KIT, its finished goods received: the inbound order's id. */
  const receivedInbound = async () => {
    const order = await warehouse.workOrder({ outputs: [{ sku: 'PR-KIT', quantity: 2 }], materials: [{ sku: 'PR-PART', quantity: 2 }] });
    expect((await api.post(`/work-orders/${order.id}/confirm`)).status).toBe(202);
    expect((await warehouse.settled(order.id)).status).toBe('ALLOCATED');
    expect((await api.post(`/work-orders/${order.id}/picking-lists`)).status).toBe(202);
    await flow.orderIn(order.id, 'PROCESSING');
    await flow.pick((await flow.listOf(order.id)).id);
    await flow.completable(order.id);
    expect((await api.post(`/work-orders/${order.id}/complete`)).status).toBe(202);
    const completed = await warehouse.settled(order.id);
    expect(completed.status).toBe('COMPLETED');
    const inboundId: string = completed.inboundOrder.id;
    expect((await api.post(`/inbound-orders/${inboundId}/receive`, { lines: [{ sku: 'PR-KIT', quantity: 2 }] })).status).toBe(200);
    return { workOrderId: order.id as string, inboundId };
  };

  it('reopens the line, changes no stock, dead-letters nothing; another bin then takes the goods; duplicates change nothing', async () => {
    const { workOrderId, inboundId } = await receivedInbound();

    // Inbound cannot know what the bin holds: it takes the putaway, inventory is the one to refuse it.
    const first = await api.post(`/inbound-orders/${inboundId}/putaway`, { lines: [{ sku: 'PR-KIT', quantity: 2, locationCode: 'FG-01' }] });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('PUT_AWAY');

    const reopened = await eventually(
      () => inboundOrder(inboundId),
      (order) => order.putaways[0]?.refused !== null,
      { what: 'the refused putaway on the inbound order' },
    );
    const reason = `FG-01 holds ${nearlyFull} of PR-KIT: at most 1 more fit in one bin, not 2`;
    expect(reopened).toMatchObject({
      status: 'RECEIVED',
      lines: [{ sku: 'PR-KIT', expected: 2, received: 2, putAway: 0 }],
      putaways: [{ sku: 'PR-KIT', locationCode: 'FG-01', quantity: 2, refused: { field: 'quantity', reason } }],
    });
    expect(await binsOf('PR-KIT')).toEqual({ 'FG-01': nearlyFull });
    const [refusal] = envelopesOf(PutawayRefused.type, inboundId);
    expect(refusal.payload).toEqual({
      putawayId: expect.any(String),
      inboundOrderId: inboundId,
      sku: 'PR-KIT',
      locationCode: 'FG-01',
      quantity: 2,
      field: 'quantity',
      reason,
    });

    // The work order tells it truthfully: the inbound order is received again, and why.
    const told = await flow.orderIn(workOrderId, 'COMPLETED', (detail) => detail.history.some((entry: any) => entry.event === 'inboundPutawayRefused'));
    expect(told.inboundOrder).toMatchObject({ status: 'RECEIVED', lines: [expect.objectContaining({ putAway: 0 })] });
    expect(told.history.find((entry: any) => entry.event === 'inboundPutawayRefused').detail).toMatchObject({
      sku: 'PR-KIT',
      locationCode: 'FG-01',
      quantity: 2,
      reason,
      status: 'RECEIVED',
    });

    // The command delivered again (same message id) and re-sent (a new one, same putaway id): the same
    // answer, no stock, and inbound does not give the goods back twice.
    const [command] = envelopesOf(PutAwayStock.type, inboundId);
    const send = (envelope: object) =>
      producer.send({
        topic: `${prefix}${PutAwayStock.topic}`,
        messages: [{ key: stockKey(warehouse.warehouseId, 'PR-KIT'), value: JSON.stringify(envelope) }],
      });
    await send(command);
    await send({ ...command, id: randomUUID() });
    await eventually(
      async () => envelopesOf(PutawayRefused.type, inboundId),
      (refusals) => refusals.length === 2,
      { what: 'the same answer to the re-sent command' },
    );
    await settle();
    const refusals = envelopesOf(PutawayRefused.type, inboundId);
    expect(refusals).toHaveLength(2);
    expect(refusals[1].payload).toEqual(refusals[0].payload);
    expect(await inboundOrder(inboundId)).toMatchObject({ status: 'RECEIVED', lines: [{ received: 2, putAway: 0 }], putaways: [{ locationCode: 'FG-01' }] });
    expect(await binsOf('PR-KIT')).toEqual({ 'FG-01': nearlyFull });

    // Put away elsewhere: shelved, and the order is put away again.
    const elsewhere = await api.post(`/inbound-orders/${inboundId}/putaway`, { lines: [{ sku: 'PR-KIT', quantity: 2, locationCode: 'FG-02' }] });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.status).toBe('PUT_AWAY');
    await eventually(
      () => binsOf('PR-KIT'),
      (bins) => bins['FG-02'] === 2,
      { what: 'the goods at FG-02' },
    );
    const shelved = envelopesOf(PutAwayStock.type, inboundId).find((envelope) => envelope.payload.locationCode === 'FG-02');
    await send({ ...shelved, id: randomUUID() });
    await flow.orderIn(workOrderId, 'COMPLETED', (detail) => detail.inboundOrder?.status === 'PUT_AWAY');
    await settle();
    expect(await binsOf('PR-KIT')).toEqual({ 'FG-01': nearlyFull, 'FG-02': 2 });
    const done = await inboundOrder(inboundId);
    expect(done).toMatchObject({ status: 'PUT_AWAY', lines: [{ received: 2, putAway: 2 }] });
    expect(done.putaways.map((putaway) => [putaway.locationCode, putaway.refused?.field ?? null])).toEqual([
      ['FG-01', 'quantity'],
      ['FG-02', null],
    ]);
    expect(envelopesOf(PutawayRefused.type, inboundId)).toHaveLength(2);

    // Nothing about this putaway was dead-lettered, on either side.
    const deadLetters = (await sre.get('/dead-letters?pageSize=500')).body.items as { key: string | null }[];
    expect(deadLetters.filter((letter) => letter.key === stockKey(warehouse.warehouseId, 'PR-KIT') || letter.key === inboundId)).toEqual([]);
  });
});
