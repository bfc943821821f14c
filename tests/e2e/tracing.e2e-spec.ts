import { deleteTopics, dropDatabases, RunningSystem, type ProcessName } from '@wo/dev-system';
import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { e2eOptions } from './support/e2e-system';
import { OtlpReceiver, type ReceivedSpan } from './support/otlp-receiver';

const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;

/**
 * One confirm is one trace, from the operator's request at the gateway to the Allocated event.
 * The shared e2e system runs without OTEL_*, so this suite starts a small system of its own whose
 * processes export to an OTLP/HTTP receiver in the test: every process but picking, which shows
 * what a process without the variable does (exports nothing, yet carries the trace on).
 */
describe('traces across HTTP and Kafka', () => {
  const shared = e2eOptions();
  const options = {
    ...shared,
    // Beside the shared system, inside this run's ports: gateway, four services and the identity provider, then the receiver.
    gatewayPort: shared.gatewayPort + 10,
    databasePrefix: `${shared.databasePrefix}traced_`,
    topicPrefix: `${shared.topicPrefix}traced.`,
    logDir: shared.logDir && join(shared.logDir, 'traced'),
  };
  const receiver = new OtlpReceiver();
  let system: RunningSystem;
  let api: ApiClient;
  let warehouse: WarehouseFixture;

  beforeAll(async () => {
    const endpoint = await receiver.listen(shared.gatewayPort + 19);
    const traced = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' };
    const extraEnv: Partial<Record<ProcessName, Record<string, string>>> = { gateway: traced, 'work-orders': traced, inventory: traced, inbound: traced };
    await dropDatabases(options);
    system = new RunningSystem({ ...options, extraEnv });
    await system.start();
    api = system.client('admin');
    warehouse = await WarehouseFixture.create(api, { skus: ['TR-BOX', 'TR-CARD', 'TR-SET'] });
    await warehouse.stock([
      { sku: 'TR-BOX', locationCode: 'A-01', quantity: 10 },
      { sku: 'TR-CARD', locationCode: 'A-02', quantity: 10 },
    ]);
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
    await deleteTopics(options).catch(() => undefined);
    await receiver.close();
  }, 60_000);

  it('makes one confirm one trace: gateway, work-orders, outbox, relay, inventory, the replies and the Allocated event', async () => {
    const order = await warehouse.workOrder({
      outputs: [{ sku: 'TR-SET', quantity: 1 }],
      materials: [
        { sku: 'TR-BOX', quantity: 1 },
        { sku: 'TR-CARD', quantity: 2 },
      ],
    });
    expect((await api.post(`/work-orders/${order.id}/confirm`)).status).toBe(202);
    expect((await warehouse.settled(order.id)).status).toBe('ALLOCATED');

    const confirmPath = `/work-orders/${order.id}/confirm`;
    const atGateway = await eventually(
      async () => receiver.spans.find((span) => span.service === 'gateway' && span.attributes['url.path'] === confirmPath),
      (span) => span !== undefined,
      { what: 'the gateway span of the confirm' },
    );
    expect(atGateway).toMatchObject({ kind: SERVER, parentSpanId: undefined, name: 'POST /work-orders/*', attributes: { 'http.response.status_code': 202 } });
    const traceId = atGateway!.traceId;
    // Each process exports on its own schedule: wait until every hop has arrived.
    const hops: [service: string, kind: number, name: string, count: number, attributes?: Record<string, unknown>][] = [
      ['work-orders', SERVER, 'POST /work-orders/:id/confirm', 1, { 'http.response.status_code': 202 }],
      // One command with both lines and one reply for the order (ReserveStock v2).
      ['work-orders', PRODUCER, 'publish inventory.stock-commands', 1],
      ['inventory', CONSUMER, 'process inventory.ReserveStock', 1],
      ['inventory', PRODUCER, 'publish inventory.stock-replies', 1],
      ['work-orders', CONSUMER, 'process inventory.StockReserved', 1],
      ['work-orders', PRODUCER, 'publish work-orders.events', 1, { 'messaging.message.type': 'work-orders.WorkOrderAllocated' }],
    ];
    const countOf = (spans: ReceivedSpan[], [service, kind, name, , attributes = {}]: (typeof hops)[number]) =>
      spans.filter(
        (span) =>
          span.service === service &&
          span.kind === kind &&
          span.name === name &&
          Object.entries(attributes).every(([key, value]) => span.attributes[key] === value),
      ).length;
    const spans = await eventually(
      async () => receiver.spans.filter((span) => span.traceId === traceId),
      (found) => hops.every((hop) => countOf(found, hop) >= hop[3]),
      { what: `every hop of the confirm in trace ${traceId}` },
    );
    for (const hop of hops) expect(`${hop[2]}: ${countOf(spans, hop)}`).toBe(`${hop[2]}: ${hop[3]}`);
    // The confirm's transaction, the reservations' and the replies' each wrote to an outbox.
    expect(spans.filter((span) => span.name === 'outbox write').map((span) => span.service)).toEqual(expect.arrayContaining(['work-orders', 'inventory']));

    // One tree: the gateway's span is its only root, and every other span hangs under a span of it.
    const ids = new Set(spans.map((span) => span.spanId));
    expect(spans.filter((span) => span.parentSpanId === undefined)).toEqual([atGateway]);
    expect(spans.filter((span) => span.parentSpanId !== undefined && !ids.has(span.parentSpanId)).map((span) => `${span.service} ${span.name}`)).toEqual([]);
    // The service's request span is the child of the gateway's (the proxy passed the traceparent on).
    const atService = spans.find((span) => span.service === 'work-orders' && span.kind === SERVER)!;
    expect(atService.parentSpanId).toBe(atGateway!.spanId);
    // Each reservation's handling is the child of its command's publish, and each reply's of the reply's publish.
    for (const handling of spans.filter((span) => span.kind === CONSUMER))
      expect(spans.find((span) => span.spanId === handling.parentSpanId)).toMatchObject({ kind: PRODUCER });
  });

  it('keeps confirms committed together (one group commit) in a trace each', async () => {
    const orders = await Promise.all(
      Array.from({ length: 4 }, () => warehouse.workOrder({ outputs: [{ sku: 'TR-SET', quantity: 1 }], materials: [{ sku: 'TR-BOX', quantity: 1 }] })),
    );
    const answers = await Promise.all(orders.map((order) => api.post(`/work-orders/${order.id}/confirm`)));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202]);
    for (const order of orders) expect((await warehouse.settled(order.id)).status).toBe('ALLOCATED');
    for (const order of orders) {
      const atGateway = await eventually(
        async () => receiver.spans.find((span) => span.service === 'gateway' && span.attributes['url.path'] === `/work-orders/${order.id}/confirm`),
        (span) => span !== undefined,
        { what: `the gateway span of ${order.id}'s confirm` },
      );
      // Its one material's reservation is handled in its own trace, not in the trace of the request that began the batch.
      const handled = await eventually(
        async () =>
          receiver.spans.filter((span) => span.traceId === atGateway!.traceId && span.kind === CONSUMER && span.name === 'process inventory.ReserveStock'),
        (found) => found.length >= 1,
        { what: `the reservation of ${order.id} in its trace` },
      );
      expect(handled).toHaveLength(1);
    }
  });

  it('exports nothing from a process without OTEL_EXPORTER_OTLP_ENDPOINT, which still carries the trace on', async () => {
    const order = await warehouse.workOrder({ outputs: [{ sku: 'TR-SET', quantity: 1 }], materials: [{ sku: 'TR-BOX', quantity: 1 }] });
    expect((await api.post(`/work-orders/${order.id}/confirm`)).status).toBe(202);
    expect((await warehouse.settled(order.id)).status).toBe('ALLOCATED');
    // Picking handled the Allocated event (the order is a picking request now) and said nothing to the receiver.
    await eventually(
      async () => (await api.get(`/picking-requests?warehouseId=${warehouse.warehouseId}`)).body,
      (requests) => JSON.stringify(requests).includes(order.id),
      { what: `a picking request for ${order.id}` },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.spans.filter((span) => span.service === 'picking')).toEqual([]);
    expect(receiver.spans.some((span) => span.service === 'gateway' && span.attributes['url.path'] === `/picking-requests`)).toBe(true);
  });
});

describe('messages of a system without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  const api = ApiClient.signedIn('admin');
  const prefix = process.env['E2E_TOPIC_PREFIX']!;
  const kafka = new Kafka({ clientId: 'e2e-untraced', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING });
  const received: KafkaMessage[] = [];
  let consumer: Consumer;

  beforeAll(async () => {
    consumer = kafka.consumer({ groupId: `${prefix}e2e-untraced-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({
      topics: [`${prefix}work-orders.events`, `${prefix}inventory.stock-commands`, `${prefix}inventory.stock-replies`],
      fromBeginning: true,
    });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });
  });

  afterAll(async () => {
    await consumer.disconnect();
  });

  it('carry no traceparent, in the headers or the envelope, even when the operator sent one', async () => {
    const warehouse = await WarehouseFixture.create(api, { skus: ['UT-BOX', 'UT-SET'] });
    await warehouse.stock([{ sku: 'UT-BOX', locationCode: 'A-01', quantity: 5 }]);
    const order = await warehouse.workOrder({ outputs: [{ sku: 'UT-SET', quantity: 1 }], materials: [{ sku: 'UT-BOX', quantity: 1 }] });
    const confirmed = await fetch(`${process.env['GATEWAY_URL']}/work-orders/${order.id}/confirm`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await ApiClient.tokenFor('admin')}`, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    });
    expect(confirmed.status).toBe(202);
    expect((await warehouse.settled(order.id)).status).toBe('ALLOCATED');
    const typeOf = (message: KafkaMessage) => message.headers?.['message-type']?.toString();
    const ofOrder = await eventually(
      async () => {
        // Other suites put poison (not JSON) on these topics: skip it.
        const envelopes = received.flatMap((message) => {
          try {
            return [{ message, envelope: JSON.parse(message.value!.toString()) }];
          } catch {
            return [];
          }
        });
        // Its events (keyed by the order), and its saga's commands and replies.
        const sagas = new Set(envelopes.filter(({ envelope }) => envelope.payload?.workOrderId === order.id).map(({ envelope }) => envelope.correlationId));
        return envelopes
          .filter(({ message, envelope }) => message.key?.toString() === order.id || sagas.has(envelope.correlationId))
          .map(({ message }) => message);
      },
      (messages) =>
        ['inventory.ReserveStock', 'inventory.StockReserved', 'work-orders.WorkOrderAllocated'].every((type) =>
          messages.some((message) => typeOf(message) === type),
        ),
      { what: `the messages of ${order.id}` },
    );
    for (const message of ofOrder) {
      expect(message.headers).not.toHaveProperty('traceparent');
      expect(JSON.parse(message.value!.toString())).not.toHaveProperty('traceparent');
    }
  });
});
