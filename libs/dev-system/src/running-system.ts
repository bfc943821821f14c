import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Role } from '@wo/contracts/rest';
import { ApiClient } from '@wo/testing';
import {
  IDENTITY_PROVIDER,
  issuerUrl,
  loginRedirectUri,
  planSystem,
  type InstanceName,
  type ProcessName,
  type ProcessPlan,
  type SystemOptions,
} from './system-plan';

interface RunningProcess {
  readonly plan: ProcessPlan;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Ended on purpose (`terminate`), not crashed. */
  ended: boolean;
}

/**
 * The whole system as child processes: starts each service (each of its replicas) and waits until
 * it says it is ready, then the gateway; stops them all with SIGTERM (SIGKILL after a grace
 * period). Tests use the same handle to kill and restart single processes, named by instance
 * (`inventory` is the first replica of inventory, `inventory-2` the second).
 */
export class RunningSystem {
  private readonly processes = new Map<InstanceName, RunningProcess>();
  private readonly logs = new Map<InstanceName, WriteStream>();
  private stopping = false;
  /** Processes that ended while the system was not stopping and were not ended through `terminate`: a crash. */
  readonly unexpectedExits: { instance: InstanceName; code: number | null }[] = [];

  constructor(
    readonly options: SystemOptions,
    private readonly onUnexpectedExit: (name: InstanceName, code: number | null) => void = () => undefined,
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

  urlOf(instance: InstanceName): string {
    return `http://127.0.0.1:${this.planOf(instance).port}`;
  }

  /** Every replica of a service (or the one gateway, identity provider), first replica first. */
  instancesOf(name: ProcessName): InstanceName[] {
    return planSystem(this.options)
      .filter((plan) => plan.name === name)
      .map((plan) => plan.instance);
  }

  async start(): Promise<void> {
    const plans = planSystem(this.options);
    // The identity provider first (services fetch its keys), then the first replica of each service
    // (in parallel: each one creates its own database and topics and migrates it), then the other
    // replicas, which find all that in place as they would on Kubernetes after the migration Job,
    // then the gateway.
    const services = plans.filter((plan) => plan.name !== 'gateway' && plan.name !== IDENTITY_PROVIDER);
    await this.launch(plans.find((plan) => plan.name === IDENTITY_PROVIDER)!);
    await Promise.all(services.filter((plan) => plan.replica === 0).map((plan) => this.launch(plan)));
    await Promise.all(services.filter((plan) => plan.replica > 0).map((plan) => this.launch(plan)));
    await this.launch(plans.find((plan) => plan.name === 'gateway')!);
  }

  async stop(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    const order: ProcessName[] = ['gateway', 'work-orders', 'picking', 'inbound', 'inventory', IDENTITY_PROVIDER];
    for (const name of order) await Promise.all(this.instancesOf(name).map((instance) => this.terminate(instance, 'SIGTERM', graceMs)));
    for (const log of this.logs.values()) log.end();
  }

  /** Ends one process abruptly (SIGKILL) or politely (SIGTERM), and waits until it is gone. */
  async terminate(instance: InstanceName, signal: NodeJS.Signals, graceMs = 15_000): Promise<void> {
    const running = this.processes.get(instance);
    if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
    running.ended = true;
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

  async restart(instance: InstanceName): Promise<void> {
    await this.launch(this.planOf(instance));
  }

  private planOf(instance: InstanceName): ProcessPlan {
    const plan = planSystem(this.options).find((candidate) => candidate.instance === instance);
    if (!plan) throw new Error(`no process ${instance} in this system`);
    return plan;
  }

  private async launch(plan: ProcessPlan): Promise<void> {
    // CPU_PROFILE_DIR: each process writes a V8 CPU profile there when it exits (for the bench).
    const profiling = process.env['CPU_PROFILE_DIR']
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env['CPU_PROFILE_DIR']}`, `--cpu-prof-name=${plan.instance}.cpuprofile`]
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
    this.pipeOutput(plan.instance, child);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const running: RunningProcess = { plan, child, exited, ended: false };
    this.processes.set(plan.instance, running);
    void exited.then((code) => {
      if (!this.stopping && !running.ended && this.processes.get(plan.instance) === running) {
        this.unexpectedExits.push({ instance: plan.instance, code });
        this.onUnexpectedExit(plan.instance, code);
      }
    });
    await waitUntilReady(plan, exited);
  }

  private pipeOutput(name: InstanceName, child: ChildProcess): void {
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
    if (gone !== undefined) throw new Error(`${plan.instance} exited with code ${gone} while starting`);
    try {
      const response = await fetch(`http://127.0.0.1:${plan.port}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet: keep polling until the deadline.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${plan.instance} was not ready within ${timeoutMs / 1000}s`);
}
