import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway-config';

/**
 * The gateway's probes.
 *
 * - `/health/live` and `/health/ready` reflect the gateway alone: it answers, so it can route.
 *   Kubernetes probes these, so that one sick service behind it never takes the gateway (and with
 *   it every other service's routes and the console) out of rotation.
 * - `/health/upstreams` is the aggregate view for people and dashboards: 200 when every service
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
      Object.entries(this.config.upstreams).map(async ([service, base]) => {
        try {
          const response = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(2_000) });
          checks[service] = response.ok ? 'ok' : `status ${response.status}`;
        } catch (error) {
          checks[service] = (error as Error).message;
        }
      }),
    );
    if (Object.values(checks).some((check) => check !== 'ok')) throw new ServiceUnavailableException({ status: 'unavailable', checks });
    return { status: 'ok', checks };
  }
}
