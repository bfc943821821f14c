import { deleteTopics, dropDatabases, localKafkaRunning, REPO_ROOT, RunningSystem, startLocalKafka } from '@wo/dev-system';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchSystemOptions, POSTGRES_URL } from './bench-system';
import { TOTAL_COUNT_CAP, workOrderStatuses } from '@wo/contracts/rest';
import { DATABASE_SESSION_OPTIONS } from '@wo/database';
import { encodeCursor } from '@wo/platform';
import { Client } from 'pg';
import { percentiles, round } from './stats';
import { seedYear, SHAPE } from './volume-seed';

/**
 * `npm run bench:volume` (or `npm run bench -- --suite volume`): a year of a warehouse network (a
 * million work orders by default, with their lines, 300 merchants, 30 warehouses, 200,000 SKUs,
 * stock, reservations, a ledger of three million movements, picking requests and lists; see
 * volume-seed.ts) in the databases of a running system, and what each screen's reads cost at that
 * size: the Work Orders list with each filter alone and combined at the first and a deep page, the
 * status counts, one order in full, Inventory, Movements, Picking Requests, Products (and the SKU
 * picker's search), Reservations, Picking Lists and Inbound Orders, through the gateway
 * as an operator's browser asks them (signed in, JSON), beside the same query sent straight to
 * Postgres (the SQL floor: what the database alone needs). Prints a table and writes
 * .local/volume-report.json.
 */
const DATABASE_PREFIX = 'wo_volume_';
const PAGE = 25;
/** The deep page: 2,000 pages of 25 in, or the last page of a filter that matches fewer. */
const DEEP_OFFSET = 1999 * PAGE;

type Service = 'workOrders' | 'inventory' | 'picking' | 'inbound';

interface Scenario {
  readonly name: string;
  /** The API request, as the console sends it. */
  readonly path: string;
  /** The same answer straight from Postgres: the statements the answer needs at least, in the service's database. */
  readonly floor: readonly string[];
  readonly database: Service;
}

const LIST_COLUMNS = 'id, status, pending_action, name, number, merchant_id, warehouse_id, scheduled_at, priority, created_at';

/** What the scenarios point at: a big merchant, a warehouse, a number, a name, popular SKUs. */
interface Targets {
  merchant: string;
  warehouse: string;
  order: string;
  /** A Completed order: it has an inbound order and a Done picking list. */
  completedOrder: string;
  number: string;
  name: string;
  inputSku: string;
  outputSku: string;
  stockSku: string;
}

/**
 * How the lists page and count. `offset` is the API before keyset paging (exact counts, `page`
 * only): its floors are an exact count and an OFFSET. `cursor` is today's: counts stop at the cap,
 * and a deep page is read `after` the cursor of the row before it (the same rows as the offset
 * page), beside the deepest page the console's pager reaches by number.
 */
type Paging = 'offset' | 'cursor';

/** Counts as the API of that paging does: exact, or up to the cap. */
function countOf(paging: Paging, from: string): string {
  return paging === 'offset' ? `SELECT count(*) ${from}` : `SELECT count(*) FROM (SELECT 1 ${from} LIMIT ${TOTAL_COUNT_CAP + 1}) AS c`;
}

/** The deep page's first row: its offset, or the last page's of a filter that matches fewer rows. */
function deepOffset(matches: number): number {
  return Math.max(0, Math.min(DEEP_OFFSET, Math.floor((matches - 1) / PAGE) * PAGE));
}

/** The Work Orders list of one filter, at the first page and at a deep one (`matches`: how many rows it matches). */
async function workOrderList(db: Client, paging: Paging, name: string, query: string, where: string, matches: number): Promise<Scenario[]> {
  const from = `FROM work_order w WHERE ${where}`;
  // A page and one more row (whether a next page follows), as the API reads it.
  const take = paging === 'offset' ? PAGE : PAGE + 1;
  const floor = (offset: number) => [countOf(paging, from), `SELECT ${LIST_COLUMNS} ${from} ORDER BY created_at DESC, id DESC LIMIT ${take} OFFSET ${offset}`];
  const deep = deepOffset(matches);
  const prefix = query === '' ? '' : `${query}&`;
  const scenarios: Scenario[] = [{ name: `${name}, first page`, path: `/work-orders?${prefix}pageSize=${PAGE}`, floor: floor(0), database: 'workOrders' }];
  if (paging === 'offset' || deep === 0) {
    scenarios.push({
      name: `${name}, page ${deep / PAGE + 1}`,
      path: `/work-orders?${prefix}page=${deep / PAGE + 1}&pageSize=${PAGE}`,
      floor: floor(deep),
      database: 'workOrders',
    });
    return scenarios;
  }
  const { rows } = await db.query<{ created_at: string; id: string }>(
    `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, id ${from} ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ${deep - 1}`,
  );
  const before = rows[0]!;
  const keyset = `${where} AND created_at <= '${before.created_at}' AND (created_at < '${before.created_at}' OR (created_at = '${before.created_at}' AND id < '${before.id}'))`;
  scenarios.push({
    name: `${name}, page ${deep / PAGE + 1} by cursor`,
    path: `/work-orders?${prefix}after=${encodeCursor('-createdAt', [before.created_at, before.id])}&pageSize=${PAGE}`,
    floor: [countOf(paging, from), `SELECT ${LIST_COLUMNS} FROM work_order w WHERE ${keyset} ORDER BY created_at DESC, id DESC LIMIT ${take}`],
    database: 'workOrders',
  });
  // The console pages by number, and a capped total gives its pager TOTAL_COUNT_CAP / PAGE pages at most.
  const pagerDeepest = Math.min(deep, TOTAL_COUNT_CAP - PAGE);
  scenarios.push({
    name: `${name}, page ${pagerDeepest / PAGE + 1}`,
    path: `/work-orders?${prefix}page=${pagerDeepest / PAGE + 1}&pageSize=${PAGE}`,
    floor: floor(pagerDeepest),
    database: 'workOrders',
  });
  return scenarios;
}

function workOrderFilters(t: Targets) {
  const material = (sku: string) => `EXISTS (SELECT 1 FROM work_order_line l WHERE l.work_order_id = w.id AND l.kind = 'MATERIAL' AND l.sku = '${sku}')`;
  const output = (sku: string) => `EXISTS (SELECT 1 FROM work_order_line l WHERE l.work_order_id = w.id AND l.kind = 'OUTPUT' AND l.sku = '${sku}')`;
  const search = (term: string) => `(number ILIKE '%${term}%' OR name ILIKE '%${term}%')`;
  return [
    { name: 'no filter', query: '', where: 'true' },
    { name: 'status Allocated', query: 'status=ALLOCATED', where: `status = 'ALLOCATED'` },
    { name: 'status Completed', query: 'status=COMPLETED', where: `status = 'COMPLETED'` },
    { name: 'one merchant', query: `merchantId=${t.merchant}`, where: `merchant_id = '${t.merchant}'` },
    { name: 'search a number', query: `q=${t.number}`, where: search(t.number) },
    { name: 'search a name', query: `q=${encodeURIComponent(t.name)}`, where: search(t.name) },
    { name: 'input SKU', query: `inputSku=${t.inputSku}`, where: material(t.inputSku) },
    { name: 'output SKU', query: `outputSku=${t.outputSku}`, where: output(t.outputSku) },
    { name: 'one warehouse', query: `warehouseId=${t.warehouse}`, where: `warehouse_id = '${t.warehouse}'` },
    {
      name: 'status + merchant + warehouse',
      query: `status=ALLOCATED&status=PROCESSING&merchantId=${t.merchant}&warehouseId=${t.warehouse}`,
      where: `status IN ('ALLOCATED', 'PROCESSING') AND merchant_id = '${t.merchant}' AND warehouse_id = '${t.warehouse}'`,
    },
    {
      name: 'merchant + input SKU + search',
      query: `merchantId=${t.merchant}&inputSku=${t.inputSku}&q=Gift`,
      where: `merchant_id = '${t.merchant}' AND ${material(t.inputSku)} AND ${search('Gift')}`,
    },
  ];
}

async function otherScreens(
  databases: Record<Service, Client>,
  paging: Paging,
  t: Targets,
  deepStockOffset: number,
  deepMovementOffset: number,
  deepRequestOffset: number,
): Promise<Scenario[]> {
  const take = paging === 'offset' ? PAGE : PAGE + 1;
  const stockPage = (where: string, offset: number) =>
    `SELECT s.*, l.expires_on, p.lot_tracked FROM stock_level s
       JOIN (SELECT DISTINCT warehouse_id, merchant_id, sku FROM stock_level s WHERE ${where} ORDER BY 1, 2, 3 LIMIT ${take} OFFSET ${offset}) k USING (warehouse_id, merchant_id, sku)
       LEFT JOIN lot l ON l.merchant_id = s.merchant_id AND l.sku = s.sku AND l.code = s.lot_code
       LEFT JOIN product p ON p.merchant_id = s.merchant_id AND p.sku = s.sku
      ORDER BY s.warehouse_id, s.merchant_id, s.sku, s.location_code`;
  const stockCount = (where: string) => countOf(paging, `FROM (SELECT DISTINCT warehouse_id, merchant_id, sku FROM stock_level s WHERE ${where}) k`);
  // Before keyset paging the API read every bin the filter matched and paged them in memory.
  const stock = (where: string, offset: number) =>
    paging === 'offset'
      ? [
          `SELECT s.*, l.expires_on, p.lot_tracked FROM stock_level s LEFT JOIN lot l ON l.merchant_id = s.merchant_id AND l.sku = s.sku AND l.code = s.lot_code
            LEFT JOIN product p ON p.merchant_id = s.merchant_id AND p.sku = s.sku WHERE ${where} ORDER BY s.warehouse_id, s.merchant_id, s.sku, s.location_code`,
        ]
      : [stockCount(where), stockPage(where, offset)];
  const movements = (where: string, offset: number) => [
    countOf(paging, `FROM stock_movement WHERE ${where}`),
    `SELECT * FROM stock_movement WHERE ${where} ORDER BY id LIMIT ${take} OFFSET ${offset}`,
  ];
  const requests = (offset: number) => [
    `SELECT count(DISTINCT work_order_id) FROM picking_request WHERE warehouse_id = '${t.warehouse}' AND status = 'OPEN'`,
    `SELECT r.* FROM picking_request r JOIN (SELECT work_order_number, work_order_id FROM picking_request WHERE warehouse_id = '${t.warehouse}' AND status = 'OPEN'
        GROUP BY 1, 2 ORDER BY 1, 2 LIMIT ${PAGE} OFFSET ${offset}) o USING (work_order_id) WHERE r.status = 'OPEN' ORDER BY r.work_order_number, r.work_order_id, r.sku`,
  ];
  const deepPage = (offset: number) => offset / PAGE + 1;
  const cursorScenarios: Scenario[] = [];
  if (paging === 'cursor') {
    const key = (
      await databases.inventory.query<{ warehouse_id: string; merchant_id: string; sku: string }>(
        `SELECT DISTINCT warehouse_id, merchant_id, sku FROM stock_level ORDER BY 1, 2, 3 LIMIT 1 OFFSET ${deepStockOffset - 1}`,
      )
    ).rows[0]!;
    const keyset = `(s.warehouse_id, s.merchant_id, s.sku) > ('${key.warehouse_id}', '${key.merchant_id}', '${key.sku}')`;
    cursorScenarios.push({
      name: `inventory, page ${deepPage(deepStockOffset)} by cursor`,
      path: `/inventory?after=${encodeCursor('stock', [key.warehouse_id, key.merchant_id, key.sku])}&pageSize=${PAGE}`,
      floor: [stockCount('true'), stockPage(keyset, 0)],
      database: 'inventory',
    });
    const id = (await databases.inventory.query<{ id: string }>(`SELECT id FROM stock_movement ORDER BY id LIMIT 1 OFFSET ${deepMovementOffset - 1}`)).rows[0]!
      .id;
    cursorScenarios.push({
      name: `movements, page ${deepPage(deepMovementOffset)} by cursor`,
      path: `/inventory/movements?after=${encodeCursor('movements', [id])}&pageSize=${PAGE}`,
      floor: [countOf(paging, 'FROM stock_movement'), `SELECT * FROM stock_movement WHERE id > ${id} ORDER BY id LIMIT ${take}`],
      database: 'inventory',
    });
  }
  return [
    ...cursorScenarios,
    { name: 'status counts', path: '/work-orders/status-counts', floor: statusCounts(paging, 'true'), database: 'workOrders' },
    {
      name: 'status counts, one merchant',
      path: `/work-orders/status-counts?merchantId=${t.merchant}`,
      floor: statusCounts(paging, `merchant_id = '${t.merchant}'`),
      database: 'workOrders',
    },
    {
      name: 'one order in full',
      path: `/work-orders/${t.order}`,
      floor: [
        `SELECT * FROM work_order WHERE id = '${t.order}'`,
        `SELECT * FROM work_order_line WHERE work_order_id = '${t.order}' ORDER BY kind, position`,
        `SELECT * FROM work_order_reservation WHERE work_order_id = '${t.order}' AND status = 'HELD'`,
        `SELECT * FROM work_order_history WHERE work_order_id = '${t.order}' ORDER BY id`,
        `SELECT * FROM work_order_picking_list WHERE work_order_id = '${t.order}'`,
      ],
      database: 'workOrders',
    },
    { name: 'inventory, first page', path: `/inventory?pageSize=${PAGE}`, floor: stock('true', 0), database: 'inventory' },
    {
      name: `inventory, page ${deepPage(deepStockOffset)}`,
      path: `/inventory?page=${deepPage(deepStockOffset)}&pageSize=${PAGE}`,
      floor: stock('true', deepStockOffset),
      database: 'inventory',
    },
    {
      name: 'inventory, one warehouse',
      path: `/inventory?warehouseId=${t.warehouse}&pageSize=${PAGE}`,
      floor: stock(`s.warehouse_id = '${t.warehouse}'`, 0),
      database: 'inventory',
    },
    {
      name: 'inventory, one SKU',
      path: `/inventory?merchantId=${t.merchant}&sku=${t.stockSku}&pageSize=${PAGE}`,
      floor: stock(`s.merchant_id = '${t.merchant}' AND s.sku = '${t.stockSku}'`, 0),
      database: 'inventory',
    },
    { name: 'movements, first page', path: `/inventory/movements?pageSize=${PAGE}`, floor: movements('true', 0), database: 'inventory' },
    {
      name: `movements, page ${deepPage(deepMovementOffset)}`,
      path: `/inventory/movements?page=${deepPage(deepMovementOffset)}&pageSize=${PAGE}`,
      floor: movements('true', deepMovementOffset),
      database: 'inventory',
    },
    {
      name: 'movements, one SKU',
      path: `/inventory/movements?warehouseId=${t.warehouse}&merchantId=${t.merchant}&sku=${t.stockSku}&pageSize=${PAGE}`,
      floor: movements(`warehouse_id = '${t.warehouse}' AND merchant_id = '${t.merchant}' AND sku = '${t.stockSku}'`, 0),
      database: 'inventory',
    },
    { name: 'picking requests, first page', path: `/picking-requests?warehouseId=${t.warehouse}&pageSize=${PAGE}`, floor: requests(0), database: 'picking' },
    {
      name: `picking requests, page ${deepPage(deepRequestOffset)}`,
      path: `/picking-requests?warehouseId=${t.warehouse}&page=${deepPage(deepRequestOffset)}&pageSize=${PAGE}`,
      floor: requests(deepRequestOffset),
      database: 'picking',
    },
  ];
}

/**
 * Products (the SKU picker's search and the Products screen), Inventory's Reservations and the
 * Picking Lists: each page with the child rows the API includes, read for the floor by the ids of
 * that page (as Prisma's include reads them).
 */
async function holdingsAndReference(databases: Record<Service, Client>, paging: Paging, t: Targets): Promise<Scenario[]> {
  const ids = async (service: Service, sql: string) =>
    (await databases[service].query<{ id: string }>(sql)).rows.map((row) => `'${row.id}'`).join(', ') || "''";
  const products = (where: string, limit = PAGE) => [
    countOf(paging, `FROM product WHERE ${where}`),
    `SELECT * FROM product WHERE ${where} ORDER BY sku, merchant_id, id LIMIT ${limit}`,
  ];
  const search = (term: string) => `(sku ILIKE '${term}%' OR name ILIKE '%${term}%')`;
  const reservations = async (where: string, offset: number) => {
    const page = `SELECT * FROM reservation WHERE work_order_id <> '' AND ${where} ORDER BY created_at, id LIMIT ${PAGE} OFFSET ${offset}`;
    return [
      countOf(paging, `FROM reservation WHERE work_order_id <> '' AND ${where}`),
      page,
      `SELECT * FROM reservation_allocation WHERE reservation_id IN (${await ids('inventory', page)})`,
    ];
  };
  const lists = async (where: string) => {
    const page = `SELECT * FROM picking_list p WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ${PAGE}`;
    return [
      countOf(paging, `FROM picking_list p WHERE ${where}`),
      page,
      `SELECT * FROM picking_list_line WHERE list_id IN (${await ids('picking', page)}) ORDER BY position`,
    ];
  };
  const inbound = async (where: string) => {
    const page = `SELECT * FROM inbound_order WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ${PAGE}`;
    const pageIds = await ids('inbound', page);
    return [
      countOf(paging, `FROM inbound_order WHERE ${where}`),
      page,
      `SELECT * FROM inbound_order_line WHERE inbound_order_id IN (${pageIds}) ORDER BY sku`,
      `SELECT * FROM inbound_putaway WHERE inbound_order_id IN (${pageIds}) ORDER BY created_at`,
    ];
  };
  const skuPrefix = t.stockSku.slice(0, -2);
  const held = `status = 'RESERVED' AND sku = '${t.stockSku}'`;
  return [
    { name: 'products, first page', path: `/products?pageSize=${PAGE}`, floor: products('true'), database: 'inventory' },
    {
      name: 'products, one merchant',
      path: `/products?merchantId=${t.merchant}&pageSize=${PAGE}`,
      floor: products(`merchant_id = '${t.merchant}'`),
      database: 'inventory',
    },
    { name: 'products, SKU picker by SKU', path: `/products?q=${skuPrefix}&limit=50`, floor: products(search(skuPrefix), 50), database: 'inventory' },
    {
      name: 'products, SKU picker by name',
      path: `/products?q=${encodeURIComponent('Product 4242')}&limit=50`,
      floor: products(search('Product 4242'), 50),
      database: 'inventory',
    },
    { name: 'reservations, first page', path: `/inventory/reservations?pageSize=${PAGE}`, floor: await reservations('true', 0), database: 'inventory' },
    {
      name: 'reservations, page 2000',
      path: `/inventory/reservations?page=2000&pageSize=${PAGE}`,
      floor: await reservations('true', DEEP_OFFSET),
      database: 'inventory',
    },
    {
      name: 'reservations, one work order',
      path: `/inventory/reservations?workOrderId=${t.order}`,
      floor: await reservations(`work_order_id = '${t.order}'`, 0),
      database: 'inventory',
    },
    {
      name: 'reservations, held of one SKU',
      path: `/inventory/reservations?status=RESERVED&sku=${t.stockSku}&pageSize=${PAGE}`,
      floor: await reservations(held, 0),
      database: 'inventory',
    },
    {
      name: 'picking lists, one warehouse',
      path: `/picking-lists?warehouseId=${t.warehouse}&pageSize=${PAGE}`,
      floor: await lists(`warehouse_id = '${t.warehouse}'`),
      database: 'picking',
    },
    {
      name: 'picking lists, in progress',
      path: `/picking-lists?warehouseId=${t.warehouse}&status=IN_PROGRESS&pageSize=${PAGE}`,
      floor: await lists(`warehouse_id = '${t.warehouse}' AND status = 'IN_PROGRESS'`),
      database: 'picking',
    },
    {
      name: 'inbound orders, one warehouse',
      path: `/inbound-orders?warehouseId=${t.warehouse}&pageSize=${PAGE}`,
      floor: await inbound(`warehouse_id = '${t.warehouse}'`),
      database: 'inbound',
    },
    {
      name: 'inbound orders, waiting in one warehouse',
      path: `/inbound-orders?warehouseId=${t.warehouse}&status=PENDING&pageSize=${PAGE}`,
      floor: await inbound(`warehouse_id = '${t.warehouse}' AND status = 'PENDING'`),
      database: 'inbound',
    },
    { name: 'inbound orders, first page', path: `/inbound-orders?pageSize=${PAGE}`, floor: await inbound('true'), database: 'inbound' },
    {
      name: 'inbound orders, one work order',
      path: `/inbound-orders?workOrderId=${t.completedOrder}`,
      floor: await inbound(`source = 'WORK_ORDER' AND source_id = '${t.completedOrder}'`),
      database: 'inbound',
    },
    {
      name: 'picking lists, one work order',
      path: `/picking-lists?workOrderId=${t.order}`,
      floor: await lists(`EXISTS (SELECT 1 FROM picking_list_line l WHERE l.list_id = p.id AND l.work_order_id = '${t.order}')`),
      database: 'picking',
    },
  ];
}

/** One GROUP BY over what the filter matches, or (capped) a count up to the cap per status. */
function statusCounts(paging: Paging, where: string): string[] {
  return paging === 'offset'
    ? [`SELECT status, count(*) FROM work_order WHERE ${where} GROUP BY status`]
    : workOrderStatuses.map((status) => countOf(paging, `FROM work_order WHERE status = '${status}' AND ${where}`));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: '1000000' },
      samples: { type: 'string', default: '60' },
      // Reuse the year of an earlier run (same --orders): only the measurement runs again.
      reuse: { type: 'boolean', default: false },
      // Only the scenarios whose name contains one of these (separated by |): a quick look at some screens.
      only: { type: 'string' },
      // Accepted (and ignored) so `npm run bench -- --suite volume ...` can hand its arguments on.
      suite: { type: 'string' },
      // `offset`: the floors of the API before keyset paging and capped counts (to measure a build of it).
      paging: { type: 'string', default: 'cursor' },
    },
  });
  const orders = Number(values.orders);
  const samples = Number(values.samples);
  const paging = values.paging as Paging;
  const options = benchSystemOptions({ name: 'volume', defaultPort: 3530, databasePrefix: DATABASE_PREFIX });
  const log = (line: string) => console.log(`[volume] ${line}`);
  if (options.kafkaBrokers === null && !(await localKafkaRunning(options.kafkaPort))) await startLocalKafka(options.kafkaPort);
  if (!values.reuse) await dropDatabases(options);
  const system = new RunningSystem(options);
  await system.start();
  const url = (database: string) => `${POSTGRES_URL}/${DATABASE_PREFIX}${database}`;
  const urls = { workOrders: url('work_orders'), inventory: url('inventory'), picking: url('picking'), inbound: url('inbound') };
  // The floor runs with the services' own session settings (no parallel query); those of the API
  // before keyset paging had none.
  const sessionOptions = paging === 'offset' ? undefined : DATABASE_SESSION_OPTIONS;
  const databases: Record<Service, Client> = {
    workOrders: new Client({ connectionString: urls.workOrders, options: sessionOptions }),
    inventory: new Client({ connectionString: urls.inventory, options: sessionOptions }),
    picking: new Client({ connectionString: urls.picking, options: sessionOptions }),
    inbound: new Client({ connectionString: urls.inbound, options: sessionOptions }),
  };
  for (const db of Object.values(databases)) await db.connect();
  const report: Record<string, unknown> = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30), node: process.version },
    orders,
    shape: SHAPE,
    samples,
    paging,
  };
  try {
    const count = async (service: Service, sql: string) => Number((await databases[service].query(sql)).rows[0].n);
    const present = await count('workOrders', 'SELECT count(*) AS n FROM work_order');
    const movementsPresent = await count('inventory', 'SELECT count(*) AS n FROM stock_movement');
    // More is fine: a saga bench run on these databases (`npm run bench -- --on-volume`) adds its own orders.
    if (present < orders || movementsPresent < orders * SHAPE.movementsPerOrder) {
      const started = performance.now();
      report['seedSeconds'] = await seedYear(urls, orders, log);
      report['seedSecondsInAll'] = round((performance.now() - started) / 1000);
      log(`the year written in ${report['seedSecondsInAll']} s`);
    }
    const sizes: Record<string, string> = {};
    for (const [service, db] of Object.entries(databases)) {
      const { rows } = await db.query<{ table: string; size: string }>(
        `SELECT relname AS table, pg_size_pretty(pg_total_relation_size(relid)) AS size, (SELECT reltuples::bigint FROM pg_class WHERE oid = relid) AS rows
           FROM pg_catalog.pg_statio_user_tables WHERE pg_total_relation_size(relid) > 1000000 ORDER BY pg_total_relation_size(relid) DESC`,
      );
      for (const row of rows as { table: string; size: string; rows: string }[]) sizes[`${service}.${row.table}`] = `${row.size}, ~${row.rows} rows`;
    }
    report['tableSizes'] = sizes;
    log(`table sizes (with indexes): ${JSON.stringify(sizes)}`);
    const targets = await targetsOf(databases.workOrders);
    const scenarios: Scenario[] = [];
    for (const filter of workOrderFilters(targets)) {
      const matches = await count('workOrders', `SELECT count(*) AS n FROM work_order w WHERE ${filter.where}`);
      scenarios.push(...(await workOrderList(databases.workOrders, paging, filter.name, filter.query, filter.where, matches)));
    }
    scenarios.push(
      ...(await otherScreens(
        databases,
        paging,
        targets,
        deepOffset(await count('inventory', 'SELECT count(*) AS n FROM (SELECT DISTINCT warehouse_id, merchant_id, sku FROM stock_level) k')),
        deepOffset(await count('inventory', 'SELECT count(*) AS n FROM stock_movement')),
        deepOffset(
          await count(
            'picking',
            `SELECT count(DISTINCT work_order_id) AS n FROM picking_request WHERE warehouse_id = '${targets.warehouse}' AND status = 'OPEN'`,
          ),
        ),
      )),
    );
    scenarios.push(...(await holdingsAndReference(databases, paging, targets)));
    const api = system.client('admin');
    const results: Record<string, unknown>[] = [];
    report['loadAverageBefore'] = loadavg();
    const only = values.only?.split('|');
    for (const scenario of scenarios.filter((each) => only === undefined || only.some((part) => each.name.includes(part)))) {
      const db = databases[scenario.database];
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
        `${scenario.name.padEnd(44)} API p50 ${String(apiLatency.p50).padStart(7)} ms, p99 ${String(apiLatency.p99).padStart(7)} ms | SQL floor p50 ${String(floorLatency.p50).padStart(7)} ms, p99 ${String(floorLatency.p99).padStart(7)} ms`,
      );
    }
    report['loadAverageAfter'] = loadavg();
    report['reads'] = results;
  } finally {
    for (const db of Object.values(databases)) await db.end();
    await system.stop();
    await deleteTopics(options).catch(() => undefined);
  }
  mkdirSync(join(REPO_ROOT, '.local'), { recursive: true });
  writeFileSync(join(REPO_ROOT, '.local/volume-report.json'), JSON.stringify(report, null, 2));
}

/** A big merchant and one of its warehouses, an order in flight, and the SKUs its orders use most. */
async function targetsOf(db: Client): Promise<Targets> {
  const merchant = (await db.query(`SELECT merchant_id AS id FROM work_order GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0].id as string;
  const warehouse = (await db.query(`SELECT warehouse_id AS id FROM work_order WHERE merchant_id = $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`, [merchant]))
    .rows[0].id as string;
  const order = (await db.query(`SELECT id, number FROM work_order WHERE status = 'PROCESSING' ORDER BY created_at DESC LIMIT 1 OFFSET 500`)).rows[0] as {
    id: string;
    number: string;
  };
  const popular = async (kind: string) =>
    (
      await db.query(
        `SELECT l.sku FROM work_order_line l JOIN work_order w ON w.id = l.work_order_id WHERE w.merchant_id = $1 AND l.kind = $2 AND w.created_at > now() - interval '30 days'
          GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
        [merchant, kind],
      )
    ).rows[0].sku as string;
  const inputSku = await popular('MATERIAL');
  const completedOrder = (
    await db.query(`SELECT id FROM work_order WHERE status = 'COMPLETED' AND merchant_id = $1 ORDER BY created_at DESC LIMIT 1 OFFSET 500`, [merchant])
  ).rows[0].id as string;
  return {
    merchant,
    warehouse,
    order: order.id,
    completedOrder,
    number: order.number,
    name: 'Hamper 42',
    inputSku,
    outputSku: await popular('OUTPUT'),
    stockSku: inputSku,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
