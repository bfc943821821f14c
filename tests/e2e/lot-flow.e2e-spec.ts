import { PutAwayStock } from '@wo/contracts/inventory';
import { inboundOrderSchema, pickingListSchema, workOrderDetailSchema } from '@wo/contracts/rest';
import { WorkOrderCompleted } from '@wo/contracts/work-orders';
import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Lifecycle } from './support/lifecycle';

/**
 * Lots as they flow through work orders, picking and inbound (docs/decisions/0007-lots.md), through
 * the gateway and real Kafka: the finished goods of a completed order are expected as the order's
 * number, the receiver names the lot printed on the goods at the line's first receipt (one lot per
 * line: another is refused), the putaway shelves that lot, and WorkOrderCompleted v2 carries the
 * genealogy. The materials here have no lots, so their picking lines say `lot: null`.
 */
describe('lots through completion, receiving and putaway', () => {
  const api = ApiClient.signedIn('admin');
  const prefix = process.env['E2E_TOPIC_PREFIX']!;
  const kafka = new Kafka({ clientId: 'e2e-lot-flow', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING });
  const published: KafkaMessage[] = [];
  let consumer: Consumer;
  let warehouse: WarehouseFixture;
  let flow: Lifecycle;

  beforeAll(async () => {
    consumer = kafka.consumer({ groupId: `${prefix}e2e-lot-flow-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topics: [`${prefix}work-orders.events`, `${prefix}${PutAwayStock.topic}`], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void published.push(message) });
    warehouse = await WarehouseFixture.create(api, { skus: ['LF-BOX', 'LF-SOAP', 'LF-SET'], locations: ['A-01', 'B-01', 'FG-01'] });
    flow = new Lifecycle(api, warehouse);
    await warehouse.stock([
      { sku: 'LF-BOX', locationCode: 'A-01', quantity: 20 },
      { sku: 'LF-SOAP', locationCode: 'B-01', quantity: 20 },
    ]);
  });

  afterAll(async () => {
    await consumer.disconnect();
  });

  /** The first envelope of this type that matches, as another domain reads it off the topic. */
  const envelopeOf = async (type: string, matches: (envelope: any) => boolean) => {
    const [envelope] = await eventually(
      // By the type header the relay sets: the topics also carry other specs' poison messages, which are not JSON.
      async () =>
        published
          .filter((message) => message.headers?.['message-type']?.toString() === type)
          .map((message) => JSON.parse(message.value!.toString()))
          .filter(matches),
      (found) => found.length > 0,
      { what: `a ${type}` },
    );
    return envelope;
  };
  const completedEventOf = (workOrderId: string) => envelopeOf(WorkOrderCompleted.type, (envelope) => envelope.payload.workOrderId === workOrderId);

  /** Confirm, a picking list, picking, complete: the order ends Completed with its finished-goods inbound order. */
  const completeThroughPicking = async (order: any) => {
    expect((await api.post(`/work-orders/${order.id}/confirm`)).status).toBe(202);
    const allocated = await warehouse.settled(order.id);
    expect(allocated.status).toBe('ALLOCATED');
    expect((await api.post(`/work-orders/${order.id}/picking-lists`)).status).toBe(202);
    await flow.orderIn(order.id, 'PROCESSING');
    const list = await flow.listOf(order.id);
    await flow.pick(list.id);
    await flow.completable(order.id);
    expect((await api.post(`/work-orders/${order.id}/complete`)).status).toBe(202);
    const completed = await warehouse.settled(order.id);
    expect(completed.status).toBe('COMPLETED');
    return { allocated, list, completed };
  };

  /** What the order holds (or the list says to take): SKU, bin, quantity and lot (null for a material without lots). */
  const heldAt = (allocated: any) =>
    allocated.reservations.flatMap((held: any) => held.allocations.map((bin: any) => [bin.locationCode, held.sku, bin.quantity, bin.lot ?? null]));

  it('gives the finished goods the order number as their lot; the receiver replaces it once; the putaway and the event carry the lots', async () => {
    const order = await warehouse.workOrder({
      outputs: [{ sku: 'LF-SET', quantity: 2 }],
      materials: [
        { sku: 'LF-BOX', quantity: 2 },
        { sku: 'LF-SOAP', quantity: 4 },
      ],
    });
    const { allocated, list, completed } = await completeThroughPicking(order);

    // Materials without lots: each picking line says so (null), in walking order, as the order's reservations held them.
    expect(list.lines.map((line: any) => [line.locationCode, line.sku, line.quantity, line.lot, line.expiresOn])).toEqual([
      ['A-01', 'LF-BOX', 2, null, null],
      ['B-01', 'LF-SOAP', 4, null, null],
    ]);
    expect(heldAt(allocated)).toEqual(list.lines.map((line: any) => [line.locationCode, line.sku, line.quantity, line.lot]));
    // The answers keep to the REST contract's shapes (lot and expiresOn always there, null when none).
    pickingListSchema.parse(list);
    workOrderDetailSchema.parse(allocated);

    // The finished-goods line is expected as the order's number.
    const inboundId = completed.inboundOrder.id;
    const expected = (await api.get(`/inbound-orders/${inboundId}`)).body;
    expect(expected.lines).toEqual([{ sku: 'LF-SET', lot: order.number, expiresOn: null, expected: 2, received: 0, putAway: 0 }]);

    // A lot code that is not one is refused before anything is looked at.
    const malformed = await api.post(`/inbound-orders/${inboundId}/receive`, { lines: [{ sku: 'LF-SET', quantity: 1, lot: 'has space' }] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'lines[0].lot' })]);

    // The first receipt names the lot printed on the goods, and its expiry: it replaces the expected one.
    const first = await api.post(`/inbound-orders/${inboundId}/receive`, {
      lines: [{ sku: 'LF-SET', quantity: 1, lot: 'PRINTED-42', expiresOn: '2027-06-30' }],
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'RECEIVING',
      lines: [{ sku: 'LF-SET', lot: 'PRINTED-42', expiresOn: '2027-06-30', expected: 2, received: 1, putAway: 0 }],
    });

    // One lot per line: a later receipt naming another lot, or another expiry, is refused and changes nothing.
    const otherLot = await api.post(`/inbound-orders/${inboundId}/receive`, { lines: [{ sku: 'LF-SET', quantity: 1, lot: 'OTHER-LOT' }] });
    expect(otherLot.status).toBe(409);
    expect(otherLot.contentType).toContain('application/problem+json');
    expect(otherLot.body.errors).toEqual([{ field: 'lines[0].lot', message: expect.stringContaining('one lot per line') }]);
    const otherExpiry = await api.post(`/inbound-orders/${inboundId}/receive`, {
      lines: [{ sku: 'LF-SET', quantity: 1, lot: 'PRINTED-42', expiresOn: '2028-01-01' }],
    });
    expect(otherExpiry.status).toBe(409);
    expect(otherExpiry.body.errors).toEqual([{ field: 'lines[0].expiresOn', message: expect.any(String) }]);
    expect((await api.get(`/inbound-orders/${inboundId}`)).body).toMatchObject({ status: 'RECEIVING', lines: first.body.lines, putaways: [] });

    // Naming the same lot again is fine.
    const rest = await api.post(`/inbound-orders/${inboundId}/receive`, { lines: [{ sku: 'LF-SET', quantity: 1, lot: 'PRINTED-42' }] });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ status: 'RECEIVED', lines: [{ lot: 'PRINTED-42', expiresOn: '2027-06-30', received: 2 }] });

    // The putaway shelves the lot the line was received as.
    const putAway = await api.post(`/inbound-orders/${inboundId}/putaway`, { lines: [{ sku: 'LF-SET', quantity: 2, locationCode: 'FG-01' }] });
    expect(putAway.status).toBe(200);
    inboundOrderSchema.parse(putAway.body);
    expect(putAway.body).toMatchObject({ status: 'PUT_AWAY', putaways: [{ sku: 'LF-SET', lot: 'PRINTED-42', locationCode: 'FG-01', quantity: 2 }] });
    // Inventory is told which lot (and expiry) was shelved.
    const shelved = await envelopeOf(PutAwayStock.type, (envelope) => envelope.payload.inboundOrderId === inboundId);
    expect(shelved.payload).toMatchObject({ sku: 'LF-SET', locationCode: 'FG-01', quantity: 2, lot: 'PRINTED-42', expiresOn: '2027-06-30' });
    await eventually(
      () => warehouse.inventoryOf('LF-SET'),
      (stock) => stock.onHand === 2,
      { what: 'the finished goods in inventory' },
    );
    // The work order's detail shows the inbound line with the lot received.
    const done = await flow.orderIn(
      order.id,
      'COMPLETED',
      (detail) => detail.inboundOrder?.status === 'PUT_AWAY' && detail.inboundOrder.lines[0]?.lot === 'PRINTED-42',
    );
    expect(workOrderDetailSchema.parse(done).inboundOrder!.lines).toEqual([
      { sku: 'LF-SET', lot: 'PRINTED-42', expiresOn: '2027-06-30', expected: 2, received: 2, putAway: 2 },
    ]);

    // WorkOrderCompleted v2: the outputs' lot, every bin consumed, the picking lists.
    const event = await completedEventOf(order.id);
    expect(event).toMatchObject({ type: WorkOrderCompleted.type, version: 2 });
    expect(event.payload).toMatchObject({
      workOrderId: order.id,
      number: order.number,
      inboundOrderId: inboundId,
      outputs: [{ sku: 'LF-SET', quantity: 2, lot: order.number }],
      pickingListIds: [list.id],
    });
    expect(event.payload.consumed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sku: 'LF-BOX', locationCode: 'A-01', quantity: 2 }),
        expect.objectContaining({ sku: 'LF-SOAP', locationCode: 'B-01', quantity: 4 }),
      ]),
    );
    expect(event.payload.consumed).toHaveLength(2);
    expect(WorkOrderCompleted.schema.safeParse(event.payload).success).toBe(true);
  });

  it('disassembly works the same way: one material in, every output expected as the order number', async () => {
    await warehouse.stock([{ sku: 'LF-SET', locationCode: 'FG-01', quantity: 1 }]);
    const order = await warehouse.workOrder({
      outputs: [
        { sku: 'LF-BOX', quantity: 1 },
        { sku: 'LF-SOAP', quantity: 2 },
      ],
      materials: [{ sku: 'LF-SET', quantity: 1 }],
    });
    const { list, completed } = await completeThroughPicking(order);
    expect(list.lines).toEqual([expect.objectContaining({ locationCode: 'FG-01', sku: 'LF-SET', quantity: 1, lot: null, expiresOn: null })]);

    const inbound = (await api.get(`/inbound-orders/${completed.inboundOrder.id}`)).body;
    expect(inbound.lines).toEqual([
      { sku: 'LF-BOX', lot: order.number, expiresOn: null, expected: 1, received: 0, putAway: 0 },
      { sku: 'LF-SOAP', lot: order.number, expiresOn: null, expected: 2, received: 0, putAway: 0 },
    ]);
    const event = await completedEventOf(order.id);
    expect(event.payload).toMatchObject({
      outputs: [
        { sku: 'LF-BOX', quantity: 1, lot: order.number },
        { sku: 'LF-SOAP', quantity: 2, lot: order.number },
      ],
      consumed: [expect.objectContaining({ sku: 'LF-SET', locationCode: 'FG-01', quantity: 1 })],
      pickingListIds: [list.id],
    });
  });
});
