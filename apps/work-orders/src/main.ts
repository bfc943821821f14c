import 'reflect-metadata';
import { InboundTopics } from '@wo/contracts/inbound';
import { InventoryTopics } from '@wo/contracts/inventory';
import { PickingTopics } from '@wo/contracts/picking';
import { WorkOrderTopics } from '@wo/contracts/work-orders';
import { commandsFrom, eventsFrom } from '@wo/messaging';
import { bootstrapService } from '@wo/platform';
import { join } from 'node:path';
import { WorkOrdersModule } from './work-orders.module';

void bootstrapService({
  name: 'work-orders',
  module: (runtime) => WorkOrdersModule.forRuntime(runtime),
  migrationsDir: join(__dirname, '../prisma/migrations'),
  consumes: [
    commandsFrom(InventoryTopics.stockReplies),
    commandsFrom(InboundTopics.replies),
    eventsFrom(InventoryTopics.referenceData),
    eventsFrom(InventoryTopics.stockEvents),
    eventsFrom(PickingTopics.events),
    eventsFrom(InboundTopics.events),
  ],
  produces: [InventoryTopics.stockCommands, InboundTopics.commands, PickingTopics.commands, WorkOrderTopics.events],
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
