import { applyMigrations, describeApplied, ensureDatabase, pendingMigrations } from '@wo/database';

/**
 * What a service does with its database before it starts.
 *
 * - `migrate: true` (MIGRATE_ON_START=true, the default for `npm start` and docker compose):
 *   create the database if it does not exist, then apply pending migrations. Needs a role that may
 *   create databases (or an existing database) and own the schema.
 * - `migrate: false` (on Kubernetes, where the migration Job runs before the rollout): create
 *   nothing and change nothing; fail with a clear message when the database is missing or lacks a
 *   migration this version ships. Needs only a role that can log in to its existing database.
 *
 * Returns a line for the log.
 */
export async function prepareDatabase(databaseUrl: string, migrationsDir: string, options: { migrate: boolean }): Promise<string> {
  if (options.migrate) {
    await ensureDatabase(databaseUrl);
    const report = await applyMigrations(databaseUrl, migrationsDir);
    return `migrations: ${report.applied.length} applied${report.applied.length ? ` (${describeApplied(report)})` : ''}, ${report.alreadyApplied} already there`;
  }
  let pending: string[];
  try {
    pending = await pendingMigrations(databaseUrl, migrationsDir);
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') {
      throw new Error(
        `database ${databaseName(databaseUrl)} does not exist and MIGRATE_ON_START=false: run the migration job first (node dist/libs/platform/src/bin/migrate.js --create-databases, see deploy/k8s/README.md)`,
        { cause: error },
      );
    }
    throw error;
  }
  if (pending.length > 0) {
    throw new Error(
      `database ${databaseName(databaseUrl)} lacks ${pending.length} migration(s) of this version (${pending.join(', ')}) and MIGRATE_ON_START=false: run the migration job of this release before rolling it out (deploy/k8s/README.md)`,
    );
  }
  return 'migrations: all applied (MIGRATE_ON_START=false: checked, not applied)';
}

function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}
