import { migrateServices, migrationTargets } from '../database/migrate-services';
import { join } from 'node:path';

/**
 * The migration job: applies every service's pending migrations to its database, then exits, so
 * the services can run with MIGRATE_ON_START=false and a role that cannot change the schema.
 * On Kubernetes it is the Job of deploy/k8s/base/migrate-job.yaml, run before the new version
 * rolls out (deploy/k8s/README.md).
 *
 *   node dist/libs/platform/src/bin/migrate.js [--only inventory,work-orders] [--create-databases]
 *
 * Reads INVENTORY_DATABASE_URL, WORK_ORDERS_DATABASE_URL, PICKING_DATABASE_URL and
 * INBOUND_DATABASE_URL. `--create-databases` (or MIGRATE_CREATE_DATABASES=true) creates missing
 * databases first. It is the one tool for these migrations: they include SQL shared by every
 * service (`-- @include`, see applyMigrations), which `prisma migrate deploy` would not expand.
 * Exits 1 on failure.
 */
async function main(argv: readonly string[]): Promise<void> {
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : undefined;
  const createDatabases = argv.includes('--create-databases') || process.env['MIGRATE_CREATE_DATABASES'] === 'true';
  // Compiled, this file is dist/libs/platform/src/bin/migrate.js and the migrations are in
  // dist/apps/<service>/prisma/migrations (scripts/build.sh copies them there).
  const targets = migrationTargets(process.env, (service) => join(__dirname, '../../../../apps', service, 'prisma', 'migrations'), only);
  const started = Date.now();
  await migrateServices(targets, { createDatabases }, (line) => console.log(`migrate: ${line}`));
  console.log(`migrate: ${targets.length} database(s) up to date in ${Date.now() - started} ms`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message.startsWith('migrate:') ? error.message : `migrate: failed: ${error.message}`);
  process.exit(1);
});
