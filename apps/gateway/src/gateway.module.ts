import { Module, type DynamicModule } from '@nestjs/common';
import { AuthConfigController } from './auth-config.controller';
import { MetricsModule } from '@wo/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway-config';
import { GatewayHealthController } from './gateway-health.controller';

@Module({})
export class GatewayModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [MetricsModule],
      controllers: [GatewayHealthController, AuthConfigController],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
    };
  }
}
