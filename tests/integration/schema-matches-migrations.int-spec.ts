import { applyMigrations, ensureDatabase } from '@wo/database';
import { schemaDrift } from '@wo/testing';
import { join } from 'node:path';
import { Client } from 'pg';

const postgres = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';

/**
 * Each service's Prisma schema and its hand-written SQL migrations describe the same database:
 * the migrations are applied to a scratch database and its catalog compared with the schema.
 */
describe.each(['inventory', 'work-orders', 'picking', 'inbound'])('%s schema and migrations', (service) => {
  const url = `${postgres}/wo_schema_check_${service.replace('-', '_')}`;
  const root = join(__dirname, '../../apps', service, 'prisma');

  beforeAll(async () => {
    await recreate(url);
  });

  it('agree', async () => {
    const report = await applyMigrations(url, join(root, 'migrations'));
    expect(report.applied.length).toBeGreaterThan(0);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      expect(await schemaDrift(join(root, 'schema.prisma'), client)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('re-applying is a no-op recorded like prisma migrate deploy records it', async () => {
    const report = await applyMigrations(url, join(root, 'migrations'));
    expect(report.applied).toEqual([]);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const rows = await client.query('SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations');
      expect(
        rows.rows.every(
          (row) => row.finished_at !== null && row.rolled_back_at === null && row.applied_steps_count === 1 && /^[0-9a-f]{64}$/.test(row.checksum),
        ),
      ).toBe(true);
    } finally {
      await client.end();
    }
  });
});

async function recreate(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = '/postgres';
  const admin = new Client({ connectionString: target.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(url);
}
