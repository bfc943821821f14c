import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { AuthConfigController } from './auth-config.controller';
import { MetricsModule, stopTracing } from '@wo/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway-config';
import { GatewayHealthController } from './gateway-health.controller';

@Module({})
export class GatewayModule implements OnApplicationShutdown {
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [MetricsModule],
      controllers: [GatewayHealthController, AuthConfigController],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
    };
  }

  /** Exports the spans still buffered (nothing when tracing is off). */
  async onApplicationShutdown(): Promise<void> {
    await stopTracing();
  }
}
