import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Role } from '@wo/contracts/rest';
import { ApiClient } from '@wo/testing';
import { IDENTITY_PROVIDER, issuerUrl, loginRedirectUri, planSystem, type ProcessName, type ProcessPlan, type SystemOptions } from './system-plan';

interface RunningProcess {
  readonly plan: ProcessPlan;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * The whole system as child processes: starts each service and waits until it says it is ready,
 * then the gateway; stops them all with SIGTERM (SIGKILL after a grace period). Tests use the
 * same handle to kill and restart single services.
 */
export class RunningSystem {
  private readonly processes = new Map<ProcessName, RunningProcess>();
  private readonly logs = new Map<ProcessName, WriteStream>();
  private stopping = false;

  constructor(
    readonly options: SystemOptions,
    private readonly onUnexpectedExit: (name: ProcessName, code: number | null) => void = () => undefined,
  ) {}

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.options.gatewayPort}`;
  }

  /** The development OpenID provider's issuer (tokens for tests and scripts come from there). */
  get issuerUrl(): string {
    return issuerUrl(this.options);
  }

  /**
   * An API client signed in at this system's development provider as the role's seeded user (the
   * token is fetched on the first request), against the gateway or another base URL.
   */
  client(role: Role, options: { merchantIds?: readonly string[]; baseUrl?: string } = {}): ApiClient {
    return ApiClient.signedIn(role, {
      ...options,
      baseUrl: options.baseUrl ?? this.gatewayUrl,
      issuerUrl: this.issuerUrl,
      redirectUri: loginRedirectUri(this.options),
    });
  }

  urlOf(name: ProcessName): string {
    return `http://127.0.0.1:${this.planOf(name).port}`;
  }

  async start(): Promise<void> {
    const plans = planSystem(this.options);
    // The identity provider first (services fetch its keys), then the services (in parallel: each
    // one creates its own database and topics), then the gateway.
    await this.launch(plans.find((plan) => plan.name === IDENTITY_PROVIDER)!);
    await Promise.all(plans.filter((plan) => plan.name !== 'gateway' && plan.name !== IDENTITY_PROVIDER).map((plan) => this.launch(plan)));
    await this.launch(plans.find((plan) => plan.name === 'gateway')!);
  }

  async stop(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    const order: ProcessName[] = ['gateway', 'work-orders', 'picking', 'inbound', 'inventory', IDENTITY_PROVIDER];
    for (const name of order) await this.terminate(name, 'SIGTERM', graceMs);
    for (const log of this.logs.values()) log.end();
  }

  /** Ends one process abruptly (SIGKILL) or politely (SIGTERM), and waits until it is gone. */
  async terminate(name: ProcessName, signal: NodeJS.Signals, graceMs = 15_000): Promise<void> {
    const running = this.processes.get(name);
    if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
    running.child.kill(signal);
    const timer = setTimeout(() => running.child.kill('SIGKILL'), graceMs);
    await running.exited;
    clearTimeout(timer);
  }

  /** The process id of each running process. */
  pids(): Record<string, number> {
    const pids: Record<string, number> = {};
    for (const [name, running] of this.processes) {
      if (running.child.pid !== undefined && running.child.exitCode === null) pids[name] = running.child.pid;
    }
    return pids;
  }

  /** Resident set size of each running process, read from /proc (Linux). */
  residentMemoryMiB(): Record<string, number> {
    const sizes: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.pids())) {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      sizes[name] = Math.round(kib / 1024);
    }
    return sizes;
  }

  async restart(name: ProcessName): Promise<void> {
    await this.launch(this.planOf(name));
  }

  private planOf(name: ProcessName): ProcessPlan {
    return planSystem(this.options).find((plan) => plan.name === name)!;
  }

  private async launch(plan: ProcessPlan): Promise<void> {
    // CPU_PROFILE_DIR: each process writes a V8 CPU profile there when it exits (for the bench).
    const profiling = process.env['CPU_PROFILE_DIR']
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env['CPU_PROFILE_DIR']}`, `--cpu-prof-name=${plan.name}.cpuprofile`]
      : [];
    const child = spawn(process.execPath, ['--enable-source-maps', ...profiling, plan.entry], {
      // JSON lines in log files (grep and jq read them), readable colours on a terminal; LOG_FORMAT overrides.
      env: {
        ...process.env,
        ...plan.env,
        ...this.options.extraEnv?.[plan.name],
        ...(this.options.logDir ? { NO_COLOR: '1', FORCE_COLOR: '0' } : { FORCE_COLOR: process.env['FORCE_COLOR'] ?? '1' }),
        LOG_FORMAT: process.env['LOG_FORMAT'] ?? (this.options.logDir ? 'json' : 'pretty'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.pipeOutput(plan.name, child);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const running: RunningProcess = { plan, child, exited };
    this.processes.set(plan.name, running);
    void exited.then((code) => {
      if (!this.stopping && this.processes.get(plan.name) === running && code !== null) this.onUnexpectedExit(plan.name, code);
    });
    await waitUntilReady(plan, exited);
  }

  private pipeOutput(name: ProcessName, child: ChildProcess): void {
    let sink: (line: string) => void;
    if (this.options.logDir) {
      mkdirSync(this.options.logDir, { recursive: true });
      const log = this.logs.get(name) ?? createWriteStream(join(this.options.logDir, `${name}.log`), { flags: 'a' });
      this.logs.set(name, log);
      sink = (line) => log.write(`${line}\n`);
    } else {
      const label = `[${name}]`.padEnd(14);
      sink = (line) => process.stdout.write(`${label}${line}\n`);
    }
    for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', sink);
  }
}

async function waitUntilReady(plan: ProcessPlan, exited: Promise<number | null>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`${plan.name} exited with code ${gone} while starting`);
    try {
      const response = await fetch(`http://127.0.0.1:${plan.port}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet: keep polling until the deadline.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${plan.name} was not ready within ${timeoutMs / 1000}s`);
}
