import 'reflect-metadata';
import { PickingTopics } from '@wo/contracts/picking';
import { WorkOrderTopics } from '@wo/contracts/work-orders';
import { commandsFrom, eventsFrom } from '@wo/messaging';
import { bootstrapService } from '@wo/platform';
import { join } from 'node:path';
import { PickingModule } from './picking.module';

void bootstrapService({
  name: 'picking',
  module: (runtime) => PickingModule.forRuntime(runtime),
  migrationsDir: join(__dirname, '../prisma/migrations'),
  consumes: [commandsFrom(PickingTopics.commands), eventsFrom(WorkOrderTopics.events)],
  produces: [PickingTopics.events],
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
