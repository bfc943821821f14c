import { DEV_AUDIENCE } from '@wo/dev-system';
import { migrateServices, migrationTargets, prepareDatabase, SERVICE_DATABASES } from '@wo/platform';
import { ApiClient } from '@wo/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * The Kubernetes way of migrating (deploy/k8s/README.md): the migration job applies every
 * service's migrations, then the services start with MIGRATE_ON_START=false under a role that may
 * neither create databases nor change the schema.
 */
const postgres = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
const root = resolve(__dirname, '../..');
const prefix = 'wo_k8s_int_';
const role = 'wo_k8s_int_app';
const migrationsDirOf = (service: string) => join(root, 'apps', service, 'prisma', 'migrations');
const databaseOf = (service: string) => `${prefix}${service.replace('-', '_')}`;
const superuserUrl = (service: string) => `${postgres}/${databaseOf(service)}`;
const roleUrl = (service: string) => {
  const url = new URL(superuserUrl(service));
  url.username = role;
  url.password = 'app';
  return url.toString();
};

async function admin<T>(work: (client: Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const client = new Client({ connectionString: `${postgres}/${database}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropEverything(): Promise<void> {
  await admin(async (client) => {
    for (const { service } of SERVICE_DATABASES) await client.query(`DROP DATABASE IF EXISTS "${databaseOf(service)}" WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS "${prefix}missing"`);
    await client.query(`DROP ROLE IF EXISTS ${role}`);
  });
}

const jobEnv = Object.fromEntries(SERVICE_DATABASES.map(({ service, urlVariable }) => [urlVariable, superuserUrl(service)]));

describe('migration job, then services with MIGRATE_ON_START=false and no right to create databases', () => {
  beforeAll(async () => {
    await dropEverything();
  });
  afterAll(async () => {
    await dropEverything();
  });

  it('names every missing or malformed database variable', () => {
    expect(() => migrationTargets({ INVENTORY_DATABASE_URL: 'mysql://x/y', PICKING_DATABASE_URL: 'nope' }, migrationsDirOf)).toThrow(
      /INVENTORY_DATABASE_URL must be postgresql:[\s\S]*WORK_ORDERS_DATABASE_URL is not set[\s\S]*PICKING_DATABASE_URL is not a URL[\s\S]*INBOUND_DATABASE_URL is not set/,
    );
    expect(() => migrationTargets(jobEnv, migrationsDirOf, ['billing'])).toThrow('unknown service(s) billing');
    expect(migrationTargets(jobEnv, migrationsDirOf, ['picking']).map((target) => target.service)).toEqual(['picking']);
  });

  it('creates and migrates all four databases, and applies nothing the second time', async () => {
    const targets = migrationTargets(jobEnv, migrationsDirOf);
    const first = await migrateServices(targets, { createDatabases: true });
    expect(first.map((report) => report.service)).toEqual(['inventory', 'work-orders', 'picking', 'inbound']);
    for (const report of first) expect(report.applied.length).toBeGreaterThan(0);
    const second = await migrateServices(targets, { createDatabases: false });
    for (const report of second) expect(report.applied).toEqual([]);
  });

  it('gives the services a role with LOGIN and table rights only: no CREATEDB, not the owner', async () => {
    await admin((client) => client.query(`CREATE ROLE ${role} LOGIN NOCREATEDB NOCREATEROLE NOSUPERUSER PASSWORD 'app'`));
    for (const { service } of SERVICE_DATABASES) {
      await admin(async (client) => {
        await client.query(`GRANT CONNECT ON DATABASE "${databaseOf(service)}" TO ${role}`);
        await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
        await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
        await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      }, databaseOf(service));
    }
    const rights = await admin((client) => client.query<{ rolcreatedb: boolean }>('SELECT rolcreatedb FROM pg_roles WHERE rolname = $1', [role]));
    expect(rights.rows[0]!.rolcreatedb).toBe(false);
  });

  it('with MIGRATE_ON_START=false, checks the migrations are all there and creates nothing', async () => {
    for (const { service } of SERVICE_DATABASES) {
      await expect(prepareDatabase(roleUrl(service), migrationsDirOf(service), { migrate: false })).resolves.toContain('all applied');
    }
  });

  it('that role could not have created its database (what MIGRATE_ON_START=true would try)', async () => {
    const missing = new URL(roleUrl('inventory'));
    missing.pathname = `/${prefix}missing`;
    await expect(prepareDatabase(missing.toString(), migrationsDirOf('inventory'), { migrate: true })).rejects.toThrow(/permission denied to create database/);
  });

  it('with MIGRATE_ON_START=false, stops clearly on a missing database or a migration the job has not applied', async () => {
    const missing = new URL(roleUrl('inventory'));
    missing.pathname = `/${prefix}missing`;
    await expect(prepareDatabase(missing.toString(), migrationsDirOf('inventory'), { migrate: false })).rejects.toThrow(
      `database ${prefix}missing does not exist and MIGRATE_ON_START=false: run the migration job first`,
    );
    const newer = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync(migrationsDirOf('inventory'), newer, { recursive: true });
    mkdirSync(join(newer, '29990101000000_next_release'));
    writeFileSync(join(newer, '29990101000000_next_release', 'migration.sql'), 'SELECT 1;');
    await expect(prepareDatabase(roleUrl('inventory'), newer, { migrate: false })).rejects.toThrow(
      /lacks 1 migration\(s\) of this version \(29990101000000_next_release\) and MIGRATE_ON_START=false: run the migration job/,
    );
  });

  it('a compiled service starts and becomes ready under that role with MIGRATE_ON_START=false, then stops on SIGTERM', async () => {
    const entry = join(root, 'dist/apps/inbound/src/main.js');
    const providerEntry = join(root, 'dist/libs/dev-system/src/identity-provider/main.js');
    for (const file of [entry, providerEntry]) if (!existsSync(file)) throw new Error(`${file} is missing: run \`bash scripts/build.sh\` first`);
    const port = 3890 + Math.floor(Math.random() * 50);
    // Every service needs an issuer whose tokens it accepts: the development provider, compiled, on the next port.
    const issuerPort = port + 50;
    const issuerUrl = `http://localhost:${issuerPort}`;
    const redirectUri = `http://localhost:${port}/callback`;
    const provider = await startIdentityProvider(providerEntry, issuerPort, issuerUrl, redirectUri);
    const output: string[] = [];
    const child = spawn(process.execPath, [entry], {
      env: {
        PATH: process.env['PATH'],
        PORT: String(port),
        DATABASE_URL: roleUrl('inbound'),
        MIGRATE_ON_START: 'false',
        KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
        KAFKA_TOPIC_PREFIX: `k8s-int-${Date.now()}.`,
        KAFKA_PARTITIONS: '1',
        REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
        OIDC_ISSUER_URL: issuerUrl,
        OIDC_AUDIENCE: DEV_AUDIENCE,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    // Nest re-raises the signal once its shutdown hooks have run: a clean stop ends with code 0 or by SIGTERM.
    // 'close', not 'exit': the output is read to its end (the last lines may still be in the pipe at exit).
    const exited = new Promise<string>((resolveExit) => child.once('close', (code, signal) => resolveExit(signal ?? String(code))));
    let exitCode: string | undefined;
    void exited.then((code) => (exitCode = code));
    try {
      const deadline = Date.now() + 60_000;
      let ready = false;
      while (!ready && Date.now() < deadline && exitCode === undefined) {
        ready = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
          (response) => response.ok,
          () => false,
        );
        if (!ready) await new Promise((resolveWait) => setTimeout(resolveWait, 250));
      }
      if (!ready) throw new Error(`inbound did not become ready (exit ${exitCode}):\n${output.join('')}`);
      expect(output.join('')).toContain('MIGRATE_ON_START=false: checked, not applied');
      // It really works under that role: a read through its own API, signed in (anonymous is refused).
      expect((await fetch(`http://127.0.0.1:${port}/inbound-orders`)).status).toBe(401);
      const receiver = await ApiClient.as('receiver', { baseUrl: `http://127.0.0.1:${port}`, issuerUrl, redirectUri });
      const read = await receiver.get('/inbound-orders');
      expect(read.status).toBe(200);
      expect(read.body).toEqual([]);
    } finally {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolveWait) => setTimeout(resolveWait, 30_000))]);
      if (exitCode === undefined) child.kill('SIGKILL');
      child.stdout.destroy();
      child.stderr.destroy();
      await stopProcess(provider);
    }
    expect(['0', 'SIGTERM']).toContain(exitCode);
    expect(output.join('')).toContain('stopped on SIGTERM');
  });
});

/** The compiled development OpenID provider on its own port, once its discovery document answers. */
async function startIdentityProvider(entry: string, port: number, issuerUrl: string, redirectUri: string): Promise<ChildProcess> {
  const output: string[] = [];
  const child = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env['PATH'],
      DEV_OIDC_PORT: String(port),
      OIDC_ISSUER_URL: issuerUrl,
      OIDC_AUDIENCE: DEV_AUDIENCE,
      DEV_OIDC_REDIRECT_URIS: redirectUri,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const up = await fetch(`${issuerUrl}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  await stopProcess(child);
  throw new Error(`the development identity provider did not start on ${port}:\n${output.join('')}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolveWait) => setTimeout(resolveWait, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child.stdout?.destroy();
  child.stderr?.destroy();
}
