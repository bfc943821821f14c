import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
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
 */
export interface MigrationReport {
  readonly applied: string[];
  readonly alreadyApplied: number;
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
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const appliedChecksums = new Map(done.rows.map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    for (const name of names) {
      const sql = await migrationSql(join(migrationsDir, name, 'migration.sql'));
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = appliedChecksums.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
        continue;
      }
      await applyOne(client, name, sql, checksum);
      applied.push(name);
    }
    return { applied, alreadyApplied: names.length - applied.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
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

async function applyOne(client: Client, name: string, sql: string, checksum: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), checksum, name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
  }
}
