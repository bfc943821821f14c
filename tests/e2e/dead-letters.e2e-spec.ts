import { ReserveStock, stockKey } from '@wo/contracts/inventory';
import { deadLetterListSchema, deadLetterSchema, type DeadLetter, type DeadLetterSummary } from '@wo/contracts/rest';
import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/**
 * Dead letters an SRE can find and replay: a poison message shows up in `GET /dead-letters` with
 * its reason and original bytes, is replayed to its topic once, and a replay of a message that was
 * in fact processed changes nothing (the consumer's inbox drops it).
 */
describe('dead letters', () => {
  const admin = ApiClient.signedIn('admin');
  const sre = ApiClient.signedIn('sre');
  const planner = ApiClient.signedIn('planner');
  const prefix = process.env['E2E_TOPIC_PREFIX']!;
  const kafka = new Kafka({ clientId: 'e2e-dead-letters', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING });
  const topic = ReserveStock.topic;
  let producer: Producer;
  let warehouse: WarehouseFixture;
  let key: string;

  beforeAll(async () => {
    producer = kafka.producer();
    await producer.connect();
    warehouse = await WarehouseFixture.create(admin, { skus: ['BOLT'] });
    await warehouse.stock([{ sku: 'BOLT', locationCode: 'A-01', quantity: 10 }]);
    key = stockKey(warehouse.warehouseId, 'BOLT');
  });

  afterAll(async () => {
    await producer.disconnect();
  });

  const reserve = (quantity: number) =>
    ReserveStock.create(
      {
        workOrderId: `wo-${randomUUID()}`,
        warehouseId: warehouse.warehouseId,
        merchantId: warehouse.merchantId,
        lines: [{ reservationId: `r-${randomUUID()}`, lineId: 'l1', sku: 'BOLT', quantity }],
      },
      { correlationId: `saga-${randomUUID()}`, key },
    );

  /** The dead letters of this suite's key on the stock-command topic, oldest first. */
  async function deadLettersOfKey(): Promise<DeadLetterSummary[]> {
    const response = await sre.get(`/dead-letters?topic=${topic}&pageSize=500`);
    expect(response.status).toBe(200);
    return deadLetterListSchema
      .parse(response.body)
      .items.filter((item) => item.key === key)
      .reverse();
  }

  const detailOf = async (id: string): Promise<DeadLetter> => deadLetterSchema.parse((await sre.get(`/dead-letters/${id}`)).body);

  /** As a consumer that gave up on it would have: the message on the dead-letter topic with the dead-letter headers. */
  const deadLetterDirectly = (value: string) =>
    producer.send({
      topic: `${prefix}${topic}.dead-letter`,
      messages: [
        {
          key,
          value,
          headers: {
            'message-type': ReserveStock.type,
            'dead-letter-reason': 'handler-failed',
            'dead-letter-detail': 'handler-failed: the database was down for good',
            'dead-letter-source': `${prefix}${topic}/0/0`,
            'dead-letter-group': `${prefix}inventory`,
          },
        },
      ],
    });

  it('lists a poison message with its reason and original bytes, replays it once and refuses a second replay', async () => {
    const base = reserve(1);
    const invalid = { ...base, payload: { ...base.payload, lines: [{ ...base.payload.lines[0]!, quantity: -1 }] } };
    await producer.send({
      topic: `${prefix}${topic}`,
      messages: [
        { key, value: '{"this is": not json' },
        { key, value: JSON.stringify(invalid), headers: { 'message-type': ReserveStock.type } },
      ],
    });
    const [unparseable, invalidPayload] = await eventually(deadLettersOfKey, (items) => items.length === 2, { what: 'two dead letters indexed' });
    expect(unparseable).toMatchObject({
      reason: 'unparseable',
      status: 'DEAD',
      replayedAt: null,
      replayedBy: null,
      messageType: null,
      consumerGroup: `${prefix}inventory`,
    });
    expect(invalidPayload).toMatchObject({ reason: 'invalid-payload', messageType: ReserveStock.type });
    expect(invalidPayload!.source).toMatch(new RegExp(`^${prefix.replace('.', '\\.')}inventory\\.stock-commands/\\d+/\\d+$`));

    const list = await sre.get(`/dead-letters?status=DEAD&page=1&pageSize=1`);
    expect(list.status).toBe(200);
    expect(Number(list.headers?.get('x-total-count'))).toBeGreaterThanOrEqual(2);
    expect(list.body.items).toHaveLength(1);
    const counted = deadLetterListSchema.parse(list.body).counts.find((count) => count.topic === topic);
    expect(counted?.dead).toBeGreaterThanOrEqual(2);

    // The original message: text when it is not JSON, decoded when it is.
    const unparseableDetail = await detailOf(unparseable!.id);
    expect(unparseableDetail.value).toBe('{"this is": not json');
    expect(unparseableDetail).not.toHaveProperty('message');
    const invalidDetail = await detailOf(invalidPayload!.id);
    expect(invalidDetail.message).toEqual(invalid);
    expect(invalidDetail.headers).toEqual({ 'message-type': ReserveStock.type });

    const replayed = await sre.post(`/dead-letters/${invalidPayload!.id}/replay`);
    expect(replayed.status).toBe(200);
    expect(deadLetterSchema.parse(replayed.body)).toMatchObject({ status: 'REPLAYED', replayedBy: expect.any(String), replayedAt: expect.any(String) });
    const again = await admin.post(`/dead-letters/${invalidPayload!.id}/replay`);
    expect(again.status).toBe(409);
    expect(again.contentType).toMatch(/application\/problem\+json/);
    expect(again.body).toMatchObject({ status: 409, deadLetterStatus: 'REPLAYED' });

    // The cause is not fixed (the payload is still invalid): the replay dies again, marked as a replay.
    const afterReplay = await eventually(deadLettersOfKey, (items) => items.length === 3, { what: 'the replayed message dead-lettered again' });
    const reDead = await detailOf(afterReplay[2]!.id);
    expect(reDead).toMatchObject({ reason: 'invalid-payload', status: 'DEAD', message: invalid });
    expect(reDead.headers).toEqual({ 'message-type': ReserveStock.type, 'replayed-from-dead-letter': invalidPayload!.id });
    expect((await warehouse.inventoryOf('BOLT')).reserved).toBe(0);
  });

  it('applies a replayed message that can now be processed, and a replay of one already processed changes nothing', async () => {
    const before = (await deadLettersOfKey()).length;
    const good = reserve(2);
    await deadLetterDirectly(JSON.stringify(good));
    await deadLetterDirectly(JSON.stringify(good));
    const letters = (await eventually(deadLettersOfKey, (items) => items.length === before + 2, { what: 'two dead letters of one message' })).slice(before);

    expect((await sre.post(`/dead-letters/${letters[0]!.id}/replay`)).status).toBe(200);
    await eventually(
      () => warehouse.inventoryOf('BOLT'),
      (stock) => stock.reserved === 2,
      { what: 'the replayed reservation' },
    );
    // The copy of the same message: dropped by inventory's inbox. A later message on the same
    // partition shows the copy was consumed before it.
    expect((await sre.post(`/dead-letters/${letters[1]!.id}/replay`)).status).toBe(200);
    await producer.send({ topic: `${prefix}${topic}`, messages: [{ key, value: JSON.stringify(reserve(1)) }] });
    const stock = await eventually(
      () => warehouse.inventoryOf('BOLT'),
      (row) => row.reserved >= 3,
      { what: 'the message behind the replayed copy' },
    );
    expect(stock.reserved).toBe(3);
  });

  it('is for SREs and admins only, never for a merchant-scoped token, and answers bad ids with problem+json', async () => {
    const someId = (await deadLettersOfKey())[0]!.id;
    for (const response of [
      await planner.get('/dead-letters'),
      await planner.get(`/dead-letters/${someId}`),
      await planner.post(`/dead-letters/${someId}/replay`),
    ]) {
      expect(response.status).toBe(403);
      expect(response.contentType).toMatch(/application\/problem\+json/);
      expect(response.body.detail).toContain('sre');
    }
    const scoped = await ApiClient.as('sre', { merchantIds: [warehouse.merchantId] });
    expect((await scoped.get('/dead-letters')).status).toBe(403);
    expect((await scoped.post(`/dead-letters/${someId}/replay`)).status).toBe(403);
    expect((await admin.withToken(null).get('/dead-letters')).status).toBe(401);
    expect((await admin.get('/dead-letters')).status).toBe(200);

    const unknownId = randomUUID();
    for (const response of [await sre.get(`/dead-letters/${unknownId}`), await sre.post(`/dead-letters/${unknownId}/replay`)]) {
      expect(response.status).toBe(404);
      expect(response.contentType).toMatch(/application\/problem\+json/);
    }
    for (const response of [await sre.get('/dead-letters/not-a-uuid'), await sre.post('/dead-letters/not-a-uuid/replay')]) {
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    }
    const badQuery = await sre.get('/dead-letters?status=LOST&page=0');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['query.page', 'query.status']);
    expect((await detailOf(someId)).status).toBe('DEAD');
  });
});
