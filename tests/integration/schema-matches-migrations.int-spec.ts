import { applyMigrations, ensureDatabase, migrationSql } from '@wo/database';
import { schemaDrift } from '@wo/testing';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';

const postgres = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';

/**
 * The checksums databases recorded when they applied these migrations (the first ones from before
 * the outbox and inbox DDL moved to libs/messaging/sql and the migrations included it): the
 * runner refuses a migration whose checksum changed, so they must never change, comments included.
 * A new migration is added here once it has landed.
 */
const APPLIED_CHECKSUMS: Record<string, Record<string, string>> = {
  inbound: {
    '20261127000000_init': 'c3aa2c6c2e19be04f3959915de5f31834c5ec10c6ed7be9c5c40863fcf0d423a',
    '20261127010000_inbound_orders': 'd54d372d375610fcdf8cd8ca9079d7ebe5bfdabab0934d765d3952701b7d7dac',
    '20261201130000_lots': 'f50ae064fbe2f628a84f1cc931c05f78b55e333e0692c05ea7fd16eed89b06af',
    '20261201140000_refused_putaways': '7673682f33753fb6782538db3dd3e820c6decedb654703740b3c18331353a854',
  },
  inventory: {
    '20261127000000_init': '73ec69030211d280814cf6a8105a173b3da8212e13157eae309dcd5122840cc6',
    '20261127010000_putaway': 'b014b146a7bf63a9b83f71be864666c4d28a137e2e1c5dec1d24efb976ac9c55',
    '20261201000000_lots': 'b422855a77a56bb3cd5e4c3c3c5c9669e5b2ba3cd044330934e74195a5158d45',
    '20261201140000_refused_putaways': '3d869946039d3db0f784b2f662a5fa48b2263fd48e26ca71f0b4ab057d89bf6a',
    '20261201180000_volume_indexes': '870db7eeb2477783f647f0e7702ccde834bd58aa4630281d0b0b454e7a078ee0',
  },
  picking: {
    '20261127000000_init': 'c3aa2c6c2e19be04f3959915de5f31834c5ec10c6ed7be9c5c40863fcf0d423a',
    '20261127010000_picking': 'e6dce1125ba158f7c8006d624ba9e65565069ab9a656aeb0dd2bdc6c33bf9926',
    '20261201130000_lots': '30196c6ba654cb3a2c76480eb460c34b895fbc85dd7e4b122e38ce8b8dca7194',
    '20261201140000_request_merchant': 'a9a6e3928b6f06021c77866171daeb55bfa51bc57bcebf248b69bcc5e0d7dd99',
    '20261201180000_volume_indexes': '0592747763c9276eed13c2e761711000c40fb79f4875e88c0c98da6c1ccc6db0',
  },
  'work-orders': {
    '20261127000000_init': 'cf880f8746f1a9263a075171d5360de4c2f5aec7e3a8e119878ca5a0525ab058',
    '20261127010000_picking_and_inbound': 'b89c3c6e8ba06d68149cbadf5286617cb95a6a6d233266f06081311f4cdb8dd4',
    '20261127020000_saga_deadlines': '5d1bd3fb2bb7f896d579747aa5fd4362ba6d73b5c91bdf2b676623c85889b5fd',
    '20261201000000_dead_letters': 'b975ef552655c71536e1d5cca7c58946afb1b8763e812a19063cc3b12ced0e8c',
    '20261201000000_priority_and_auto_retry': 'a2754f96622c25386e68b5d2d856632ee371ed45c05447bb45ff0bd0bda933ad',
    '20261201010000_reallocation_queue': 'c81f0e41c4b1669164984fc1edecfae47c06ed5cadcc78910981922fc117d925',
    '20261201120000_list_indexes': '2363796ef3280559db61a72cd113ad069f6d3e3ccaca6de90b16d85921f8a7ca',
    '20261201180000_volume_indexes': '92d20a169561146d1739f8d3a7a77ae3b616bff08fd8ff04d4777d0d5aff0679',
    '20261201181000_keyset_indexes': '5e6e966c2531c486d21503f8b5f4c328779fdf60b549d0058770b9e352f7637f',
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

/**
 * From here on an index on a table that already holds rows is built CONCURRENTLY (one statement
 * per migration; the runner applies it outside a transaction): a plain CREATE INDEX holds off every
 * write to the table while it builds, seconds to minutes at a year's volume. An index on a table
 * the same migration creates is built plainly, since nothing writes to it yet.
 */
const LAST_PLAIN_INDEX_MIGRATION = '20261201181000_keyset_indexes';

describe.each(['inventory', 'work-orders', 'picking', 'inbound'])(`%s migrations after ${LAST_PLAIN_INDEX_MIGRATION}`, (service) => {
  it('index tables that hold rows only CONCURRENTLY', async () => {
    const root = join(__dirname, '../../apps', service, 'prisma', 'migrations');
    const names = (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name > LAST_PLAIN_INDEX_MIGRATION);
    const blocking: string[] = [];
    for (const { name } of names) {
      const sql = (await migrationSql(join(root, name, 'migration.sql'))).replace(/--[^\n]*/g, '');
      const created = new Set([...sql.matchAll(/CREATE TABLE\s+(?:IF NOT EXISTS\s+)?"?(\w+)"?/gi)].map(([, table]) => table));
      for (const [statement, table] of sql.matchAll(/CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?!CONCURRENTLY)[^;]*?\bON\s+(?:ONLY\s+)?"?(\w+)"?/gi)) {
        if (!created.has(table!)) blocking.push(`${name}: ${statement.trim()}`);
      }
    }
    expect(blocking).toEqual([]);
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
