import { Controller, Get, Inject } from '@nestjs/common';
import type { AuthConfig } from '@wo/contracts/rest';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway-config';

/** Where a browser logs in: the console reads this at start, so its bundle needs no build-time settings. */
@Controller('auth')
export class AuthConfigController {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  @Get('config')
  authConfig(): AuthConfig {
    return { issuer: this.config.oidc.issuerUrl, clientId: this.config.oidc.clientId, audience: this.config.oidc.audience };
  }
}
