import { deleteTopics, dropDatabases, localKafkaRunning, REPO_ROOT, RunningSystem, startLocalKafka, type SystemOptions } from '@wo/dev-system';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { percentiles, round } from './stats';

/**
 * `npm run bench:volume`: a year of work orders (a million by default) in the work-orders
 * database of a running system, and what the console's reads cost at that size: each list the
 * Work Orders screen asks for (first page, by status, by merchant, a search, by material, a deep
 * page), the status counts and one order's detail, through the gateway as an operator's browser
 * asks them (signed in, JSON), beside the same query sent straight to Postgres (the SQL floor: what
 * the database alone needs). Prints a table and writes .local/volume-report.json.
 */
const POSTGRES_URL = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
const DATABASE_PREFIX = 'wo_volume_';
const MERCHANTS = 50;
const WAREHOUSES = 5;
const SKUS = 5_000;
/** Statuses by share of a year's orders: most are long done. */
const STATUS_SHARES: [string, number][] = [
  ['COMPLETED', 0.7],
  ['CANCELED', 0.1],
  ['DRAFT', 0.05],
  ['OUT_OF_STOCK', 0.05],
  ['ALLOCATED', 0.05],
  ['PROCESSING', 0.05],
];

interface Scenario {
  readonly name: string;
  /** The API request, as the console sends it. */
  readonly path: string;
  /** The same answer straight from Postgres: the statements the answer needs at least. */
  readonly floor: readonly string[];
}

const PAGE = 25;
const LIST_COLUMNS = 'id, status, pending_action, name, number, merchant_id, warehouse_id, scheduled_at, created_at';

function scenarios(ids: { merchant: string; order: string; sku: string; number: string }): Scenario[] {
  const list = (where: string, offset = 0) => [
    `SELECT count(*) FROM work_order w WHERE ${where}`,
    `SELECT ${LIST_COLUMNS} FROM work_order w WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ${PAGE} OFFSET ${offset}`,
  ];
  return [
    { name: 'first page, newest first', path: `/work-orders?pageSize=${PAGE}`, floor: list('true') },
    { name: 'status Allocated', path: `/work-orders?status=ALLOCATED&pageSize=${PAGE}`, floor: list(`status = 'ALLOCATED'`) },
    { name: 'one merchant', path: `/work-orders?merchantId=${ids.merchant}&pageSize=${PAGE}`, floor: list(`merchant_id = '${ids.merchant}'`) },
    {
      name: 'search a number',
      path: `/work-orders?q=${ids.number}&pageSize=${PAGE}`,
      floor: list(`(number ILIKE '%${ids.number}%' OR name ILIKE '%${ids.number}%')`),
    },
    {
      name: 'by material SKU',
      path: `/work-orders?inputSku=${ids.sku}&pageSize=${PAGE}`,
      floor: list(`EXISTS (SELECT 1 FROM work_order_line l WHERE l.work_order_id = w.id AND l.kind = 'MATERIAL' AND l.sku = '${ids.sku}')`),
    },
    { name: 'page 2,000 (deep)', path: `/work-orders?page=2000&pageSize=${PAGE}`, floor: list('true', 1999 * PAGE) },
    { name: 'status counts', path: '/work-orders/status-counts', floor: ['SELECT status, count(*) FROM work_order GROUP BY status'] },
    {
      name: 'one order in full',
      path: `/work-orders/${ids.order}`,
      floor: [
        `SELECT * FROM work_order WHERE id = '${ids.order}'`,
        `SELECT * FROM work_order_line WHERE work_order_id = '${ids.order}' ORDER BY kind, position`,
        `SELECT * FROM work_order_reservation WHERE work_order_id = '${ids.order}' AND status = 'HELD'`,
        `SELECT * FROM work_order_history WHERE work_order_id = '${ids.order}' ORDER BY id`,
        `SELECT * FROM work_order_picking_list WHERE work_order_id = '${ids.order}'`,
      ],
    },
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: '1000000' },
      samples: { type: 'string', default: '60' },
      // Reuse the orders of an earlier run (same --orders): only the measurement runs again.
      reuse: { type: 'boolean', default: false },
    },
  });
  const orders = Number(values.orders);
  const samples = Number(values.samples);
  const options: SystemOptions = {
    gatewayPort: Number(process.env['BENCH_PORT'] ?? 3530),
    databasePrefix: DATABASE_PREFIX,
    postgresUrl: POSTGRES_URL,
    kafkaBrokers: process.env['KAFKA_BROKERS'] ?? null,
    kafkaPort: Number(process.env['KAFKA_PORT'] ?? 9092),
    topicPrefix: `volume-${Date.now()}.`,
    redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    logDir: join(REPO_ROOT, '.local/logs/volume'),
  };
  const log = (line: string) => console.log(`[volume] ${line}`);
  if (options.kafkaBrokers === null && !(await localKafkaRunning(options.kafkaPort))) await startLocalKafka(options.kafkaPort);
  if (!values.reuse) await dropDatabases(options);
  const system = new RunningSystem(options);
  await system.start();
  const db = new Client({ connectionString: `${POSTGRES_URL}/${DATABASE_PREFIX}work_orders` });
  await db.connect();
  const report: Record<string, unknown> = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30), node: process.version },
    orders,
    samples,
  };
  try {
    const present = Number((await db.query('SELECT count(*) AS n FROM work_order')).rows[0].n);
    if (present !== orders) {
      const started = performance.now();
      await db.query('TRUNCATE work_order, work_order_line, work_order_history CASCADE');
      await populate(db, orders, log);
      report['populateSeconds'] = round((performance.now() - started) / 1000);
      log(`${orders} orders written in ${report['populateSeconds']} s`);
    }
    const sizes = await db.query(
      `SELECT relname AS table, pg_size_pretty(pg_total_relation_size(relid)) AS size FROM pg_catalog.pg_statio_user_tables WHERE relname LIKE 'work_order%' ORDER BY pg_total_relation_size(relid) DESC`,
    );
    report['tableSizes'] = Object.fromEntries(sizes.rows.map((row: { table: string; size: string }) => [row.table, row.size]));
    log(`table sizes (with indexes): ${JSON.stringify(report['tableSizes'])}`);
    const ids = (
      await db.query(
        `SELECT w.merchant_id AS merchant, w.id AS order, w.number, l.sku FROM work_order w JOIN work_order_line l ON l.work_order_id = w.id AND l.kind = 'MATERIAL' ORDER BY w.created_at DESC LIMIT 1 OFFSET 500`,
      )
    ).rows[0] as { merchant: string; order: string; sku: string; number: string };
    const api = system.client('admin');
    const results: Record<string, unknown>[] = [];
    for (const scenario of scenarios(ids)) {
      const apiMs: number[] = [];
      const floorMs: number[] = [];
      // One unmeasured round of each first: plans cached, pages in memory, a token in hand.
      await api.get(scenario.path);
      for (const statement of scenario.floor) await db.query(statement);
      for (let sample = 0; sample < samples; sample += 1) {
        let started = performance.now();
        const answer = await api.get(scenario.path);
        if (answer.status !== 200) throw new Error(`GET ${scenario.path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        apiMs.push(performance.now() - started);
        started = performance.now();
        for (const statement of scenario.floor) await db.query(statement);
        floorMs.push(performance.now() - started);
      }
      const apiLatency = percentiles(apiMs);
      const floorLatency = percentiles(floorMs);
      results.push({ scenario: scenario.name, path: scenario.path, apiMs: apiLatency, sqlFloorMs: floorLatency });
      log(
        `${scenario.name.padEnd(26)} API p50 ${String(apiLatency.p50).padStart(7)} ms, p99 ${String(apiLatency.p99).padStart(7)} ms | SQL floor p50 ${String(floorLatency.p50).padStart(7)} ms, p99 ${String(floorLatency.p99).padStart(7)} ms`,
      );
    }
    report['reads'] = results;
  } finally {
    await db.end();
    await system.stop();
    await deleteTopics(options).catch(() => undefined);
  }
  mkdirSync(join(REPO_ROOT, '.local'), { recursive: true });
  writeFileSync(join(REPO_ROOT, '.local/volume-report.json'), JSON.stringify(report, null, 2));
}

/**
 * A year of orders, straight into the tables in batches (the API would take hours): 50 merchants,
 * 5 warehouses, statuses by STATUS_SHARES, one output and two materials each from 5,000 SKUs, two
 * history lines each, created one every ~30 s over the year.
 */
async function populate(db: Client, orders: number, log: (line: string) => void): Promise<void> {
  const merchants = Array.from({ length: MERCHANTS }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
  const warehouses = Array.from({ length: WAREHOUSES }, (_, index) => `00000000-0000-4000-9000-${String(index).padStart(12, '0')}`);
  const bounds = STATUS_SHARES.reduce<{ status: string; upTo: number }[]>(
    (acc, [status, share]) => [...acc, { status, upTo: (acc.at(-1)?.upTo ?? 0) + share }],
    [],
  );
  const statusCase = `CASE ${bounds.map(({ status, upTo }) => `WHEN r < ${upTo} THEN '${status}'`).join(' ')} ELSE 'COMPLETED' END`;
  const secondsPerOrder = (365 * 24 * 3600) / orders;
  const batch = 100_000;
  for (let from = 1; from <= orders; from += batch) {
    const to = Math.min(orders, from + batch - 1);
    // One statement a batch: the orders, and their lines and history from what the insert returns.
    await db.query(
      `WITH orders AS (
         INSERT INTO work_order (id, number, merchant_id, warehouse_id, name, status, created_at, updated_at)
         SELECT gen_random_uuid()::text, 'WO-' || lpad(i::text, 8, '0'), ($1::text[])[1 + i % ${MERCHANTS}], ($2::text[])[1 + i % ${WAREHOUSES}],
                'Gift set ' || (i % 997), ${statusCase},
                now() - make_interval(secs => (${orders} - i) * ${secondsPerOrder}), now() - make_interval(secs => (${orders} - i) * ${secondsPerOrder})
           FROM (SELECT i, random() AS r FROM generate_series($3::int, $4::int) AS i) AS g
         RETURNING id, number, created_at),
       lines AS (
         INSERT INTO work_order_line (id, work_order_id, kind, position, sku, quantity)
         SELECT gen_random_uuid()::text, o.id, line.kind, line.position, 'SKU-' || lpad(((substr(o.number, 4)::int * 7 + line.position * 131) % ${SKUS})::text, 5, '0'), 1 + line.position
           FROM orders o CROSS JOIN (VALUES ('OUTPUT', 0), ('MATERIAL', 1), ('MATERIAL', 2)) AS line(kind, position))
       INSERT INTO work_order_history (work_order_id, event, detail, at)
       SELECT o.id, e.event, '{}'::jsonb, o.created_at FROM orders o CROSS JOIN (VALUES ('created'), ('confirmed')) AS e(event)`,
      [merchants, warehouses, from, to],
    );
    log(`written ${to} of ${orders}`);
  }
  await db.query('ANALYZE work_order, work_order_line, work_order_history');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
