import { databaseUrl, SERVICES, type InstanceName, type RunningSystem, type SystemOptions } from '@wo/dev-system';
import { eventually } from '@wo/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { Client } from 'pg';

/**
 * The outages a fault suite or the chaos run inflicts on the system's stores. A Postgres outage for one system alone: its databases stop accepting connections and every
 * session it holds is ended, as a restart does to its clients, while other systems on the same
 * server carry on. `whileDown` runs during the outage; connections are allowed again after it.
 */
export async function duringPostgresOutage(options: SystemOptions, whileDown: () => Promise<void>): Promise<void> {
  const names = SERVICES.map((service) => new URL(databaseUrl(options, service)).pathname.slice(1));
  const admin = new Client({ connectionString: `${options.postgresUrl.replace(/\/$/, '')}/postgres` });
  await admin.connect();
  try {
    for (const name of names) await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()', [names]);
    await whileDown();
  } finally {
    for (const name of names) await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    await admin.end();
  }
}

/** A Redis server of the suite's own (no persistence: a restart forgets everything), stopped and started at will. */
export class PrivateRedis {
  private child: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      process.env['REDIS_SERVER'] ?? '/usr/bin/redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    this.child = child;
    await eventually(
      () => accepts(this.port),
      (open) => open,
      { timeoutMs: 10_000, intervalMs: 100, what: `redis-server on port ${this.port}` },
    );
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** What a service's readiness probe answers: its status code and the checks it names. */
export async function readiness(system: RunningSystem, instance: InstanceName): Promise<{ status: number; body: any }> {
  try {
    const response = await fetch(`${system.urlOf(instance)}/health/ready`, { signal: AbortSignal.timeout(5_000) });
    return { status: response.status, body: await response.json() };
  } catch (error) {
    return { status: 0, body: { error: (error as Error).message } };
  }
}
