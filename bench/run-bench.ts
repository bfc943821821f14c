import { deleteTopics, dropDatabases, kafkaBrokers, localKafkaRunning, REPO_ROOT, RunningSystem, startLocalKafka } from '@wo/dev-system';
import { ApiClient, WarehouseFixture } from '@wo/testing';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchSystemOptions, POSTGRES_URL } from './bench-system';
import { BaselineReservations } from './baseline';
import { CpuMeter } from './cpu-meter';
import { DatabaseMeter } from './database-meter';
import { SettleWatcher } from './settle-watcher';
import { measureMessagingFloor, type FloorShape } from './messaging-floor';
import { measureStatementCosts } from './statement-costs';
import { percentiles, round, runClosedLoop, runOpenLoop } from './stats';

/**
 * `npm run bench`: confirm-to-settled of work orders with 3 material lines through the real system
 * (gateway, work-orders, Kafka, inventory), beside the same reservation as one Postgres
 * transaction, in two modes: spread (lines from 1,000 SKUs) and contested (every order wants the
 * same 3 SKUs). Prints and writes .local/bench-report.json.
 */
type Mode = 'spread' | 'contested';

/** The system's databases and the baseline's (wo_bench_baseline) share it; `BENCH_DATABASE_PREFIX` lets two benches share a Postgres. */
const BENCH_PREFIX = process.env['BENCH_DATABASE_PREFIX'] ?? 'wo_bench_';
/** `--on-volume`: the saga runs in the volume bench's databases, a year of data in place (seed them first with the volume suite). */
const VOLUME_PREFIX = 'wo_volume_';
let DATABASE_PREFIX = BENCH_PREFIX;
type Lines = { sku: string; quantity: number }[];

interface ModeResult {
  orders: number;
  concurrency: number;
  ordersPerSecond: number;
  latencyMs: ReturnType<typeof percentiles>;
  allocated: number;
  outOfStock: number;
  oversoldUnits: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: '400' },
      concurrency: { type: 'string', default: '16' },
      modes: { type: 'string', default: 'spread,contested' },
      warmup: { type: 'string', default: '200' },
      // The open loop's rate (orders/s); by default half the closed loop's.
      'latency-rate': { type: 'string' },
      // Processes per service, sharing each service's consumer group as replicas on Kubernetes do.
      replicas: { type: 'string', default: '1' },
      // Which bench: `saga` (this one) or `volume` (dispatched before this parse, see the end of the file).
      suite: { type: 'string', default: 'saga' },
      'on-volume': { type: 'boolean', default: false },
    },
  });
  if (values['on-volume']) DATABASE_PREFIX = VOLUME_PREFIX;
  const orders = Number(values.orders);
  const concurrency = Number(values.concurrency);
  const modes = values.modes.split(',') as Mode[];
  const options = benchSystemOptions({ name: 'bench', defaultPort: 3500, databasePrefix: DATABASE_PREFIX, replicas: Number(values.replicas) });
  const log = (line: string) => console.log(`[bench] ${line}`);

  if (options.kafkaBrokers === null && !(await localKafkaRunning(options.kafkaPort))) await startLocalKafka(options.kafkaPort);
  // On the volume databases the year stays: the bench's own warehouse, SKUs and orders are added to it.
  if (!values['on-volume']) await dropDatabases(options);
  const system = new RunningSystem(options);
  await system.start();
  const api = system.client('admin');
  const watcher = await SettleWatcher.start(kafkaBrokers(options), options.topicPrefix);
  const baseline = await BaselineReservations.create(options.postgresUrl, concurrency);
  const report: Record<string, unknown> = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30), node: process.version, kafka: kafkaVersion() },
    orders,
    concurrency,
    replicas: options.replicas,
    databases: DATABASE_PREFIX,
  };
  try {
    // The first few hundred orders after a start run slower (the JVM and V8 compile their hot
    // code): warm up with orders that are not measured, so runs compare.
    const warmup = Number(values.warmup);
    if (warmup > 0) {
      const { warehouse, lines } = await seed(api, 'spread', warmup);
      await benchSaga(system, api, watcher, await createDrafts(warehouse, lines), concurrency);
      log(`warm-up: ${warmup} orders, not measured`);
    }
    for (const mode of modes) {
      log(`${mode}: seeding`);
      const { warehouse, lines, stock } = await seed(api, mode, orders);
      const drafts = await createDrafts(warehouse, lines);
      log(`${mode}: confirming ${orders} drafts, ${concurrency} at a time`);
      const saga = await benchSaga(system, api, watcher, drafts, concurrency);
      log(
        `${mode}: saga ${saga.ordersPerSecond} orders/s, p50 ${saga.latencyMs.p50} ms, p99 ${saga.latencyMs.p99} ms (${saga.allocated} allocated, ${saga.outOfStock} out of stock)`,
      );
      log(`${mode}: saga CPU per order (ms), machine ${saga.machineBusyPercent} % busy: ${JSON.stringify(saga.cpuMsPerOrder)}`);
      log(`${mode}: saga write system calls per order: ${JSON.stringify(saga.writesPerOrder)}`);
      log(`${mode}: saga database work per order: ${JSON.stringify(saga.databaseWorkPerOrder)}`);
      const openRate = values['latency-rate'] ? Number(values['latency-rate']) : saga.ordersPerSecond / 2;
      const halfRate = await benchSagaOpenLoop(api, warehouse, watcher, mode, orders, openRate);
      log(
        `${mode}: saga at ${values['latency-rate'] ? 'a set rate' : 'half the maximum rate'} (${round(openRate)} orders/s): p50 ${halfRate.latencyMs.p50} ms, p95 ${halfRate.latencyMs.p95} ms, p99 ${halfRate.latencyMs.p99} ms`,
      );
      await baseline.seed(stock);
      const local = await benchBaseline(baseline, lines, concurrency);
      log(
        `${mode}: baseline ${local.ordersPerSecond} orders/s, p50 ${local.latencyMs.p50} ms, p99 ${local.latencyMs.p99} ms (${local.allocated} allocated, ${local.outOfStock} out of stock)`,
      );
      log(`${mode}: baseline CPU per order (ms), machine ${local.machineBusyPercent} % busy: ${JSON.stringify(local.cpuMsPerOrder)}`);
      log(`${mode}: baseline database work per order: ${JSON.stringify(local.databaseWorkPerOrder)}`);
      report[mode] = { saga, sagaAtHalfRate: halfRate, baseline: local, ratio: round(saga.ordersPerSecond / local.ordersPerSecond, 2) };
      log(`${mode}: ratio saga/baseline ${round(saga.ordersPerSecond / local.ordersPerSecond, 2)}`);
    }
    // The floor of the messaging alone, on the same broker in the same run: how much of the gap
    // to the baseline is Kafka's hops, per line (the contract before ReserveStock v2) and per order (v2, today's).
    const floor: Record<string, unknown> = {};
    for (const shape of ['per-line', 'per-order'] as FloorShape[]) {
      const result = await measureMessagingFloor({ brokers: kafkaBrokers(options).split(','), partitions: 8, orders, linesPerOrder: 3, concurrency, shape });
      floor[shape] = result;
      log(
        `messaging floor, ${shape} (${result.messagesPerOrder} messages per order, no database): ${result.ordersPerSecond} orders/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, CPU per order (ms) ${JSON.stringify(result.cpuMsPerOrder)}`,
      );
    }
    report['messagingFloor'] = floor;
    report['residentMemoryMiB'] = system.residentMemoryMiB();
    log(`resident memory (MiB): ${JSON.stringify(report['residentMemoryMiB'])}`);
    report['statementCosts'] = await measureStatementCosts(`${options.postgresUrl}/${options.databasePrefix}inventory`);
    log(`CPU per SQL statement in the sending process (µs): ${JSON.stringify(report['statementCosts'])}`);
  } finally {
    await watcher.stop();
    await baseline.close();
    await system.stop();
    await deleteTopics(options).catch(() => undefined);
  }
  mkdirSync(join(REPO_ROOT, '.local'), { recursive: true });
  writeFileSync(join(REPO_ROOT, '.local/bench-report.json'), JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report, null, 2));
}

/** A warehouse with the mode's SKUs and stock; each order's 3 lines; the same stock for the baseline. */
async function seed(api: ApiClient, mode: Mode, orders: number) {
  const skuCount = mode === 'spread' ? 1_000 : 3;
  const skus = Array.from({ length: skuCount }, (_, index) => `${mode.toUpperCase()}-${String(index).padStart(4, '0')}`);
  const warehouse = await WarehouseFixture.create(api, { skus: [...skus, 'BENCH-KIT'] });
  // Spread: plenty of everything. Contested: enough for 60% of the orders, so some end Out of Stock.
  const perSku = mode === 'spread' ? 10 * orders : Math.round(orders * 0.6);
  const stock = skus.map((sku) => ({ sku, quantity: perSku }));
  await Promise.all(
    chunk(stock, 50).map(async (part) => {
      for (const item of part) await warehouse.stock([{ sku: item.sku, locationCode: 'A-01', quantity: item.quantity }]);
    }),
  );
  const lines: Lines[] = Array.from({ length: orders }, () => {
    const chosen = mode === 'spread' ? pickDistinct(skus, 3) : skus;
    return chosen.map((sku) => ({ sku, quantity: 1 }));
  });
  return { warehouse, lines, stock };
}

/** A closed loop's results and what it cost: CPU per process, database work per database. */
type Measured = ModeResult & {
  cpuMsPerOrder: Record<string, number>;
  writesPerOrder: Record<string, number>;
  machineBusyPercent: number;
  databaseWorkPerOrder: Record<string, { transactions: number; rowsWritten: number }>;
};

async function benchSaga(
  system: RunningSystem,
  api: ApiClient,
  watcher: SettleWatcher,
  drafts: Drafts,
  concurrency: number,
): Promise<Measured & { monotonicWindowUs: { start: number; end: number } }> {
  const { ids, warehouse } = drafts;
  const latencies: number[] = [];
  const outcomes = { allocated: 0, outOfStock: 0 };
  const databases = await DatabaseMeter.start(POSTGRES_URL, DATABASE_PREFIX);
  const meter = CpuMeter.start(system.pids());
  const started = performance.now();
  const windowStartUs = monotonicMicros();
  await runClosedLoop(ids, concurrency, async (id) => {
    const t0 = performance.now();
    const settled = watcher.settled(id);
    const response = await api.post(`/work-orders/${id}/confirm`);
    if (response.status !== 202) throw new Error(`confirm answered ${response.status}`);
    outcomes[await settled] += 1;
    latencies.push(performance.now() - t0);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = meter.perUnit(ids.length);
  // The closed loop's stretch on the clock V8's CPU profiles use, to cut them to it (profile-window).
  const monotonicWindowUs = { start: windowStartUs, end: monotonicMicros() };
  const databaseWorkPerOrder = await databases.perUnit(ids.length);
  return {
    orders: ids.length,
    concurrency,
    ordersPerSecond: round(ids.length / seconds),
    latencyMs: percentiles(latencies),
    ...outcomes,
    oversoldUnits: await oversold(api, warehouse),
    ...cpu,
    databaseWorkPerOrder,
    monotonicWindowUs,
  };
}

function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

async function benchSagaOpenLoop(api: ApiClient, warehouse: WarehouseFixture, watcher: SettleWatcher, mode: Mode, orders: number, perSecond: number) {
  const skus = (await api.get(`/products?merchantId=${warehouse.merchantId}`)).body
    .map((product: { sku: string }) => product.sku)
    .filter((sku: string) => sku !== 'BENCH-KIT');
  const count = Math.min(orders, Math.max(50, Math.round(perSecond * 20)));
  const lines = Array.from({ length: count }, () => (mode === 'spread' ? pickDistinct(skus, 3) : skus).map((sku: string) => ({ sku, quantity: 1 })));
  const { ids } = await createDrafts(warehouse, lines);
  // The latency phase measures allocations: give the contested SKUs enough for every order in it.
  if (mode === 'contested') await warehouse.stock(skus.map((sku: string) => ({ sku, locationCode: 'A-02', quantity: count })));
  const latencies: number[] = [];
  await runOpenLoop(ids, perSecond, async (id) => {
    const t0 = performance.now();
    const settled = watcher.settled(id);
    const response = await api.post(`/work-orders/${id}/confirm`);
    if (response.status !== 202) throw new Error(`confirm answered ${response.status}: ${JSON.stringify(response.body)}`);
    await settled;
    latencies.push(performance.now() - t0);
  });
  return { orders: count, ordersPerSecond: round(perSecond), latencyMs: percentiles(latencies) };
}

async function benchBaseline(baseline: BaselineReservations, lines: Lines[], concurrency: number): Promise<Measured> {
  const latencies: number[] = [];
  const outcomes = { allocated: 0, outOfStock: 0 };
  const databases = await DatabaseMeter.start(POSTGRES_URL, DATABASE_PREFIX);
  const meter = CpuMeter.start({});
  const started = performance.now();
  await runClosedLoop(lines, concurrency, async (orderLines) => {
    const t0 = performance.now();
    outcomes[await baseline.reserve(orderLines)] += 1;
    latencies.push(performance.now() - t0);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = meter.perUnit(lines.length);
  const databaseWorkPerOrder = await databases.perUnit(lines.length);
  return {
    orders: lines.length,
    concurrency,
    ordersPerSecond: round(lines.length / seconds),
    latencyMs: percentiles(latencies),
    ...outcomes,
    oversoldUnits: await baseline.oversold(),
    ...cpu,
    databaseWorkPerOrder,
  };
}

/** Draft work orders to confirm, made before the measured stretch. */
interface Drafts {
  warehouse: WarehouseFixture;
  ids: string[];
}

async function createDrafts(warehouse: WarehouseFixture, lines: Lines[]): Promise<Drafts> {
  const ids: string[] = [];
  await runClosedLoop(lines, 8, async (materials) => {
    ids.push((await warehouse.workOrder({ outputs: [{ sku: 'BENCH-KIT', quantity: 1 }], materials })).id);
  });
  return { warehouse, ids };
}

async function oversold(api: ApiClient, warehouse: WarehouseFixture): Promise<number> {
  const rows = (await api.get(`/inventory?warehouseId=${warehouse.warehouseId}`)).body as { onHand: number; reserved: number }[];
  return rows.reduce((sum, row) => sum + Math.max(0, row.reserved - row.onHand), 0);
}

function pickDistinct<T>(items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < count) chosen.add(items[Math.floor(Math.random() * items.length)]!);
  return [...chosen];
}

function chunk<T>(items: T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, index) => items.filter((_, itemIndex) => itemIndex % parts === index));
}

function kafkaVersion(): string {
  return /<kafka\.version>(.*)<\/kafka\.version>/.exec(readFileSync(join(REPO_ROOT, 'deploy/kafka/pom.xml'), 'utf8'))?.[1] ?? 'unknown';
}

// `--suite volume` hands the whole run to the volume bench, which reads its own options from the
// same command line (`npm run bench -- --suite volume --reuse`); the saga suite is the default.
if (parseArgs({ options: { suite: { type: 'string', default: 'saga' } }, strict: false }).values.suite === 'volume') {
  void import('./volume-bench.js');
} else {
  main().catch((error: Error) => {
    console.error(`bench failed: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
