import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type ServiceRuntime } from '@wo/platform';

/** Bare for now: health probes, its database and the messaging machinery. Its domain comes with issue 3. */
@Module({})
export class InboundModule {
  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    return { module: InboundModule, imports: [PlatformModule.forRuntime(runtime)] };
  }
}
