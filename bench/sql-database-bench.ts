import { createDatabasePool, ensureDatabase, SqlDatabase, type SqlExecutor } from '@wo/database';
import type { Envelope, OutgoingMessage } from '@wo/contracts/envelope';
import { appendToOutbox, claimInboxMany } from '@wo/messaging';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Pool } from 'pg';
import { LiteralSqlDatabase } from './literal-sql-database';
import { percentiles, round, runClosedLoop } from './stats';

/**
 * Does SqlDatabase on bound parameters cost the saga path more than it did with literals? Times
 * the two transaction shapes every confirmed order goes through, with each implementation, in
 * interleaved rounds (A B, then B A, ...) so that the shared machine's noise falls on both alike:
 *
 * - reservation (inventory, StockCommands.reserve): a run of ReserveStock commands claimed in the
 *   inbox while their reservations are read and their bins locked FOR UPDATE (one round trip),
 *   then the reserved quantities, the reservations and the replies written at once (with COMMIT);
 * - reply (work-orders, the saga's replies): the inbox claim with the saga locked FOR UPDATE, the
 *   saga and its step log written, the work order locked, then the held reservations, the status,
 *   its history and the public event written with COMMIT.
 *
 * Both use the real inbox and outbox statements (@wo/messaging) and unnest arrays as the services do.
 *
 *   node dist/bench/sql-database-bench.js [--rounds 6] [--transactions 300] [--concurrency 4]
 *
 * POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432); BENCH_DATABASE names the scratch
 * database (default wo_bench_sql_database), dropped and made afresh.
 */
const POSTGRES_URL = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
const DATABASE = process.env['BENCH_DATABASE'] ?? 'wo_bench_sql_database';
const LINES = 4;
const SKUS = 400;
const ORDERS = 5_000;

type Database = { $transaction<R>(work: (tx: SqlExecutor) => Promise<R>): Promise<R> };
type Shape = (db: Database, index: number) => Promise<void>;

const SCHEMA = `
CREATE TABLE stock_level (warehouse_id text, merchant_id text, sku text, location_code text, on_hand int NOT NULL, reserved int NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (warehouse_id, merchant_id, sku, location_code), CHECK (reserved >= 0 AND reserved <= on_hand));
CREATE TABLE reservation (id text PRIMARY KEY, work_order_id text NOT NULL, line_id text NOT NULL, warehouse_id text NOT NULL, merchant_id text NOT NULL,
  sku text NOT NULL, quantity int NOT NULL, status text NOT NULL, available int);
CREATE TABLE reservation_allocation (reservation_id text REFERENCES reservation (id), location_code text, quantity int NOT NULL, PRIMARY KEY (reservation_id, location_code));
CREATE TABLE saga_instance (id text PRIMARY KEY, type text NOT NULL, work_order_id text NOT NULL, phase text NOT NULL, data jsonb NOT NULL, state text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz, step_attempts int NOT NULL DEFAULT 0, deadline_at timestamptz);
CREATE TABLE saga_step_log (id bigserial PRIMARY KEY, saga_id text NOT NULL, event text NOT NULL, detail jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE TABLE work_order (id text PRIMARY KEY, status text NOT NULL, pending_action text, shortages jsonb, updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE work_order_history (id bigserial PRIMARY KEY, work_order_id text NOT NULL, event text NOT NULL, detail jsonb NOT NULL);
CREATE TABLE work_order_reservation (reservation_id text PRIMARY KEY, work_order_id text NOT NULL, line_id text NOT NULL, sku text NOT NULL, quantity int NOT NULL,
  allocations jsonb NOT NULL, status text NOT NULL);
INSERT INTO stock_level (warehouse_id, merchant_id, sku, location_code, on_hand)
  SELECT 'w1', 'm1', 'sku-' || s, 'bin-' || b, 1000000000 FROM generate_series(1, ${SKUS}) s, generate_series(1, 2) b;
INSERT INTO work_order (id, status, pending_action) SELECT 'wo-' || o, 'DRAFT', 'allocating' FROM generate_series(1, ${ORDERS}) o;
INSERT INTO saga_instance (id, type, work_order_id, phase, data, state)
  SELECT 'saga-' || o, 'allocation', 'wo-' || o, 'reserving', '{"lines": []}', 'RUNNING' FROM generate_series(1, ${ORDERS}) o;`;

function message(type: string, key: string, payload: Record<string, unknown>): OutgoingMessage {
  const envelope: Envelope = { id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), correlationId: key, causationId: null, key, payload };
  return { topic: 'bench.topic', envelope };
}

const skusOf = (index: number) => Array.from({ length: LINES }, (_, line) => `sku-${((index * 7 + line * 53) % SKUS) + 1}`).sort();

/** StockCommands.reserve: two reads and the inbox claim in one round trip, then every write with COMMIT. */
const reservation: Shape = (db, index) =>
  db.$transaction(async (tx) => {
    const commands = skusOf(index).map((sku, line) => ({ ...message('inventory.ReserveStock', `saga-${index}`, {}).envelope, sku, line }));
    const [fresh, known, bins] = await Promise.all([
      claimInboxMany(tx, commands),
      tx.$queryRawUnsafe<unknown[]>(
        `SELECT r.id, r.status, COALESCE(json_agg(json_build_object('locationCode', a.location_code, 'quantity', a.quantity)) FILTER (WHERE a.location_code IS NOT NULL), '[]') AS allocations
           FROM reservation r LEFT JOIN reservation_allocation a ON a.reservation_id = r.id WHERE r.id = ANY($1::text[]) GROUP BY r.id`,
        commands.map((command) => command.id),
      ),
      tx.$queryRawUnsafe<{ sku: string; location_code: string }[]>(
        `SELECT sku, location_code, on_hand, reserved FROM stock_level WHERE (warehouse_id, merchant_id, sku) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))
          ORDER BY warehouse_id, merchant_id, sku, location_code FOR UPDATE`,
        commands.map(() => 'w1'),
        commands.map(() => 'm1'),
        commands.map((command) => command.sku),
      ),
    ]);
    if (known.length !== 0 || fresh.length !== commands.length) throw new Error('the bench expects new commands only');
    const taken = bins.filter((bin) => bin.location_code === 'bin-1');
    await tx.$executeRawUnsafe(
      `UPDATE stock_level s SET reserved = s.reserved + d.delta, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS d(warehouse_id, merchant_id, sku, location_code, delta)
        WHERE s.warehouse_id = d.warehouse_id AND s.merchant_id = d.merchant_id AND s.sku = d.sku AND s.location_code = d.location_code`,
      taken.map(() => 'w1'),
      taken.map(() => 'm1'),
      taken.map((bin) => bin.sku),
      taken.map((bin) => bin.location_code),
      taken.map(() => 1),
    );
    const ids = commands.map(() => randomUUID());
    await tx.$executeRawUnsafe(
      `WITH added AS (
         INSERT INTO reservation (id, work_order_id, line_id, warehouse_id, merchant_id, sku, quantity, status, available)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::int[]))
       INSERT INTO reservation_allocation (reservation_id, location_code, quantity) SELECT * FROM unnest($10::text[], $11::text[], $12::int[])`,
      ids,
      commands.map(() => `wo-${index}`),
      commands.map((command) => `line-${command.line}`),
      commands.map(() => 'w1'),
      commands.map(() => 'm1'),
      commands.map((command) => command.sku),
      commands.map(() => 1),
      commands.map(() => 'RESERVED'),
      commands.map(() => null),
      ids,
      commands.map(() => 'bin-1'),
      commands.map(() => 1),
    );
    await appendToOutbox(
      tx,
      commands.map((command) =>
        message('inventory.StockReserved', `saga-${index}`, { sku: command.sku, quantity: 1, allocations: [{ locationCode: 'bin-1', quantity: 1 }] }),
      ),
    );
  });

/** SagaCoordinator.onReplies for the last replies of an allocation: three round trips. */
const reply: Shape = (db, index) =>
  db.$transaction(async (tx) => {
    const order = (index % ORDERS) + 1;
    const sagaId = `saga-${order}`;
    const replies = skusOf(index).map((sku) => ({ ...message('inventory.StockReserved', sagaId, { sku }).envelope, sku }));
    const [fresh, sagas] = await Promise.all([
      claimInboxMany(tx, replies),
      tx.$queryRawUnsafe<{ id: string; data: unknown }[]>(
        'SELECT id, type, state, data, created_at FROM saga_instance WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
        [sagaId],
      ),
    ]);
    if (sagas.length !== 1 || fresh.length !== replies.length) throw new Error('the bench expects its saga and new replies');
    const data = { sagaId, phase: 'reserving', lines: fresh.map((line) => ({ sku: line.sku, reservationId: line.id, status: 'reserved', quantity: 1 })) };
    const now = new Date();
    await tx.$executeRawUnsafe(
      `UPDATE saga_instance s SET phase = u.phase, data = u.data::jsonb, state = u.state, updated_at = $6::timestamptz,
              finished_at = CASE WHEN u.state = 'FINISHED' THEN $6::timestamptz END,
              step_attempts = CASE WHEN u.new_step THEN 0 ELSE s.step_attempts END,
              deadline_at = CASE WHEN u.state = 'FINISHED' THEN NULL WHEN u.new_step THEN $7::timestamptz ELSE s.deadline_at END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[]) AS u(id, phase, data, state, new_step) WHERE s.id = u.id`,
      [sagaId],
      [data.phase],
      [JSON.stringify(data)],
      ['RUNNING'],
      [false],
      now,
      new Date(now.getTime() + 30_000),
    );
    await appendLog(tx, 'saga_step_log', 'saga_id', [{ ownerId: sagaId, event: 'finished', detail: { phase: data.phase } }]);
    const [locked] = await tx.$queryRawUnsafe<{ id: string; status: string }[]>(
      `SELECT id, status, pending_action, now() AS "transactionTime" FROM work_order WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      [`wo-${order}`],
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO work_order_reservation (reservation_id, work_order_id, line_id, sku, quantity, allocations, status)
       SELECT r.reservation_id, r.work_order_id, r.line_id, r.sku, r.quantity, r.allocations::jsonb, 'HELD'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS r(reservation_id, work_order_id, line_id, sku, quantity, allocations)`,
      data.lines.map((line) => line.reservationId),
      data.lines.map(() => locked!.id),
      data.lines.map((_, position) => `line-${position}`),
      data.lines.map((line) => line.sku),
      data.lines.map((line) => line.quantity),
      data.lines.map(() => JSON.stringify([{ locationCode: 'bin-1', quantity: 1 }])),
    );
    await tx.$executeRawUnsafe(
      `UPDATE work_order w SET status = u.status, pending_action = u.pending_action, shortages = u.shortages::jsonb, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, status, pending_action, shortages) WHERE w.id = u.id`,
      [locked!.id],
      ['ALLOCATED'],
      [null],
      ['[]'],
    );
    await appendLog(tx, 'work_order_history', 'work_order_id', [{ ownerId: locked!.id, event: 'allocated', detail: { sagaId } }]);
    await appendToOutbox(tx, [message('work-orders.WorkOrderAllocated', locked!.id, { workOrderId: locked!.id, materials: data.lines })]);
  });

function appendLog(
  tx: SqlExecutor,
  table: string,
  ownerColumn: string,
  lines: { ownerId: string; event: string; detail: Record<string, unknown> }[],
): Promise<unknown> {
  return tx.$executeRawUnsafe(
    `INSERT INTO ${table} (${ownerColumn}, event, detail)
     SELECT line.owner_id, line.event, line.detail::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS line(owner_id, event, detail, position)
      ORDER BY line.position`,
    lines.map((line) => line.ownerId),
    lines.map((line) => line.event),
    lines.map((line) => JSON.stringify(line.detail)),
  );
}

interface Sample {
  transactions: number;
  seconds: number;
  cpuMicros: number;
  latencies: number[];
}

async function timeRound(db: Database, shape: Shape, firstIndex: number, transactions: number, concurrency: number, into: Sample): Promise<void> {
  const indexes = Array.from({ length: transactions }, (_, offset) => firstIndex + offset);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await runClosedLoop(indexes, concurrency, async (index) => {
    const before = performance.now();
    await shape(db, index);
    into.latencies.push(performance.now() - before);
  });
  into.seconds += (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  into.cpuMicros += used.user + used.system;
  into.transactions += transactions;
}

async function main(argv: readonly string[]): Promise<void> {
  const option = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? Number(argv[at + 1]) : fallback;
  };
  const rounds = option('rounds', 6);
  const transactions = option('transactions', 300);
  const concurrency = option('concurrency', 4);
  const url = `${POSTGRES_URL}/${DATABASE}`;
  const admin = new Pool({ connectionString: `${POSTGRES_URL}/postgres`, max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(url);
  const setup = new Pool({ connectionString: url, max: 1 });
  // The outbox and inbox exactly as every service has them.
  for (const file of ['outbox-inbox-tables.sql', 'outbox-message-id-index.sql'])
    await setup.query(await readFile(join(__dirname, '../libs/messaging/sql', file), 'utf8'));
  await setup.query(SCHEMA);
  await setup.end();

  // Each implementation on the pool it was made for: literals on a plain pool, bound parameters on a pipelined one.
  const options = '-c statement_timeout=30000 -c idle_in_transaction_session_timeout=60000';
  const literalPool = new Pool({ connectionString: url, max: concurrency, options });
  const boundPool = createDatabasePool(url, { max: concurrency });
  const implementations = { literals: new LiteralSqlDatabase(literalPool), bound: new SqlDatabase(boundPool) };
  const shapes = { reservation, reply };
  const samples = new Map<string, Sample>();
  let nextIndex = 1;
  try {
    for (let round = 0; round <= rounds; round += 1) {
      // Round 0 warms up both (connections, prepared statements, the JIT) and is not counted.
      const order = round % 2 === 0 ? (['literals', 'bound'] as const) : (['bound', 'literals'] as const);
      for (const [shapeName, shape] of Object.entries(shapes)) {
        for (const name of order) {
          const key = `${shapeName} ${name}`;
          const sample = samples.get(key) ?? { transactions: 0, seconds: 0, cpuMicros: 0, latencies: [] };
          const scratch = { transactions: 0, seconds: 0, cpuMicros: 0, latencies: [] as number[] };
          await timeRound(implementations[name], shape, nextIndex, transactions, concurrency, round === 0 ? scratch : sample);
          nextIndex += transactions;
          samples.set(key, sample);
        }
      }
    }
  } finally {
    await literalPool.end();
    await boundPool.end();
  }
  console.log(`SqlDatabase A/B: ${rounds} interleaved rounds of ${transactions} transactions per shape and implementation, ${concurrency} concurrent`);
  console.log('shape        implementation  transactions/s   p50 ms   p99 ms   client CPU µs/transaction');
  for (const [key, sample] of samples) {
    const [shapeName, name] = key.split(' ');
    const latency = percentiles(sample.latencies);
    console.log(
      `${shapeName!.padEnd(12)} ${name!.padEnd(15)} ${String(round(sample.transactions / sample.seconds)).padStart(14)} ${String(latency.p50).padStart(8)} ${String(latency.p99).padStart(8)} ${String(Math.round(sample.cpuMicros / sample.transactions)).padStart(12)}`,
    );
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
