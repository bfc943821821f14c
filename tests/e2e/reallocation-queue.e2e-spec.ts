import { StockAvailable, stockKey } from '@wo/contracts/inventory';
import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

type Detail = {
  id: string;
  status: string;
  pendingAction: string | null;
  priority: string;
  autoRetry: boolean;
  shortages: { sku: string; requested: number; available: number }[];
  queuePlaces: { sku: string; place: number; waiting: number }[];
  reservations: { sku: string; quantity: number }[];
  history: { event: string; detail: Record<string, unknown>; at: string }[];
};

const automaticRetries = (order: Detail) => order.history.filter((entry) => entry.event === 'allocationRetriedAutomatically');

/**
 * Automatic re-allocation, through the gateway and real Kafka: stock that becomes available goes
 * to the Out of Stock orders with auto-retry waiting for it, one at a time, most urgent first
 * (docs/decisions/0005-reallocation-queue.md).
 */
describe('automatic re-allocation of Out of Stock orders', () => {
  const api = ApiClient.signedIn('admin');
  const prefix = process.env['E2E_TOPIC_PREFIX']!;
  let producer: Producer;
  let warehouse: WarehouseFixture;

  beforeAll(async () => {
    producer = new Kafka({ clientId: 'e2e-reallocation', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    warehouse = await WarehouseFixture.create(api, { skus: ['KIT', 'CHOC', 'WAX', 'TAPE', 'BOW', 'LID', 'PIN'] });
  });

  afterAll(() => producer.disconnect());

  /** An order of `quantity` of one material, confirmed and left Out of Stock. */
  async function outOfStock(sku: string, quantity: number, body: Record<string, unknown> = {}): Promise<Detail> {
    const order = await warehouse.workOrder({ outputs: [{ sku: 'KIT', quantity: 1 }], materials: [{ sku, quantity }], ...body });
    expect((await api.post(`/work-orders/${order.id}/confirm`)).status).toBe(202);
    const short = await warehouse.settled(order.id);
    expect(short.status).toBe('OUT_OF_STOCK');
    return short;
  }

  const read = async (id: string): Promise<Detail> => (await api.get(`/work-orders/${id}`)).body;

  it('a restock that covers two of three waiting orders allocates Urgent and Normal by themselves; Low waits with its shortage and place', async () => {
    // Created least urgent first, so that creation order is not what decides.
    const low = await outOfStock('CHOC', 4, { priority: 'LOW' });
    const normal = await outOfStock('CHOC', 4);
    const urgent = await outOfStock('CHOC', 4, { priority: 'URGENT' });
    expect(normal.priority).toBe('NORMAL');
    expect((await read(urgent.id)).queuePlaces).toEqual([{ sku: 'CHOC', place: 1, waiting: 3 }]);
    expect((await read(low.id)).queuePlaces).toEqual([{ sku: 'CHOC', place: 3, waiting: 3 }]);

    await warehouse.stock([{ sku: 'CHOC', locationCode: 'A-01', quantity: 8 }]);

    const [urgentAfter, normalAfter] = await Promise.all(
      [urgent, normal].map((order) =>
        eventually(
          () => read(order.id),
          (detail) => detail.status === 'ALLOCATED',
          { timeoutMs: 20_000, what: `order ${order.id} allocated by itself` },
        ),
      ),
    );
    // Low's turn came once the stock was used: tried once, still short, with its new shortage.
    const lowAfter = await eventually(
      () => read(low.id),
      (detail) => detail.pendingAction === null && automaticRetries(detail).length === 1,
      { timeoutMs: 20_000, what: 'Low tried once' },
    );
    expect(lowAfter.status).toBe('OUT_OF_STOCK');
    expect(lowAfter.shortages).toEqual([{ sku: 'CHOC', requested: 4, available: 0 }]);
    expect(lowAfter.queuePlaces).toEqual([{ sku: 'CHOC', place: 1, waiting: 1 }]);

    // Each allocated once, by the system, saying what triggered it.
    for (const order of [urgentAfter!, normalAfter!]) {
      expect(order.reservations).toEqual([expect.objectContaining({ sku: 'CHOC', quantity: 4 })]);
      expect(automaticRetries(order)).toEqual([
        expect.objectContaining({
          detail: expect.objectContaining({
            actor: { subject: 'system', name: 'Automatic re-allocation' },
            trigger: { sku: 'CHOC', cause: 'adjustment' },
          }),
        }),
      ]);
    }
    // One at a time, Urgent first: Normal was tried after Urgent's allocation settled.
    const retriedAt = (order: Detail) => new Date(automaticRetries(order)[0]!.at).getTime();
    const settledAt = (order: Detail) => new Date(order.history.find((entry) => entry.event === 'allocated')!.at).getTime();
    expect(retriedAt(normalAfter!)).toBeGreaterThanOrEqual(settledAt(urgentAfter!));
    expect(retriedAt(lowAfter)).toBeGreaterThanOrEqual(settledAt(normalAfter!));
    expect(await warehouse.inventoryOf('CHOC')).toMatchObject({ onHand: 8, reserved: 8, available: 0 });
  });

  it('the choice: when the first in line needs more than arrived, it waits for more; a smaller order behind it does not go first', async () => {
    const big = await outOfStock('WAX', 10, { priority: 'URGENT' });
    const small = await outOfStock('WAX', 2, { priority: 'LOW' });

    await warehouse.stock([{ sku: 'WAX', locationCode: 'A-01', quantity: 5 }]);
    const tried = await eventually(
      () => read(big.id),
      (detail) => detail.pendingAction === null && automaticRetries(detail).length === 1,
      { timeoutMs: 20_000, what: 'the big order tried once' },
    );
    expect(tried.status).toBe('OUT_OF_STOCK');
    expect(tried.shortages).toEqual([{ sku: 'WAX', requested: 10, available: 5 }]);
    // The queue stopped in the transaction that settled the big order: the small one was not tried.
    const untouched = await read(small.id);
    expect(untouched.status).toBe('OUT_OF_STOCK');
    expect(automaticRetries(untouched)).toEqual([]);
    expect(untouched.queuePlaces).toEqual([{ sku: 'WAX', place: 2, waiting: 2 }]);
    expect(await warehouse.inventoryOf('WAX')).toMatchObject({ available: 5, reserved: 0 });

    // Enough for both: the big order first, then the small one.
    await warehouse.stock([{ sku: 'WAX', locationCode: 'A-02', quantity: 7 }]);
    for (const order of [big, small]) {
      await eventually(
        () => read(order.id),
        (detail) => detail.status === 'ALLOCATED',
        { timeoutMs: 20_000, what: `order ${order.id} allocated` },
      );
    }
    expect(await warehouse.inventoryOf('WAX')).toMatchObject({ onHand: 12, reserved: 12 });
  });

  it('leaves an order with auto-retry off alone, and gives the stock to the next in line', async () => {
    const manual = await outOfStock('TAPE', 3, { priority: 'URGENT', autoRetry: false });
    expect(manual.autoRetry).toBe(false);
    expect(manual.queuePlaces).toEqual([]);
    const automatic = await outOfStock('TAPE', 3, { priority: 'LOW' });

    await warehouse.stock([{ sku: 'TAPE', locationCode: 'B-01', quantity: 3 }]);
    await eventually(
      () => read(automatic.id),
      (detail) => detail.status === 'ALLOCATED',
      { timeoutMs: 20_000, what: 'the order with auto-retry allocated' },
    );
    const after = await read(manual.id);
    expect(after.status).toBe('OUT_OF_STOCK');
    expect(automaticRetries(after)).toEqual([]);
    // Manual Retry Allocation works as it always did.
    expect((await api.post(`/work-orders/${manual.id}/retry-allocation`)).status).toBe(202);
    expect((await warehouse.settled(manual.id)).status).toBe('OUT_OF_STOCK');
  });

  it('a StockAvailable delivered twice moves the queue once', async () => {
    const first = await outOfStock('BOW', 5, { priority: 'HIGH' });
    const second = await outOfStock('BOW', 5);
    const event = (id: string) => ({
      ...StockAvailable.create(
        { warehouseId: warehouse.warehouseId, merchantId: warehouse.merchantId, sku: 'BOW', available: 5, cause: 'adjustment' },
        { correlationId: `e2e-${randomUUID()}`, key: stockKey(warehouse.warehouseId, 'BOW') },
      ),
      id,
    });
    const publish = (envelope: { key: string }) =>
      producer.send({ topic: `${prefix}${StockAvailable.topic}`, messages: [{ key: envelope.key, value: JSON.stringify(envelope) }] });
    const duplicated = randomUUID();
    // No stock behind them: each fresh one tries the first in line, which stays short.
    await publish(event(duplicated));
    await publish(event(duplicated));
    await publish(event(randomUUID()));

    await eventually(
      () => read(first.id),
      (detail) => detail.pendingAction === null && automaticRetries(detail).length >= 2,
      { timeoutMs: 20_000, what: 'two retries of the first in line' },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(automaticRetries(await read(first.id))).toHaveLength(2);
    expect(automaticRetries(await read(second.id))).toEqual([]);
  });

  it('stock released by a cancel goes to the order waiting for it', async () => {
    await warehouse.stock([{ sku: 'LID', locationCode: 'A-01', quantity: 4 }]);
    const holder = await warehouse.workOrder({ outputs: [{ sku: 'KIT', quantity: 1 }], materials: [{ sku: 'LID', quantity: 4 }] });
    await api.post(`/work-orders/${holder.id}/confirm`);
    expect((await warehouse.settled(holder.id)).status).toBe('ALLOCATED');
    const waiting = await outOfStock('LID', 3);

    expect((await api.post(`/work-orders/${holder.id}/cancel`)).status).toBe(202);
    expect((await warehouse.settled(holder.id)).status).toBe('CANCELED');
    const allocated = await eventually(
      () => read(waiting.id),
      (detail) => detail.status === 'ALLOCATED',
      { timeoutMs: 20_000, what: 'the waiting order allocated with the released stock' },
    );
    expect(automaticRetries(allocated)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ trigger: { sku: 'LID', cause: 'released' } }) })]);
    expect(await warehouse.inventoryOf('LID')).toMatchObject({ onHand: 4, reserved: 3 });
  });

  it('an order short of two SKUs leaves the first queue once its retry took that SKU, and does not block it', async () => {
    const both = await warehouse.workOrder({
      priority: 'URGENT',
      outputs: [{ sku: 'KIT', quantity: 1 }],
      materials: [
        { sku: 'PIN', quantity: 2 },
        { sku: 'TAPE', quantity: 50 },
      ],
    });
    await api.post(`/work-orders/${both.id}/confirm`);
    expect((await warehouse.settled(both.id)).status).toBe('OUT_OF_STOCK');
    const pinOnly = await outOfStock('PIN', 2, { priority: 'LOW' });

    // Enough PIN for both: the urgent order takes it, fails on TAPE, gives it back; the other gets it.
    await warehouse.stock([{ sku: 'PIN', locationCode: 'A-01', quantity: 2 }]);
    await eventually(
      () => read(pinOnly.id),
      (detail) => detail.status === 'ALLOCATED',
      { timeoutMs: 20_000, what: 'the PIN-only order allocated' },
    );
    const after = await warehouse.settled(both.id);
    expect(after.status).toBe('OUT_OF_STOCK');
    expect(after.shortages.map(({ sku }: { sku: string }) => sku)).toEqual(['TAPE']);
  });
});
