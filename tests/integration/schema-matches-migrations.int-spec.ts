import { applyMigrations, ensureDatabase, migrationSql } from '@wo/database';
import { schemaDrift } from '@wo/testing';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';

const postgres = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';

/**
 * The checksums databases recorded when they applied these migrations (before the outbox and
 * inbox DDL moved to libs/messaging/sql and the migrations included it): the runner refuses a
 * migration whose checksum changed, so they must never change.
 */
const APPLIED_CHECKSUMS: Record<string, Record<string, string>> = {
  inbound: {
    '20261127000000_init': 'c3aa2c6c2e19be04f3959915de5f31834c5ec10c6ed7be9c5c40863fcf0d423a',
    '20261127010000_inbound_orders': 'd54d372d375610fcdf8cd8ca9079d7ebe5bfdabab0934d765d3952701b7d7dac',
  },
  inventory: {
    '20261127000000_init': '73ec69030211d280814cf6a8105a173b3da8212e13157eae309dcd5122840cc6',
    '20261127010000_putaway': 'b014b146a7bf63a9b83f71be864666c4d28a137e2e1c5dec1d24efb976ac9c55',
    '20261201000000_lots': 'b422855a77a56bb3cd5e4c3c3c5c9669e5b2ba3cd044330934e74195a5158d45',
  },
  picking: {
    '20261127000000_init': 'c3aa2c6c2e19be04f3959915de5f31834c5ec10c6ed7be9c5c40863fcf0d423a',
    '20261127010000_picking': 'e6dce1125ba158f7c8006d624ba9e65565069ab9a656aeb0dd2bdc6c33bf9926',
  },
  'work-orders': {
    '20261127000000_init': 'cf880f8746f1a9263a075171d5360de4c2f5aec7e3a8e119878ca5a0525ab058',
    '20261127010000_picking_and_inbound': 'b89c3c6e8ba06d68149cbadf5286617cb95a6a6d233266f06081311f4cdb8dd4',
    '20261127020000_saga_deadlines': '5d1bd3fb2bb7f896d579747aa5fd4362ba6d73b5c91bdf2b676623c85889b5fd',
  },
};

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

  it('keeps the checksum every database recorded for the migrations it already applied, shared includes expanded', async () => {
    const known = APPLIED_CHECKSUMS[service]!;
    const names = (await readdir(join(root, 'migrations'), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    for (const name of names.filter((candidate) => candidate in known)) {
      const sql = await migrationSql(join(root, 'migrations', name, 'migration.sql'));
      expect({ name, checksum: createHash('sha256').update(sql).digest('hex') }).toEqual({ name, checksum: known[name] });
    }
    const recorded = new Client({ connectionString: url });
    await recorded.connect();
    try {
      const rows = await recorded.query<{ migration_name: string; checksum: string }>('SELECT migration_name, checksum FROM _prisma_migrations');
      for (const row of rows.rows.filter((candidate) => candidate.migration_name in known)) expect(row.checksum).toBe(known[row.migration_name]);
    } finally {
      await recorded.end();
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
