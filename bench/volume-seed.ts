import { Client } from 'pg';

/**
 * A year of a warehouse network, written straight into the services' databases with set-based SQL
 * (generate_series, one statement a batch; the API would take days). Every service's rows are
 * derived from the same numbers (order i, line j, movement t) by the same deterministic functions,
 * so the four databases agree without reading each other: the reservations inventory holds, the
 * picking requests and lists, are those of the Allocated and Processing orders of work-orders, and
 * the inbound orders those of its Completed ones.
 */
export const SHAPE = {
  merchants: 300,
  warehouses: 30,
  /** Products in inventory: SKU n belongs to merchant n % merchants. */
  skus: 200_000,
  /** Each merchant works out of two warehouses; a product sits in one bin of each. */
  locationsPerWarehouse: 200,
  /** Ledger rows per order (consumptions, putaways, corrections over the year). */
  movementsPerOrder: 3,
} as const;
/** SKUs of one merchant the lines pick from (every merchant has at least this many). */
const SKUS_PER_MERCHANT = Math.floor(SHAPE.skus / SHAPE.merchants);

/**
 * The functions every database's statements share, in the session's pg_temp schema (gone when the
 * connection closes). h(i, salt): a stable pseudo-random number in [0, 1) from Postgres's own hash.
 */
function functions(orders: number, anchor: string): string[] {
  const { merchants, warehouses } = SHAPE;
  return [
    `CREATE FUNCTION pg_temp.h(i bigint, salt int) RETURNS float8 IMMUTABLE LANGUAGE sql AS
       $$ SELECT (hashint8(i * 1000 + salt)::float8 + 2147483648) / 4294967296 $$`,
    // A few merchants are big and most are small: the square skews orders towards the low numbers.
    `CREATE FUNCTION pg_temp.merchant(i bigint) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT floor(${merchants} * pg_temp.h(i, 1) ^ 2)::int $$`,
    `CREATE FUNCTION pg_temp.merchant_id(m int) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT '00000000-0000-4000-8000-' || lpad(m::text, 12, '0') $$`,
    `CREATE FUNCTION pg_temp.warehouse(m int, which int) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT (m * 7 + which * 13) % ${warehouses} $$`,
    `CREATE FUNCTION pg_temp.warehouse_id(w int) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT '00000000-0000-4000-9000-' || lpad(w::text, 12, '0') $$`,
    `CREATE FUNCTION pg_temp.order_warehouse(i bigint) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT pg_temp.warehouse(pg_temp.merchant(i), (i % 2)::int) $$`,
    `CREATE FUNCTION pg_temp.order_id(i bigint) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT '00000000-0000-4000-a000-' || lpad(i::text, 12, '0') $$`,
    `CREATE FUNCTION pg_temp.order_number(i bigint) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT 'WO-' || lpad(i::text, 7, '0') $$`,
    `CREATE FUNCTION pg_temp.line_id(i bigint, j int) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT '00000000-0000-4000-b' || lpad(j::text, 3, '0') || '-' || lpad(i::text, 12, '0') $$`,
    `CREATE FUNCTION pg_temp.reservation_id(i bigint, j int) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT '00000000-0000-4000-c' || lpad(j::text, 3, '0') || '-' || lpad(i::text, 12, '0') $$`,
    `CREATE FUNCTION pg_temp.inbound_id(i bigint) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT '00000000-0000-4000-f000-' || lpad(i::text, 12, '0') $$`,
    `CREATE FUNCTION pg_temp.list_id(i bigint) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT '00000000-0000-4000-d000-' || lpad(i::text, 12, '0') $$`,
    `CREATE FUNCTION pg_temp.created_at(i bigint) RETURNS timestamptz IMMUTABLE LANGUAGE sql AS
       $$ SELECT '${anchor}'::timestamptz - interval '365 days' + (i::float8 / ${orders}) * interval '365 days' $$`,
    // The last tenth of the year is still in flight; what is older is long Completed or Canceled.
    `CREATE FUNCTION pg_temp.status(i bigint) RETURNS text IMMUTABLE LANGUAGE sql AS $$
       SELECT CASE WHEN i > ${Math.floor(orders * 0.9)} THEN
                CASE WHEN pg_temp.h(i, 2) < 0.2 THEN 'DRAFT' WHEN pg_temp.h(i, 2) < 0.3 THEN 'OUT_OF_STOCK'
                     WHEN pg_temp.h(i, 2) < 0.65 THEN 'ALLOCATED' ELSE 'PROCESSING' END
              WHEN pg_temp.h(i, 2) < 0.9 THEN 'COMPLETED' ELSE 'CANCELED' END $$`,
    // 2-5 lines: one output (j = 0) and 1-4 materials (j = 1..4).
    `CREATE FUNCTION pg_temp.line_count(i bigint) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT 2 + (i % 4)::int $$`,
    // The order's SKUs, distinct within it, some popular (the cube skews the base towards 0).
    `CREATE FUNCTION pg_temp.sku_number(i bigint, j int) RETURNS int IMMUTABLE LANGUAGE sql AS $$
       SELECT pg_temp.merchant(i) + ${merchants} * ((floor(${SKUS_PER_MERCHANT} * pg_temp.h(i, 3) ^ 3)::int + j * 97) % ${SKUS_PER_MERCHANT}) $$`,
    `CREATE FUNCTION pg_temp.sku(n int) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT 'SKU-' || lpad(n::text, 6, '0') $$`,
    `CREATE FUNCTION pg_temp.location(n int) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT 'A-' || lpad((n % ${SHAPE.locationsPerWarehouse})::text, 3, '0') $$`,
    `CREATE FUNCTION pg_temp.quantity(i bigint, j int) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT 1 + ((i + j) % 5)::int $$`,
  ];
}

const NAMES = ['Gift box', 'Hamper', 'Starter kit', 'Bundle', 'Sampler', 'Advent calendar', 'Travel set', 'Refill pack'];

/** One connection to a service's database, with the seed's functions and bulk-load settings. */
async function session(url: string, orders: number, anchor: string): Promise<Client> {
  const db = new Client({ connectionString: url });
  await db.connect();
  // A bulk load: no wait for the WAL flush per statement, room to build indexes in memory.
  await db.query(`SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'`);
  for (const statement of functions(orders, anchor)) await db.query(statement);
  return db;
}

/**
 * Drops a table set's secondary indexes (not those behind keys), runs the load, and builds them
 * again: one sort per index instead of millions of index insertions (a GIN trigram index above all).
 */
async function withoutIndexes(db: Client, tables: readonly string[], load: () => Promise<void>): Promise<void> {
  const { rows } = await db.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const { name } of rows) await db.query(`DROP INDEX "${name}"`);
  await load();
  for (const { definition } of rows) await db.query(definition);
  // As autovacuum would leave a table that has settled: statistics, and the visibility map that
  // lets a count read an index alone.
  await db.query(`VACUUM (ANALYZE) ${tables.join(', ')}`);
}

/** In batches of orders, so no statement holds millions of rows at once. */
async function inBatches(orders: number, batch: number, write: (from: number, to: number) => Promise<void>): Promise<void> {
  for (let from = 1; from <= orders; from += batch) await write(from, Math.min(orders, from + batch - 1));
}

export interface SeedUrls {
  workOrders: string;
  inventory: string;
  picking: string;
  inbound: string;
}

/** Writes the year into the four databases, each on its own connection at once; answers seconds per database. */
export async function seedYear(urls: SeedUrls, orders: number, log: (line: string) => void): Promise<Record<string, number>> {
  const anchor = new Date().toISOString();
  const timed = async (name: string, work: () => Promise<void>): Promise<[string, number]> => {
    const started = performance.now();
    await work();
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    log(`${name} written in ${seconds} s`);
    return [name, seconds];
  };
  const results = await Promise.all([
    timed('work-orders', () => seedWorkOrders(urls.workOrders, orders, anchor, log)),
    timed('inventory', () => seedInventory(urls.inventory, orders, anchor, log)),
    timed('picking', () => seedPicking(urls.picking, orders, anchor)),
    timed('inbound', () => seedInbound(urls.inbound, orders, anchor)),
  ]);
  return Object.fromEntries(results);
}

/** Orders with their lines, history, held reservations and picking lists; the reference data it knows. */
async function seedWorkOrders(url: string, orders: number, anchor: string, log: (line: string) => void): Promise<void> {
  const db = await session(url, orders, anchor);
  try {
    await db.query(
      'TRUNCATE work_order, work_order_line, work_order_history, work_order_reservation, work_order_picking_list, known_merchant, known_warehouse, known_product CASCADE',
    );
    await db.query(`INSERT INTO known_merchant (id, name) SELECT pg_temp.merchant_id(m), 'Merchant ' || m FROM generate_series(0, ${SHAPE.merchants - 1}) m`);
    await db.query(
      `INSERT INTO known_warehouse (id, code, name) SELECT pg_temp.warehouse_id(w), 'WH-' || lpad(w::text, 2, '0'), 'Warehouse ' || w FROM generate_series(0, ${SHAPE.warehouses - 1}) w`,
    );
    await db.query(
      `INSERT INTO known_product (merchant_id, sku, name) SELECT pg_temp.merchant_id(n % ${SHAPE.merchants}), pg_temp.sku(n), 'Product ' || n FROM generate_series(0, ${SHAPE.skus - 1}) n`,
    );
    const names = `(ARRAY[${NAMES.map((name) => `'${name}'`).join(', ')}])[1 + (i % ${NAMES.length})] || ' ' || (i % 997)`;
    await withoutIndexes(db, ['work_order', 'work_order_line', 'work_order_history', 'work_order_reservation', 'work_order_picking_list'], () =>
      inBatches(orders, 200_000, async (from, to) => {
        const series = `generate_series(${from}::bigint, ${to}::bigint) AS i`;
        await db.query(
          `INSERT INTO work_order (id, number, merchant_id, warehouse_id, name, status, created_at, updated_at)
           SELECT pg_temp.order_id(i), pg_temp.order_number(i), pg_temp.merchant_id(pg_temp.merchant(i)), pg_temp.warehouse_id(pg_temp.order_warehouse(i)),
                  ${names}, pg_temp.status(i), pg_temp.created_at(i), pg_temp.created_at(i)
             FROM ${series}`,
        );
        await db.query(
          `INSERT INTO work_order_line (id, work_order_id, kind, position, sku, quantity)
           SELECT pg_temp.line_id(i, j), pg_temp.order_id(i), CASE WHEN j = 0 THEN 'OUTPUT' ELSE 'MATERIAL' END, greatest(j - 1, 0),
                  pg_temp.sku(pg_temp.sku_number(i, j)), pg_temp.quantity(i, j)
             FROM ${series} CROSS JOIN LATERAL generate_series(0, pg_temp.line_count(i) - 1) AS j`,
        );
        await db.query(
          `INSERT INTO work_order_history (work_order_id, event, detail, at)
           SELECT pg_temp.order_id(i), e.event, '{}'::jsonb, pg_temp.created_at(i) + e.after
             FROM ${series} CROSS JOIN (VALUES ('created', interval '0'), ('confirmed', interval '1 hour')) AS e(event, after)`,
        );
        if (to > orders * 0.9) {
          const active = `generate_series(${Math.max(from, Math.floor(orders * 0.9) + 1)}::bigint, ${to}::bigint) AS i`;
          await db.query(
            `INSERT INTO work_order_reservation (reservation_id, work_order_id, line_id, sku, quantity, allocations, status)
             SELECT pg_temp.reservation_id(i, j), pg_temp.order_id(i), pg_temp.line_id(i, j), pg_temp.sku(pg_temp.sku_number(i, j)), pg_temp.quantity(i, j),
                    jsonb_build_array(jsonb_build_object('locationCode', pg_temp.location(pg_temp.sku_number(i, j)), 'quantity', pg_temp.quantity(i, j))), 'HELD'
               FROM ${active} CROSS JOIN LATERAL generate_series(1, pg_temp.line_count(i) - 1) AS j
              WHERE pg_temp.status(i) IN ('ALLOCATED', 'PROCESSING')`,
          );
          await db.query(
            `INSERT INTO work_order_picking_list (list_id, work_order_id, status, picker, updated_at)
             SELECT pg_temp.list_id(i), pg_temp.order_id(i), CASE WHEN i % 2 = 0 THEN 'IN_PROGRESS' ELSE 'CREATED' END,
                    CASE WHEN i % 2 = 0 THEN 'picker-' || (i % 40) END, pg_temp.created_at(i) + interval '2 hours'
               FROM ${active} WHERE pg_temp.status(i) = 'PROCESSING'`,
          );
        }
        log(`work-orders: ${to} of ${orders} orders`);
      }),
    );
  } finally {
    await db.end();
  }
}

/** Reference data, products, the reservations of the year's orders (held, consumed, released), stock levels and a year's ledger. */
async function seedInventory(url: string, orders: number, anchor: string, log: (line: string) => void): Promise<void> {
  const db = await session(url, orders, anchor);
  const { merchants, warehouses, skus } = SHAPE;
  try {
    await db.query('TRUNCATE merchant, warehouse, location, product, stock_level, reservation, reservation_allocation, stock_movement CASCADE');
    await db.query(`INSERT INTO merchant (id, name) SELECT pg_temp.merchant_id(m), 'Merchant ' || m FROM generate_series(0, ${merchants - 1}) m`);
    await db.query(
      `INSERT INTO warehouse (id, code, name) SELECT pg_temp.warehouse_id(w), 'WH-' || lpad(w::text, 2, '0'), 'Warehouse ' || w FROM generate_series(0, ${warehouses - 1}) w`,
    );
    await db.query(
      `INSERT INTO location (warehouse_id, code) SELECT pg_temp.warehouse_id(w), pg_temp.location(l) FROM generate_series(0, ${warehouses - 1}) w, generate_series(0, ${SHAPE.locationsPerWarehouse - 1}) l`,
    );
    await db.query(
      `INSERT INTO product (id, merchant_id, sku, name) SELECT '00000000-0000-4000-e000-' || lpad(n::text, 12, '0'), pg_temp.merchant_id(n % ${merchants}), pg_temp.sku(n), 'Product ' || n FROM generate_series(0, ${skus - 1}) n`,
    );
    await withoutIndexes(db, ['stock_level', 'reservation', 'reservation_allocation', 'stock_movement'], async () => {
      const active = `generate_series(${Math.floor(orders * 0.9) + 1}::bigint, ${orders}::bigint) AS i`;
      const reserved = `FROM ${active} CROSS JOIN LATERAL generate_series(1, pg_temp.line_count(i) - 1) AS j WHERE pg_temp.status(i) IN ('ALLOCATED', 'PROCESSING')`;
      await db.query(
        `INSERT INTO reservation (id, work_order_id, line_id, warehouse_id, merchant_id, sku, quantity, status, created_at, updated_at)
         SELECT pg_temp.reservation_id(i, j), pg_temp.order_id(i), pg_temp.line_id(i, j), pg_temp.warehouse_id(pg_temp.order_warehouse(i)),
                pg_temp.merchant_id(pg_temp.merchant(i)), pg_temp.sku(pg_temp.sku_number(i, j)), pg_temp.quantity(i, j), 'RESERVED', pg_temp.created_at(i), pg_temp.created_at(i)
         ${reserved}`,
      );
      await db.query(
        `INSERT INTO reservation_allocation (reservation_id, location_code, quantity)
         SELECT pg_temp.reservation_id(i, j), pg_temp.location(pg_temp.sku_number(i, j)), pg_temp.quantity(i, j) ${reserved}`,
      );
      // Every product in one bin of each of its merchant's two warehouses, holding what is reserved of it and more.
      await db.query(
        `INSERT INTO stock_level (warehouse_id, merchant_id, sku, location_code, on_hand, reserved, updated_at)
         SELECT pg_temp.warehouse_id(pg_temp.warehouse(n % ${merchants}, which)), pg_temp.merchant_id(n % ${merchants}), pg_temp.sku(n), pg_temp.location(n),
                coalesce(r.reserved, 0) + 20 + (n % 200), coalesce(r.reserved, 0), '${anchor}'::timestamptz
           FROM generate_series(0, ${skus - 1}) n CROSS JOIN generate_series(0, 1) which
           LEFT JOIN (SELECT warehouse_id, merchant_id, sku, sum(quantity)::int AS reserved FROM reservation WHERE status = 'RESERVED' GROUP BY 1, 2, 3) r
             ON r.warehouse_id = pg_temp.warehouse_id(pg_temp.warehouse(n % ${merchants}, which)) AND r.merchant_id = pg_temp.merchant_id(n % ${merchants}) AND r.sku = pg_temp.sku(n)`,
      );
      // The ledger, oldest first (ids grow with time): 6 in 10 consumptions of an order's
      // materials, 3 putaways of inbound stock, 1 correction.
      const movements = orders * SHAPE.movementsPerOrder;
      await inBatches(movements, 1_000_000, async (from, to) => {
        await db.query(
          `INSERT INTO stock_movement (id, warehouse_id, merchant_id, sku, location_code, quantity, kind, reason, reference, created_at)
           SELECT t, pg_temp.warehouse_id(pg_temp.order_warehouse(o)), pg_temp.merchant_id(pg_temp.merchant(o)), pg_temp.sku(pg_temp.sku_number(o, 1)),
                  pg_temp.location(pg_temp.sku_number(o, 1)),
                  CASE WHEN t % 10 < 6 THEN -pg_temp.quantity(o, 1) WHEN t % 10 < 9 THEN 50 + (t % 50)::int ELSE (t % 7)::int - 3 END,
                  CASE WHEN t % 10 < 6 THEN 'CONSUMPTION' WHEN t % 10 < 9 THEN 'PUTAWAY' ELSE 'ADJUSTMENT' END,
                  CASE WHEN t % 10 < 6 THEN 'work order completed' WHEN t % 10 < 9 THEN 'inbound putaway' ELSE 'cycle count' END,
                  CASE WHEN t % 10 < 6 THEN pg_temp.order_id(o) WHEN t % 10 < 9 THEN 'IB-' || lpad((t / 30)::text, 7, '0') END,
                  pg_temp.created_at(o)
             FROM (SELECT t, greatest(1, t / ${SHAPE.movementsPerOrder}) AS o FROM generate_series(${from}::bigint, ${to}::bigint) AS t) AS g`,
        );
        log(`inventory: ${to} of ${movements} movements`);
      });
      await db.query(`SELECT setval(pg_get_serial_sequence('stock_movement', 'id'), ${movements})`);
      // What the year's settled orders held: a Completed order's reservations consumed, a Canceled
      // one's released (the Reservations screen lists them all). Stock levels count only what is held.
      const settledFrom = (from: number, to: number) =>
        `FROM generate_series(${from}::bigint, ${to}::bigint) AS i CROSS JOIN LATERAL generate_series(1, pg_temp.line_count(i) - 1) AS j
         WHERE pg_temp.status(i) IN ('COMPLETED', 'CANCELED')`;
      await inBatches(Math.floor(orders * 0.9), 200_000, async (from, to) => {
        await db.query(
          `INSERT INTO reservation (id, work_order_id, line_id, warehouse_id, merchant_id, sku, quantity, status, created_at, updated_at)
           SELECT pg_temp.reservation_id(i, j), pg_temp.order_id(i), pg_temp.line_id(i, j), pg_temp.warehouse_id(pg_temp.order_warehouse(i)),
                  pg_temp.merchant_id(pg_temp.merchant(i)), pg_temp.sku(pg_temp.sku_number(i, j)), pg_temp.quantity(i, j),
                  CASE pg_temp.status(i) WHEN 'COMPLETED' THEN 'CONSUMED' ELSE 'RELEASED' END, pg_temp.created_at(i), pg_temp.created_at(i) + interval '1 day'
           ${settledFrom(from, to)}`,
        );
        await db.query(
          `INSERT INTO reservation_allocation (reservation_id, location_code, quantity)
           SELECT pg_temp.reservation_id(i, j), pg_temp.location(pg_temp.sku_number(i, j)), pg_temp.quantity(i, j) ${settledFrom(from, to)}`,
        );
        log(`inventory: settled reservations of orders up to ${to}`);
      });
    });
  } finally {
    await db.end();
  }
}

/** Open requests of Allocated orders; the lists (and listed requests) of Processing ones; a Done list for each Completed one. */
async function seedPicking(url: string, orders: number, anchor: string): Promise<void> {
  const db = await session(url, orders, anchor);
  try {
    await db.query('TRUNCATE picking_request, picking_list, picking_list_line CASCADE');
    const active = `generate_series(${Math.floor(orders * 0.9) + 1}::bigint, ${orders}::bigint) AS i`;
    const materials = `FROM ${active} CROSS JOIN LATERAL generate_series(1, pg_temp.line_count(i) - 1) AS j`;
    const allocations = `jsonb_build_array(jsonb_build_object('locationCode', pg_temp.location(pg_temp.sku_number(i, j)), 'quantity', pg_temp.quantity(i, j)))`;
    await withoutIndexes(db, ['picking_request', 'picking_list', 'picking_list_line'], async () => {
      await db.query(
        `INSERT INTO picking_request (work_order_id, line_id, work_order_number, warehouse_id, sku, quantity, allocations, status, list_id, updated_at)
         SELECT pg_temp.order_id(i), pg_temp.line_id(i, j), pg_temp.order_number(i), pg_temp.warehouse_id(pg_temp.order_warehouse(i)),
                pg_temp.sku(pg_temp.sku_number(i, j)), pg_temp.quantity(i, j), ${allocations},
                CASE pg_temp.status(i) WHEN 'ALLOCATED' THEN 'OPEN' ELSE 'LISTED' END,
                CASE pg_temp.status(i) WHEN 'PROCESSING' THEN pg_temp.list_id(i) END, pg_temp.created_at(i)
         ${materials} WHERE pg_temp.status(i) IN ('ALLOCATED', 'PROCESSING')`,
      );
      await db.query(
        `INSERT INTO picking_list (id, warehouse_id, status, picker, work_order_ids, created_at, updated_at)
         SELECT pg_temp.list_id(i), pg_temp.warehouse_id(pg_temp.order_warehouse(i)), CASE WHEN i % 2 = 0 THEN 'IN_PROGRESS' ELSE 'CREATED' END,
                CASE WHEN i % 2 = 0 THEN 'picker-' || (i % 40) END, jsonb_build_array(pg_temp.order_id(i)), pg_temp.created_at(i) + interval '2 hours', pg_temp.created_at(i) + interval '2 hours'
           FROM ${active} WHERE pg_temp.status(i) = 'PROCESSING'`,
      );
      await db.query(
        `INSERT INTO picking_list_line (list_id, position, location_code, sku, quantity, work_order_id, line_id)
         SELECT pg_temp.list_id(i), j - 1, pg_temp.location(pg_temp.sku_number(i, j)), pg_temp.sku(pg_temp.sku_number(i, j)), pg_temp.quantity(i, j),
                pg_temp.order_id(i), pg_temp.line_id(i, j)
         ${materials} WHERE pg_temp.status(i) = 'PROCESSING'`,
      );
      // Every Completed order of the year was picked from a list of its own, long Done.
      await inBatches(Math.floor(orders * 0.9), 200_000, async (from, to) => {
        const completed = `FROM generate_series(${from}::bigint, ${to}::bigint) AS i`;
        await db.query(
          `INSERT INTO picking_list (id, warehouse_id, status, picker, work_order_ids, created_at, updated_at)
           SELECT pg_temp.list_id(i), pg_temp.warehouse_id(pg_temp.order_warehouse(i)), 'DONE', 'picker-' || (i % 40), jsonb_build_array(pg_temp.order_id(i)),
                  pg_temp.created_at(i) + interval '2 hours', pg_temp.created_at(i) + interval '3 hours'
             ${completed} WHERE pg_temp.status(i) = 'COMPLETED'`,
        );
        await db.query(
          `INSERT INTO picking_list_line (list_id, position, location_code, sku, quantity, work_order_id, line_id)
           SELECT pg_temp.list_id(i), j - 1, pg_temp.location(pg_temp.sku_number(i, j)), pg_temp.sku(pg_temp.sku_number(i, j)), pg_temp.quantity(i, j),
                  pg_temp.order_id(i), pg_temp.line_id(i, j)
             ${completed} CROSS JOIN LATERAL generate_series(1, pg_temp.line_count(i) - 1) AS j WHERE pg_temp.status(i) = 'COMPLETED'`,
        );
      });
    });
  } finally {
    await db.end();
  }
}

/**
 * The finished goods of every Completed order, one inbound order each with its output's line and
 * the putaway that shelved it; those of the last days of the settled year still wait to be received.
 */
async function seedInbound(url: string, orders: number, anchor: string): Promise<void> {
  const db = await session(url, orders, anchor);
  try {
    await db.query('TRUNCATE inbound_order, inbound_order_line, inbound_putaway CASCADE');
    const waiting = Math.floor(orders * 0.88);
    await withoutIndexes(db, ['inbound_order', 'inbound_order_line', 'inbound_putaway'], async () => {
      await inBatches(Math.floor(orders * 0.9), 200_000, async (from, to) => {
        const completed = `FROM generate_series(${from}::bigint, ${to}::bigint) AS i WHERE pg_temp.status(i) = 'COMPLETED'`;
        await db.query(
          `INSERT INTO inbound_order (id, source, source_id, source_reference, warehouse_id, merchant_id, status, created_at, updated_at)
           SELECT pg_temp.inbound_id(i), 'WORK_ORDER', pg_temp.order_id(i), pg_temp.order_number(i), pg_temp.warehouse_id(pg_temp.order_warehouse(i)),
                  pg_temp.merchant_id(pg_temp.merchant(i)), CASE WHEN i > ${waiting} THEN 'PENDING' ELSE 'PUT_AWAY' END,
                  pg_temp.created_at(i) + interval '1 day', pg_temp.created_at(i) + interval '2 days'
           ${completed}`,
        );
        await db.query(
          `INSERT INTO inbound_order_line (inbound_order_id, sku, lot, expected, received, put_away)
           SELECT pg_temp.inbound_id(i), pg_temp.sku(pg_temp.sku_number(i, 0)), pg_temp.order_number(i), pg_temp.quantity(i, 0),
                  CASE WHEN i > ${waiting} THEN 0 ELSE pg_temp.quantity(i, 0) END, CASE WHEN i > ${waiting} THEN 0 ELSE pg_temp.quantity(i, 0) END
           ${completed}`,
        );
        await db.query(
          `INSERT INTO inbound_putaway (id, inbound_order_id, sku, lot, location_code, quantity, created_at)
           SELECT 'put-' || pg_temp.inbound_id(i), pg_temp.inbound_id(i), pg_temp.sku(pg_temp.sku_number(i, 0)), pg_temp.order_number(i),
                  pg_temp.location(pg_temp.sku_number(i, 0)), pg_temp.quantity(i, 0), pg_temp.created_at(i) + interval '2 days'
           ${completed} AND i <= ${waiting}`,
        );
      });
    });
  } finally {
    await db.end();
  }
}
