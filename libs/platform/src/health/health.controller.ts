import { Controller, Get, HttpCode, Inject } from '@nestjs/common';
import { ProblemException } from '../http/problem';
import { Public } from '../identity/access-policy';
import { SERVICE_RUNTIME, type ServiceRuntime } from '../bootstrap/service-runtime';

/** What a service checks before it says it is ready: each returns normally when healthy. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

/**
 * Kubernetes probes: live means the process answers; ready means its dependencies answer too (503
 * naming the ones that do not); `degraded` (still 200) names a degradable dependency that is down.
 */
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
  async ready(): Promise<{ status: 'ok' | 'degraded'; checks: Record<string, string> }> {
    const results: Record<string, string> = {};
    const failed = async (checks: Iterable<[string, () => Promise<unknown>]>) => {
      let failures = 0;
      for (const [name, check] of checks) {
        try {
          await withTimeout(check(), 2_000);
          results[name] = 'ok';
        } catch (error) {
          failures += 1;
          results[name] = (error as Error).message;
        }
      }
      return failures;
    };
    if ((await failed(Object.entries(this.checks))) > 0) {
      // The checks in the body say which dependency is down (an expected outage, not a bug to log as one).
      throw new ProblemException({ type: 'about:blank', title: 'Not ready', status: 503, detail: 'a dependency does not answer', checks: results });
    }
    const degraded = await failed(this.runtime.degradableDependencies);
    return { status: degraded > 0 ? 'degraded' : 'ok', checks: results };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);
}
