import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

/**
 * Applies `prisma/migrations/<name>/migration.sql` in name order and records each one in
 * `_prisma_migrations` as `prisma migrate deploy` does (same table, sha256 checksum of the SQL).
 * We use it because the Prisma schema engine is not available on every machine that runs the
 * services.
 *
 * A migration may include SQL shared by every service (the outbox and inbox tables): a line
 * `-- @include <path>` (relative to the migration's folder) stands for that file's text, without
 * its last line break. The checksum is of the SQL that runs, includes expanded, so a migration
 * rewritten to include a shared file byte-identical to what it held keeps its checksum.
 *
 * A migration runs in one transaction, except one that builds or drops an index CONCURRENTLY:
 * Postgres cannot run that inside a transaction, and it is the only way to index a table of a
 * year's rows without holding off its writes while the index builds. Such a migration holds that
 * one statement (`prisma migrate deploy` too runs a one-statement script outside a transaction,
 * and a script of several in one). See `applyConcurrentIndexStep`.
 */
export interface MigrationReport {
  readonly applied: string[];
  readonly alreadyApplied: number;
  /** How long each applied migration took, in ms (an index build on a big table shows here). */
  readonly tookMs: Record<string, number>;
}

/** The applied migrations and how long each took, for a log line: `a (12 ms), b (3,400 ms)`. */
export function describeApplied(report: MigrationReport): string {
  return report.applied.map((name) => `${name} (${(report.tookMs[name] ?? 0).toLocaleString('en-US')} ms)`).join(', ');
}

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Serialises concurrent start-ups of replicas of one service. */
const MIGRATION_LOCK_KEY = 72_707_369;

async function migrationNames(migrationsDir: string): Promise<string[]> {
  return (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * The migrations of `migrationsDir` that the database has not (successfully) applied, read-only:
 * what a service started with MIGRATE_ON_START=false checks, so that a version whose migration
 * Job has not run yet does not start against the old schema.
 */
export async function pendingMigrations(databaseUrl: string, migrationsDir: string): Promise<string[]> {
  const names = await migrationNames(migrationsDir);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
    if (!table.rows[0]!.present) return names;
    const done = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(done.rows.map((row) => row.migration_name));
    return names.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

export async function applyMigrations(databaseUrl: string, migrationsDir: string): Promise<MigrationReport> {
  const names = await migrationNames(migrationsDir);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await takeMigrationLock(client);
    await client.query(MIGRATIONS_TABLE);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const appliedChecksums = new Map(done.rows.map((row) => [row.migration_name, row.checksum]));
    // Every migration is read and checked before any runs, so a malformed one changes nothing.
    const pending: { name: string; sql: string; checksum: string; concurrentStep: ConcurrentIndexStep | undefined }[] = [];
    for (const name of names) {
      const sql = await migrationSql(join(migrationsDir, name, 'migration.sql'));
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = appliedChecksums.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
        continue;
      }
      pending.push({ name, sql, checksum, concurrentStep: concurrentIndexStep(name, sql) });
    }
    const applied: string[] = [];
    const tookMs: Record<string, number> = {};
    for (const { name, sql, checksum, concurrentStep } of pending) {
      const started = performance.now();
      if (concurrentStep) await applyConcurrentIndexStep(client, name, concurrentStep, checksum);
      else await applyOne(client, name, sql, checksum);
      applied.push(name);
      tookMs[name] = Math.round(performance.now() - started);
    }
    return { applied, alreadyApplied: names.length - applied.length, tookMs };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/**
 * Waits for the migration lock by trying it, not by blocking in `pg_advisory_lock`: a session
 * blocked in a statement holds a snapshot, and CREATE INDEX CONCURRENTLY in the session that holds
 * the lock waits for every older snapshot to end, so a blocked replica and the build would wait
 * for each other until the deadlock detector cancelled one of them.
 */
async function takeMigrationLock(client: Client): Promise<void> {
  for (;;) {
    const attempt = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK_KEY]);
    if (attempt.rows[0]!.locked) return;
    await sleep(250);
  }
}

const INCLUDE = /^-- @include (\S+)$/gm;

/** A migration's SQL as it runs: each include line replaced by the file it names (no nesting). */
export async function migrationSql(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  const included = new Map<string, string>();
  for (const [, path = ''] of text.matchAll(INCLUDE)) {
    if (!path.endsWith('.sql')) throw new Error(`${file}: an include names a .sql file, not ${path}`);
    const shared = await readFile(resolve(dirname(file), path), 'utf8');
    if (/^-- @include /m.test(shared)) throw new Error(`${file}: ${path} includes another file; includes do not nest`);
    included.set(path, shared.replace(/\n$/, ''));
  }
  return text.replace(INCLUDE, (_, path: string) => included.get(path) ?? '');
}

/** One `CREATE [UNIQUE] INDEX CONCURRENTLY` or `DROP INDEX CONCURRENTLY` and the index it names. */
export interface ConcurrentIndexStep {
  readonly kind: 'create' | 'drop';
  readonly index: string;
  readonly statement: string;
}

const CREATE_CONCURRENTLY = /^CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/i;
const DROP_CONCURRENTLY = /^DROP\s+INDEX\s+CONCURRENTLY\s+(?:IF\s+EXISTS\s+)?("(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s*$/i;

/**
 * The concurrent index step a migration is, or undefined for a migration that runs in a
 * transaction. Throws for a migration that mixes CONCURRENTLY with anything else: it could run
 * neither in one transaction nor, safely, outside one.
 */
export function concurrentIndexStep(name: string, sql: string): ConcurrentIndexStep | undefined {
  const statements = sqlStatements(sql);
  if (!statements.some((statement) => /\bCONCURRENTLY\b/i.test(statement))) return undefined;
  const statement = statements.length === 1 ? statements[0] : undefined;
  const create = statement === undefined ? null : CREATE_CONCURRENTLY.exec(statement);
  const drop = statement === undefined ? null : DROP_CONCURRENTLY.exec(statement);
  const named = (create ?? drop)?.[1];
  if (statement === undefined || named === undefined) {
    throw new Error(
      `migration ${name}: a migration that uses CONCURRENTLY holds exactly one CREATE INDEX CONCURRENTLY or DROP INDEX CONCURRENTLY statement (Postgres cannot run it in a transaction); it holds ${statements.length} statement(s)`,
    );
  }
  const index = named.startsWith('"') ? named.slice(1, -1).replaceAll('""', '"') : named.toLowerCase();
  return { kind: create ? 'create' : 'drop', index, statement };
}

/** The statements of a migration, comments and blank lines left out (our migrations hold no `;` inside literals). */
function sqlStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Runs a concurrent index step outside a transaction, then records it. A Job killed part-way (or a
 * unique build that failed) leaves behind an INVALID index of that name, which Postgres keeps
 * updating but never reads: it is dropped and built again. A Job killed after the build but before
 * the record finds the index valid and records it without building it twice.
 */
async function applyConcurrentIndexStep(client: Client, name: string, step: ConcurrentIndexStep, checksum: string): Promise<void> {
  try {
    const existing = await client.query<{ valid: boolean }>(
      `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE c.relname = $1 AND c.relnamespace = current_schema()::regnamespace`,
      [step.index],
    );
    const found = existing.rows[0];
    if (step.kind === 'drop') {
      if (found) await client.query(step.statement);
    } else if (!found?.valid) {
      if (found) await client.query(`DROP INDEX CONCURRENTLY "${step.index.replaceAll('"', '""')}"`);
      await client.query(step.statement);
    }
    await recordApplied(client, name, checksum);
  } catch (error) {
    throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
  }
}

async function applyOne(client: Client, name: string, sql: string, checksum: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
    await recordApplied(client, name, checksum);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
  }
}

/** The row `prisma migrate deploy` writes for a migration it applied. */
async function recordApplied(client: Client, name: string, checksum: string): Promise<void> {
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), now(), 1)`,
    [randomUUID(), checksum, name],
  );
}
