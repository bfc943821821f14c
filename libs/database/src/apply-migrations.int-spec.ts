import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { applyMigrations } from './apply-migrations';
import { ensureDatabase } from './ensure-database';

const postgres = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
const url = `${postgres}/wo_apply_migrations_check`;

/**
 * An index migration built CONCURRENTLY runs outside a transaction (Postgres refuses it inside
 * one), and a migration Job killed or failed part-way through it is finished by the next run.
 */
describe('applyMigrations with CREATE INDEX CONCURRENTLY (real Postgres)', () => {
  let dir: string;
  let client: Client;

  const migration = (name: string, sql: string) => {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  };
  const index = async (name: string) =>
    (
      await client.query<{ valid: boolean }>('SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1', [
        name,
      ])
    ).rows[0];
  const recorded = async () =>
    (
      await client.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name')
    ).rows.map((row) => row.migration_name);

  beforeEach(async () => {
    const admin = new Client({ connectionString: `${postgres}/postgres` });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS wo_apply_migrations_check WITH (FORCE)');
    await admin.end();
    await ensureDatabase(url);
    client = new Client({ connectionString: url });
    await client.connect();
    dir = mkdtempSync(join(tmpdir(), 'wo-migrations-'));
    migration(
      '20270101000000_init',
      'CREATE TABLE "item" ("id" INTEGER PRIMARY KEY, "code" TEXT NOT NULL);\nINSERT INTO "item" SELECT g, \'c\' || (g % 50) FROM generate_series(1, 500) g;\n',
    );
  });

  afterEach(async () => {
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds the index outside a transaction, records it once, and a second run is a no-op', async () => {
    migration('20270101010000_item_code_index', '-- CreateIndex\nCREATE INDEX CONCURRENTLY "item_code_idx" ON "item"("code");\n');
    migration('20270101020000_item_code_index_drop', 'DROP INDEX CONCURRENTLY "item_code_idx";\n');
    migration('20270101030000_item_code_unique', 'CREATE UNIQUE INDEX CONCURRENTLY "item_id_code_key" ON "item"("id", "code");\n');

    expect((await applyMigrations(url, dir)).applied).toEqual([
      '20270101000000_init',
      '20270101010000_item_code_index',
      '20270101020000_item_code_index_drop',
      '20270101030000_item_code_unique',
    ]);
    expect(await index('item_code_idx')).toBeUndefined();
    expect(await index('item_id_code_key')).toEqual({ valid: true });
    expect(await applyMigrations(url, dir)).toEqual({ applied: [], alreadyApplied: 4, tookMs: {} });
    expect(await recorded()).toHaveLength(4);
  });

  it('drops the INVALID index a failed build left behind and builds it again once the cause is gone', async () => {
    migration('20270101010000_item_code_unique', 'CREATE UNIQUE INDEX CONCURRENTLY "item_code_key" ON "item"("code");\n');
    // 500 rows, 50 codes: the unique build fails and leaves an INVALID index, as a killed Job does.
    await expect(applyMigrations(url, dir)).rejects.toThrow(/migration 20270101010000_item_code_unique failed: could not create unique index/);
    expect(await index('item_code_key')).toEqual({ valid: false });
    expect(await recorded()).toEqual(['20270101000000_init']);

    await client.query('DELETE FROM "item" WHERE id > 50');
    expect((await applyMigrations(url, dir)).applied).toEqual(['20270101010000_item_code_unique']);
    expect(await index('item_code_key')).toEqual({ valid: true });
  });

  it('records, without building it twice, an index a Job built before it was killed', async () => {
    await applyMigrations(url, dir);
    await client.query('CREATE INDEX "item_code_idx" ON "item"("code")');
    migration('20270101010000_item_code_index', 'CREATE INDEX CONCURRENTLY "item_code_idx" ON "item"("code");\n');
    expect((await applyMigrations(url, dir)).applied).toEqual(['20270101010000_item_code_index']);
    expect(await index('item_code_idx')).toEqual({ valid: true });
  });

  it('refuses a migration that mixes CONCURRENTLY with other statements before running any migration', async () => {
    migration('20270101010000_mixed', 'CREATE INDEX CONCURRENTLY "item_code_idx" ON "item"("code");\nALTER TABLE "item" ADD COLUMN "note" TEXT;\n');
    await expect(applyMigrations(url, dir)).rejects.toThrow(/migration 20270101010000_mixed: a migration that uses CONCURRENTLY holds exactly one/);
    const tables = await client.query(`SELECT 1 FROM pg_class WHERE relname = 'item'`);
    expect(tables.rowCount).toBe(0);
  });

  it('lets writes to the table go on while the index builds', async () => {
    await applyMigrations(url, dir);
    await client.query('INSERT INTO "item" SELECT g, \'c\' || (g % 997) FROM generate_series(501, 400000) g');
    migration('20270101010000_item_code_index', 'CREATE INDEX CONCURRENTLY "item_code_idx" ON "item"("code", "id");\n');
    const building = applyMigrations(url, dir);
    const writer = new Client({ connectionString: url });
    await writer.connect();
    try {
      // Wait until the build is under way, then write: a plain CREATE INDEX would hold this off.
      for (let seen = false; !seen;) {
        const rows = await writer.query(`SELECT 1 FROM pg_stat_progress_create_index WHERE command = 'CREATE INDEX CONCURRENTLY'`);
        seen = (rows.rowCount ?? 0) > 0;
        if (!seen) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await writer.query("SET lock_timeout = '1s'");
      await writer.query(`INSERT INTO "item" VALUES (400001, 'written while the index built')`);
      const stillBuilding = await writer.query(`SELECT 1 FROM pg_stat_progress_create_index`);
      expect(stillBuilding.rowCount).toBe(1);
    } finally {
      await writer.end();
    }
    await building;
    expect(await index('item_code_idx')).toEqual({ valid: true });
  });
});
