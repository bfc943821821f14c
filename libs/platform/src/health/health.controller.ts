import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '../identity/access-policy';
import { SERVICE_RUNTIME, type ServiceRuntime } from '../bootstrap/service-runtime';

/** What a service checks before it says it is ready: each returns normally when healthy. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

/** Kubernetes probes: live means the process answers; ready means its dependencies answer too. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessChecks,
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
  ) {}

  /** Messaging counters for dashboards: consumed, dead-lettered, published, recoveries, and the outbox backlog. */
  @Get('messaging')
  async messaging() {
    const backlog = await this.runtime.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_message');
    return {
      consumed: this.runtime.consumer?.processed ?? 0,
      deadLettered: this.runtime.consumer?.deadLettered ?? 0,
      consumerRestarts: this.runtime.consumer?.restarts ?? 0,
      producerResets: this.runtime.producer.resets,
      published: this.runtime.relay.published,
      outboxBacklog: backlog.rows[0]!.n,
    };
  }

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ok'; checks: Record<string, string> }> {
    const results: Record<string, string> = {};
    let healthy = true;
    for (const [name, check] of Object.entries(this.checks)) {
      try {
        await withTimeout(check(), 2_000);
        results[name] = 'ok';
      } catch (error) {
        healthy = false;
        results[name] = (error as Error).message;
      }
    }
    if (!healthy) throw new ServiceUnavailableException({ status: 'unavailable', checks: results });
    return { status: 'ok', checks: results };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);
}
