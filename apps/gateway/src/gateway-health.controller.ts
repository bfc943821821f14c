import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway-config';

/** The gateway is ready when every service behind it says it is ready. */
@Controller('health')
export class GatewayHealthController {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
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
