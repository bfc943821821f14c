import { Module, type DynamicModule } from '@nestjs/common';
import { prismaDatabaseProvider } from '@wo/database';
import { PlatformModule, type ServiceRuntime } from '@wo/platform';
import { PickingLists } from './application/picking-lists.service';
import { PickingRequests } from './application/picking-requests.service';
import { PickingHttpController } from './http/picking.http.controller';
import { PickingCommandsMessageController } from './messaging/picking-commands.message.controller';
import { WorkOrderEventsMessageController } from './messaging/work-order-events.message.controller';
import { PickingDatabase } from './persistence/picking-database';

@Module({})
export class PickingModule {
  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    return {
      module: PickingModule,
      imports: [PlatformModule.forRuntime(runtime)],
      controllers: [PickingHttpController, WorkOrderEventsMessageController, PickingCommandsMessageController],
      providers: [prismaDatabaseProvider(PickingDatabase), PickingRequests, PickingLists],
    };
  }
}
