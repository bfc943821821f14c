import { StockReserved } from '@wo/contracts/inventory';
import { kafkaBrokers, restartLocalKafka, type RunningSystem } from '@wo/dev-system';
import { checkInvariants } from '@wo/invariants';
import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { startIsolatedSystem, stopIsolatedSystem } from './isolated-system';

/**
 * Each fault alone, against a system of this suite's own: a service killed mid-saga, the broker
 * restarted mid-saga, a reply delivered twice, a step that gets no reply (re-sent, then stuck and
 * retried by an operator). After each, every invariant holds.
 */
describe('faults, one at a time', () => {
  let system: RunningSystem;
  let api: ApiClient;
  let warehouse: WarehouseFixture;

  beforeAll(async () => {
    system = await startIsolatedSystem('faults', 0, { SAGA_STEP_TIMEOUT_MS: '1500', SAGA_MAX_BACKOFF_MS: '3000', SAGA_DEADLINE_MS: '12000' });
    api = system.client('admin');
    warehouse = await WarehouseFixture.create(api, { skus: ['A', 'B', 'C', 'KIT'] });
    await warehouse.stock([
      { sku: 'A', locationCode: 'A-01', quantity: 1_000 },
      { sku: 'B', locationCode: 'A-02', quantity: 1_000 },
      { sku: 'C', locationCode: 'B-01', quantity: 1_000 },
    ]);
  });

  afterAll(() => stopIsolatedSystem(system));

  async function confirmOrders(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const order = await warehouse.workOrder({
        outputs: [{ sku: 'KIT', quantity: 1 }],
        materials: [
          { sku: 'A', quantity: 1 },
          { sku: 'B', quantity: 2 },
          { sku: 'C', quantity: 1 },
        ],
      });
      ids.push(order.id);
    }
    await Promise.all(ids.map((id) => api.post(`/work-orders/${id}/confirm`)));
    return ids;
  }

  async function expectAllAllocatedAndInvariantsHold(ids: string[]): Promise<void> {
    const settled = await Promise.all(ids.map((id) => warehouse.settled(id, 120_000)));
    expect(settled.map((order) => order.status)).toEqual(ids.map(() => 'ALLOCATED'));
    const report = await eventually(
      () => checkInvariants(system.options),
      (found) => found.violations.length === 0,
      { timeoutMs: 60_000, intervalMs: 1_000, what: 'every invariant to hold' },
    );
    expect(report.figures.oversoldUnits).toBe(0);
  }

  it('survives inventory being killed while it reserves and replies', async () => {
    const ids = await confirmOrders(10);
    await system.terminate('inventory', 'SIGKILL');
    await system.restart('inventory');
    await expectAllAllocatedAndInvariantsHold(ids);
  });

  it('survives work-orders being killed after sending its commands, before recording the replies', async () => {
    const ids = await confirmOrders(10);
    await system.terminate('work-orders', 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // inventory answers while work-orders is down
    await system.restart('work-orders');
    await expectAllAllocatedAndInvariantsHold(ids);
  });

  it('survives the broker restarting mid-saga', async () => {
    const ids = await confirmOrders(10);
    await restartLocalKafka(system.options.kafkaPort);
    await expectAllAllocatedAndInvariantsHold(ids);
  });

  it('applies a reply delivered twice once, and records the late copy as ignored', async () => {
    const kafka = new Kafka({ clientId: 'faults-replies', brokers: kafkaBrokers(system.options).split(','), logLevel: logLevel.NOTHING });
    const [id] = await confirmOrders(1);
    // Generous: the broker restart of the previous case may still have consumers rejoining their groups.
    const order = await warehouse.settled(id!, 120_000);
    const sagaId = order.history.find((entry: any) => entry.event === 'confirmed').detail.sagaId;
    const reservation = order.reservations[0];
    const reply = StockReserved.create(
      {
        lines: [
          {
            reservationId: reservation.reservationId,
            lineId: reservation.lineId,
            sku: reservation.sku,
            quantity: reservation.quantity,
            allocations: reservation.allocations,
          },
        ],
      },
      { correlationId: sagaId, key: sagaId },
    );
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: `${system.options.topicPrefix}${StockReserved.topic}`,
      messages: [
        { key: sagaId, value: JSON.stringify(reply) },
        { key: sagaId, value: JSON.stringify(reply) },
      ],
    });
    await producer.disconnect();
    const saga = await eventually(
      async () => (await api.get(`/sagas/${sagaId}`)).body,
      (found) => found.steps.some((step: any) => step.event === 'ignored' && step.detail.messageId === reply.id),
      { timeoutMs: 120_000, what: 'the late reply to be recorded as ignored' },
    );
    expect(saga.steps.filter((step: any) => step.detail.messageId === reply.id)).toHaveLength(1);
    expect((await api.get(`/work-orders/${id}`)).body.status).toBe('ALLOCATED');
    expect((await checkInvariants(system.options)).violations).toEqual([]);
  });

  it('re-sends a step that gets no reply, marks the saga stuck past its deadline, and an operator retry finishes it', async () => {
    await system.terminate('inventory', 'SIGKILL');
    const [id] = await confirmOrders(1);
    const sagaId = (await api.get(`/work-orders/${id}`)).body.history.find((entry: any) => entry.event === 'confirmed').detail.sagaId;
    const resent = await eventually(
      async () => (await api.get(`/sagas/${sagaId}`)).body,
      (saga) => saga.steps.some((step: any) => step.event === 'resent'),
      { what: 'a re-send' },
    );
    expect(resent.state).toBe('RUNNING');
    const stuck = await eventually(
      async () => (await api.get('/sagas?state=STUCK')).body,
      (list) => list.items.some((saga: any) => saga.id === sagaId),
      { timeoutMs: 30_000, what: 'the saga to be stuck' },
    );
    expect(stuck.counts.STUCK).toBeGreaterThanOrEqual(1);

    const retried = await api.post(`/sagas/${sagaId}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body.state).toBe('RUNNING');
    await system.restart('inventory');
    expect((await warehouse.settled(id!, 60_000)).status).toBe('ALLOCATED');
    expect((await api.get(`/sagas/${sagaId}`)).body.state).toBe('FINISHED');
    // Every copy of the commands (original, re-sends, retry) reserved once.
    const report = await eventually(
      () => checkInvariants(system.options),
      (found) => found.violations.length === 0,
      { timeoutMs: 30_000, intervalMs: 1_000, what: 'every invariant to hold' },
    );
    expect(report.figures.oversoldUnits).toBe(0);
  });
});
