import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway-config';

/**
 * The gateway's probes.
 *
 * - `/health/live` and `/health/ready` reflect the gateway alone: it answers, so it can route.
 *   Kubernetes probes these, so that one sick service behind it never takes the gateway (and with
 *   it every other service's routes and the console) out of rotation.
 * - `/health/upstreams` is the aggregate view for people and dashboards: 200 when every replica of every service
 *   behind it says it is ready, 503 naming the ones that do not. Never use it as a probe.
 */
@Controller('health')
export class GatewayHealthController {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  ready() {
    return { status: 'ok', scope: 'self' };
  }

  @Get('upstreams')
  async upstreams() {
    const checks: Record<string, string> = {};
    await Promise.all(
      Object.entries(this.config.upstreams).map(async ([service, replicas]) => {
        const results = await Promise.all(replicas.map(async (base) => [base, await readiness(base)] as const));
        const sick = results.filter(([, check]) => check !== 'ok');
        // One replica: its answer; several: 'ok', or which replicas are not and why.
        checks[service] = sick.length === 0 ? 'ok' : replicas.length === 1 ? sick[0]![1] : sick.map(([base, check]) => `${base}: ${check}`).join('; ');
      }),
    );
    if (Object.values(checks).some((check) => check !== 'ok')) throw new ServiceUnavailableException({ status: 'unavailable', checks });
    return { status: 'ok', checks };
  }
}

async function readiness(base: string): Promise<string> {
  try {
    const response = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? 'ok' : `status ${response.status}`;
  } catch (error) {
    return (error as Error).message;
  }
}
