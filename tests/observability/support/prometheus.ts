import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually } from '@wo/testing';

/** A scrape target: a process of the system under test and its port. */
export interface Target {
  readonly service: string;
  readonly port: number;
}

/** Prometheus's answer to an instant query. */
export interface QueryResult {
  readonly status: string;
  readonly error?: string;
  readonly data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
}

/**
 * A real Prometheus (Debian's binary) of the test's own: a free port, its data under `directory`,
 * scraping every target each second and evaluating `ruleFiles` each second.
 */
export class LocalPrometheus {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly directory: string,
  ) {}

  static async start(options: { directory: string; targets: readonly Target[]; ruleFiles: readonly string[] }): Promise<LocalPrometheus> {
    requireBinary('prometheus');
    rmSync(options.directory, { recursive: true, force: true });
    mkdirSync(options.directory, { recursive: true });
    const config = join(options.directory, 'prometheus.yml');
    writeFileSync(config, prometheusConfig(options.targets, options.ruleFiles));
    const port = await freePort();
    const child = spawn(
      'prometheus',
      [`--config.file=${config}`, `--storage.tsdb.path=${join(options.directory, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
    const prometheus = new LocalPrometheus(child, `http://127.0.0.1:${port}`, options.directory);
    try {
      await eventually(
        async () => {
          if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}: ${stderr}`);
          return (await fetch(`${prometheus.url}/-/ready`).catch(() => null))?.ok ?? false;
        },
        (ready) => ready,
        { timeoutMs: 30_000, intervalMs: 250, what: 'Prometheus to be ready' },
      );
    } catch (error) {
      await prometheus.stop();
      throw error;
    }
    return prometheus;
  }

  async query(expr: string): Promise<QueryResult> {
    const response = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    return (await response.json()) as QueryResult;
  }

  /** The value of a query that returns one series (NaN when it returns none). */
  async scalar(expr: string): Promise<number> {
    const result = await this.query(expr);
    return Number(result.data?.result[0]?.value[1] ?? NaN);
  }

  async get<T>(path: string): Promise<T> {
    return ((await (await fetch(`${this.url}${path}`)).json()) as { data: T }).data;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** `promtool check rules`: its exit code and what it printed. */
export function checkRules(file: string): { status: number | null; output: string } {
  requireBinary('promtool');
  const result = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function prometheusConfig(targets: readonly Target[], ruleFiles: readonly string[]): string {
  const scrape = targets.map(({ service, port }) => `      - targets: ['127.0.0.1:${port}']\n        labels: { service: '${service}' }`).join('\n');
  return `global:
  scrape_interval: 1s
  scrape_timeout: 900ms
  evaluation_interval: 1s
rule_files:
${ruleFiles.map((file) => `  - '${file}'`).join('\n')}
scrape_configs:
  - job_name: work-orders-platform
    honor_labels: true
    static_configs:
${scrape}
`;
}

function requireBinary(name: string): void {
  if (spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0) {
    throw new Error(`${name} is missing: apt-get install prometheus (Debian's package has prometheus and promtool; .ci/run installs it)`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
