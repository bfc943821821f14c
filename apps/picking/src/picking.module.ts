import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type ServiceRuntime } from '@wo/platform';

/** Bare for now: health probes, its database and the messaging machinery. Its domain comes with issue 3. */
@Module({})
export class PickingModule {
  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    return { module: PickingModule, imports: [PlatformModule.forRuntime(runtime)] };
  }
}
