import { ReleaseStock, ReserveStock, reservationKey, stockKey } from '@wo/contracts/inventory';
import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/**
 * At-least-once delivery means a command can arrive twice (a redelivery keeps its message id) or be
 * re-sent by a saga deadline (a new message id, same reservation id). Either way stock moves once.
 */
describe('duplicate delivery of stock commands', () => {
  const api = ApiClient.signedIn('admin');
  const prefix = process.env['E2E_TOPIC_PREFIX']!;
  let producer: Producer;
  let warehouse: WarehouseFixture;

  beforeAll(async () => {
    producer = new Kafka({ clientId: 'e2e-duplicates', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    warehouse = await WarehouseFixture.create(api, { skus: ['BOLT'] });
    await warehouse.stock([{ sku: 'BOLT', locationCode: 'A-01', quantity: 10 }]);
  });

  afterAll(() => producer.disconnect());

  async function publish(envelope: { key: string; id: string }, topic: string) {
    await producer.send({ topic: `${prefix}${topic}`, messages: [{ key: envelope.key, value: JSON.stringify(envelope) }] });
  }

  it('reserves once when the same ReserveStock is delivered twice and re-sent once', async () => {
    const workOrderId = `wo-${randomUUID()}`;
    const reservationId = `saga-${randomUUID()}:line-1`;
    const command = ReserveStock.create(
      {
        workOrderId,
        warehouseId: warehouse.warehouseId,
        merchantId: warehouse.merchantId,
        lines: [{ reservationId, lineId: 'line-1', sku: 'BOLT', quantity: 4 }],
      },
      { correlationId: `saga-${randomUUID()}`, key: reservationKey(workOrderId) },
    );
    await publish(command, ReserveStock.topic);
    await publish(command, ReserveStock.topic);
    await publish({ ...command, id: randomUUID() }, ReserveStock.topic);

    await eventually(
      () => warehouse.inventoryOf('BOLT'),
      (stock) => stock.reserved > 0,
      { what: 'the reservation' },
    );
    // Give the later copies time to be consumed (they are behind the first on the same partition:
    // the marker goes on the command's key). It releases a reservation never made: a tombstone.
    const release = ReleaseStock.create(
      { reservationId: `unrelated-${randomUUID()}`, warehouseId: warehouse.warehouseId, sku: 'BOLT' },
      { correlationId: 'marker', key: command.key },
    );
    await publish(release, ReleaseStock.topic);
    await eventually(
      async () => (await api.get(`/inventory/reservations?workOrderId=${workOrderId}`)).body,
      (rows) => rows.length === 1,
      { what: 'one reservation row' },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(await warehouse.inventoryOf('BOLT')).toMatchObject({ onHand: 10, reserved: 4, available: 6 });
    const reservations = (await api.get(`/inventory/reservations?workOrderId=${workOrderId}`)).body;
    expect(reservations).toEqual([expect.objectContaining({ id: reservationId, status: 'RESERVED', quantity: 4 })]);

    // Releasing twice gives the stock back once.
    const releaseCommand = ReleaseStock.create(
      { reservationId, warehouseId: warehouse.warehouseId, sku: 'BOLT' },
      { correlationId: command.correlationId, key: stockKey(warehouse.warehouseId, 'BOLT') },
    );
    await publish(releaseCommand, ReleaseStock.topic);
    await publish({ ...releaseCommand, id: randomUUID() }, ReleaseStock.topic);
    await eventually(
      () => warehouse.inventoryOf('BOLT'),
      (stock) => stock.reserved === 0,
      { what: 'the release' },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await warehouse.inventoryOf('BOLT')).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
  });

  it('reserves a v1 ReserveStock still in flight from before the upgrade, once, like a v2 command of its one line', async () => {
    const workOrderId = `wo-${randomUUID()}`;
    const reservationId = `saga-${randomUUID()}:line-1`;
    const v1 = { reservationId, workOrderId, lineId: 'line-1', warehouseId: warehouse.warehouseId, merchantId: warehouse.merchantId, sku: 'BOLT', quantity: 3 };
    const v2 = ReserveStock.create(
      {
        workOrderId,
        warehouseId: warehouse.warehouseId,
        merchantId: warehouse.merchantId,
        lines: [{ reservationId, lineId: 'line-1', sku: 'BOLT', quantity: 3 }],
      },
      { correlationId: `saga-${randomUUID()}`, key: stockKey(warehouse.warehouseId, 'BOLT') },
    );
    // As an old work-orders wrote it; then its re-send after the upgrade, as v2, on another partition.
    const asV1 = { ...v2, version: 1, payload: v1 };
    await publish(asV1, ReserveStock.topic);
    await publish({ ...v2, id: randomUUID(), key: reservationKey(workOrderId) }, ReserveStock.topic);
    await eventually(
      async () => (await api.get(`/inventory/reservations?workOrderId=${workOrderId}`)).body,
      (rows) => rows.length === 1,
      { what: 'the reservation of the v1 command' },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await api.get(`/inventory/reservations?workOrderId=${workOrderId}`)).body).toEqual([
      expect.objectContaining({ id: reservationId, status: 'RESERVED', quantity: 3 }),
    ]);
    expect(await warehouse.inventoryOf('BOLT')).toMatchObject({ onHand: 10, reserved: 3 });
  });

  it('holds nothing for an order whose release overtook its reserve (they travel on different keys)', async () => {
    const workOrderId = `wo-${randomUUID()}`;
    const reservationId = `saga-${randomUUID()}:line-1`;
    const before = await warehouse.inventoryOf('BOLT');
    /** A one-unit reservation published behind the others on `key`: once it is held, they were consumed. */
    const consumedUpTo = async (key: string) => {
      const marker = `wo-${randomUUID()}`;
      const command = ReserveStock.create(
        {
          workOrderId: marker,
          warehouseId: warehouse.warehouseId,
          merchantId: warehouse.merchantId,
          lines: [{ reservationId: `${marker}:l1`, lineId: 'l1', sku: 'BOLT', quantity: 1 }],
        },
        { correlationId: 'marker', key },
      );
      await publish(command, ReserveStock.topic);
      await eventually(
        async () => (await api.get(`/inventory/reservations?workOrderId=${marker}`)).body as unknown[],
        (rows) => rows.length === 1,
        { what: `the marker behind ${key}` },
      );
    };
    const releaseKey = stockKey(warehouse.warehouseId, 'BOLT');
    await publish(
      ReleaseStock.create({ reservationId, warehouseId: warehouse.warehouseId, sku: 'BOLT' }, { correlationId: 'saga', key: releaseKey }),
      ReleaseStock.topic,
    );
    await consumedUpTo(releaseKey);
    const late = ReserveStock.create(
      {
        workOrderId,
        warehouseId: warehouse.warehouseId,
        merchantId: warehouse.merchantId,
        lines: [{ reservationId, lineId: 'line-1', sku: 'BOLT', quantity: 2 }],
      },
      { correlationId: 'saga', key: reservationKey(workOrderId) },
    );
    await publish(late, ReserveStock.topic);
    await consumedUpTo(late.key);
    // The late reserve took nothing: only the two markers hold a unit each.
    expect((await api.get(`/inventory/reservations?workOrderId=${workOrderId}`)).body).toEqual([]);
    expect(await warehouse.inventoryOf('BOLT')).toMatchObject({ reserved: before.reserved + 2 });
  });
});
