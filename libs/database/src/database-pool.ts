import { Pool } from 'pg';

/** Nest's token for the service's pg pool: Prisma, `SqlDatabase` and the relay share it. */
export const PG_POOL = Symbol('PG_POOL');

/**
 * The one pool of a service's database. Its connections run in pg's pipeline mode, so
 * `SqlDatabase` can send a transaction's statements without waiting for each answer; code that
 * awaits each query (Prisma, the relay) sees no difference.
 *
 * It also guards against a process that hangs mid-transaction (its row locks would stall every
 * saga touching those rows): Postgres cancels a statement after 30 s and ends a session left idle
 * inside a transaction after 60 s, which rolls it back and frees its locks.
 *
 * And it runs without parallel query: a service's statements are short reads of a page (`LIMIT
 * 26`) and writes of a few rows, for which Postgres's parallel plans cost more than they gain;
 * with a LIMIT the workers read far past the rows the page needs (measured at a year's volume: the
 * newest orders with one material took 150-320 ms with two workers, 13 ms without;
 * docs/benchmark.md).
 */
/** The session settings of every service connection (also used by the volume bench's SQL floor). */
export const DATABASE_SESSION_OPTIONS = '-c statement_timeout=30000 -c idle_in_transaction_session_timeout=60000 -c max_parallel_workers_per_gather=0';

export function createDatabasePool(databaseUrl: string, { max = 10 }: { max?: number } = {}): Pool {
  return new Pool({
    connectionString: databaseUrl,
    max,
    pipeline: true,
    options: `${DATABASE_SESSION_OPTIONS}`,
  });
}
