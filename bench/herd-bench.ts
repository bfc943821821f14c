import { deleteTopics, dropDatabases, localKafkaRunning, REPO_ROOT, RunningSystem, startLocalKafka } from '@wo/dev-system';
import { eventually, WarehouseFixture } from '@wo/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchSystemOptions, POSTGRES_URL } from './bench-system';
import { Client } from 'pg';
import { round } from './stats';

/**
 * `npm run bench:herd` (issue 13's "no thundering herd"): N Out of Stock orders with auto-retry wait
 * on one SKU (mixed priorities, one unit each); a restock of R units arrives; the re-allocation
 * queue must try them in turn until the stock is used (about R + 1 allocation sagas, the last one
 * short), not N sagas at once. Prints the sagas the restock started, how long until the R most
 * urgent orders were Allocated, and whether exactly those got the stock. Writes .local/herd-report.json.
 */
const DATABASE_PREFIX = 'wo_herd_';
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { waiting: { type: 'string', default: '500' }, restock: { type: 'string', default: '100' } } });
  const waiting = Number(values.waiting);
  const restock = Number(values.restock);
  const options = benchSystemOptions({ name: 'herd', defaultPort: 3560, databasePrefix: DATABASE_PREFIX });
  const log = (line: string) => console.log(`[herd] ${line}`);
  if (options.kafkaBrokers === null && !(await localKafkaRunning(options.kafkaPort))) await startLocalKafka(options.kafkaPort);
  await dropDatabases(options);
  const system = new RunningSystem(options);
  await system.start();
  const db = new Client({ connectionString: `${POSTGRES_URL}/${DATABASE_PREFIX}work_orders` });
  await db.connect();
  try {
    const api = system.client('admin');
    const warehouse = await WarehouseFixture.create(api, { skus: ['HERD-PART', 'HERD-KIT'], locations: ['A-01'] });
    // Mixed priorities, created in a shuffled order, so turn is not simply creation order.
    const ids: { id: string; priority: number }[] = [];
    for (let index = 0; index < waiting; index += 1) {
      const priority = [0, 1, 1, 1, 2, 2, 3][index % 7]!;
      const order = await warehouse.workOrder({
        priority: PRIORITIES[priority],
        outputs: [{ sku: 'HERD-KIT', quantity: 1 }],
        materials: [{ sku: 'HERD-PART', quantity: 1 }],
      });
      ids.push({ id: order.id, priority });
    }
    log(`${waiting} drafts; confirming them with no stock`);
    for (const { id } of ids) await api.post(`/work-orders/${id}/confirm`);
    await eventually(
      () => statusCount(db, warehouse.warehouseId, 'OUT_OF_STOCK'),
      (count) => count === waiting,
      { timeoutMs: 300_000, intervalMs: 1_000, what: `${waiting} orders Out of Stock` },
    );
    const sagasBefore = await allocationSagas(db);
    log(`${waiting} Out of Stock, waiting in the queue; restocking ${restock} units`);

    const restocked = performance.now();
    await warehouse.stock([{ sku: 'HERD-PART', locationCode: 'A-01', quantity: restock }]);
    const allocatedAt: number[] = [];
    let allocated = 0;
    while (allocated < restock) {
      const now = await statusCount(db, warehouse.warehouseId, 'ALLOCATED');
      for (let index = allocated; index < now; index += 1) allocatedAt.push(performance.now() - restocked);
      allocated = now;
      if (performance.now() - restocked > 300_000) throw new Error(`only ${allocated} of ${restock} allocated after 300 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Let the queue try the next in line (short) and stop.
    await eventually(
      () => db.query(`SELECT count(*)::int AS n FROM saga_instance WHERE type = 'allocation' AND state = 'RUNNING'`),
      (result) => result.rows[0].n === 0,
      { timeoutMs: 60_000, intervalMs: 500, what: 'the queue to settle' },
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const sagasStarted = (await allocationSagas(db)) - sagasBefore;
    const { rows } = await db.query<{ id: string; status: string; priority: number }>(
      `SELECT id, status, priority FROM work_order WHERE warehouse_id = $1 ORDER BY priority DESC, scheduled_at NULLS LAST, created_at, id`,
      [warehouse.warehouseId],
    );
    // The queue's turn: the first R orders in it are the ones that should hold the stock now.
    const inTurn = rows.slice(0, restock).every((row) => row.status === 'ALLOCATED') && rows.slice(restock).every((row) => row.status === 'OUT_OF_STOCK');
    const report = {
      waiting,
      restock,
      allocationSagasStarted: sagasStarted,
      ideal: restock + 1,
      allocated: rows.filter((row) => row.status === 'ALLOCATED').length,
      stillOutOfStock: rows.filter((row) => row.status === 'OUT_OF_STOCK').length,
      inPriorityOrder: inTurn,
      secondsToFirstAllocated: round((allocatedAt[0] ?? 0) / 1000, 2),
      secondsToAllAllocated: round((allocatedAt.at(-1) ?? 0) / 1000, 2),
      allocatedPerSecond: round(restock / ((allocatedAt.at(-1) ?? 1) / 1000)),
    };
    log(
      `restock of ${restock} for ${waiting} waiting: ${sagasStarted} allocation sagas (ideal ${restock + 1}), ${report.allocated} Allocated, ` +
        `${report.stillOutOfStock} still Out of Stock, in the queue's order: ${inTurn}; first Allocated after ${report.secondsToFirstAllocated} s, ` +
        `all ${restock} after ${report.secondsToAllAllocated} s (${report.allocatedPerSecond}/s)`,
    );
    mkdirSync(join(REPO_ROOT, '.local'), { recursive: true });
    writeFileSync(join(REPO_ROOT, '.local/herd-report.json'), JSON.stringify(report, null, 2));
    if (!inTurn || sagasStarted > restock + 2) process.exitCode = 1;
  } finally {
    await db.end();
    await system.stop();
    await deleteTopics(options).catch(() => undefined);
  }
}

async function statusCount(db: Client, warehouseId: string, status: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM work_order WHERE warehouse_id = $1 AND status = $2 AND pending_action IS NULL`,
    [warehouseId, status],
  );
  return rows[0]!.n;
}

async function allocationSagas(db: Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM saga_instance WHERE type = 'allocation'`);
  return rows[0]!.n;
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: Error) => {
    console.error(`herd bench failed: ${error.stack ?? error.message}`);
    process.exit(2);
  });
