import { applyMigrations, describeApplied, ensureDatabase } from '@wo/database';

/** The services that own a database, and the variable that holds each one's URL for the migration job. */
export const SERVICE_DATABASES = [
  { service: 'inventory', urlVariable: 'INVENTORY_DATABASE_URL' },
  { service: 'work-orders', urlVariable: 'WORK_ORDERS_DATABASE_URL' },
  { service: 'picking', urlVariable: 'PICKING_DATABASE_URL' },
  { service: 'inbound', urlVariable: 'INBOUND_DATABASE_URL' },
] as const;

export type DatabaseService = (typeof SERVICE_DATABASES)[number]['service'];

export interface MigrationTarget {
  readonly service: string;
  readonly databaseUrl: string;
  readonly migrationsDir: string;
}

/**
 * Which databases the migration job migrates: every service's (or those of `only`), each URL from
 * its variable (INVENTORY_DATABASE_URL, ...). Throws naming every missing or malformed variable.
 */
export function migrationTargets(env: NodeJS.ProcessEnv, migrationsDirOf: (service: DatabaseService) => string, only?: readonly string[]): MigrationTarget[] {
  const known = SERVICE_DATABASES.map((entry) => entry.service as string);
  const unknown = (only ?? []).filter((service) => !known.includes(service));
  if (unknown.length > 0) throw new Error(`unknown service(s) ${unknown.join(', ')}: expected some of ${known.join(', ')}`);
  const chosen = SERVICE_DATABASES.filter((entry) => !only || only.length === 0 || only.includes(entry.service));
  const problems: string[] = [];
  const targets: MigrationTarget[] = [];
  for (const { service, urlVariable } of chosen) {
    const value = env[urlVariable];
    if (!value) {
      problems.push(`${urlVariable} is not set`);
      continue;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${urlVariable} is not a URL`);
      continue;
    }
    if (!/^postgres(ql)?:$/.test(url.protocol) || url.pathname.length <= 1) {
      problems.push(`${urlVariable} must be postgresql://user@host:port/database`);
      continue;
    }
    targets.push({ service, databaseUrl: value, migrationsDir: migrationsDirOf(service) });
  }
  if (problems.length > 0) throw new Error(`migrate: invalid configuration\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  return targets;
}

export interface ServiceMigrationReport {
  readonly service: string;
  readonly applied: string[];
  readonly alreadyApplied: number;
}

/**
 * Applies every target's pending migrations, one database after the other, with the same runner
 * (and advisory lock) the services use when MIGRATE_ON_START=true. `createDatabases` creates a
 * missing database first (needs CREATEDB; platforms that provision databases leave it off).
 * Stops at the first failure: a failed migration is rolled back and named in the error.
 */
export async function migrateServices(
  targets: readonly MigrationTarget[],
  options: { createDatabases: boolean },
  log: (line: string) => void = () => undefined,
): Promise<ServiceMigrationReport[]> {
  const reports: ServiceMigrationReport[] = [];
  for (const target of targets) {
    if (options.createDatabases) await ensureDatabase(target.databaseUrl);
    let report;
    try {
      report = await applyMigrations(target.databaseUrl, target.migrationsDir);
    } catch (error) {
      throw new Error(`${target.service}: ${(error as Error).message}`, { cause: error });
    }
    log(
      `${target.service}: ${report.applied.length} applied${report.applied.length ? `: ${describeApplied(report)};` : ','} ${report.alreadyApplied} already there`,
    );
    reports.push({ service: target.service, ...report });
  }
  return reports;
}
