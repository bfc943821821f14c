import { Module, type DynamicModule } from '@nestjs/common';
import { prismaDatabaseProvider } from '@wo/database';
import { PlatformModule, type ServiceRuntime } from '@wo/platform';
import { InboundOrders } from './application/inbound-orders.service';
import { InboundOrdersHttpController } from './http/inbound-orders.http.controller';
import { InboundMessageController } from './messaging/inbound-commands.message.controller';
import { InboundDatabase } from './persistence/inbound-database';

@Module({})
export class InboundModule {
  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    return {
      module: InboundModule,
      imports: [PlatformModule.forRuntime(runtime)],
      controllers: [InboundOrdersHttpController, InboundMessageController],
      providers: [prismaDatabaseProvider(InboundDatabase), InboundOrders],
    };
  }
}
