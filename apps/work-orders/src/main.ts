import 'reflect-metadata';
import { InventoryTopics } from '@wo/contracts/inventory';
import { WorkOrderTopics } from '@wo/contracts/work-orders';
import { bootstrapService } from '@wo/platform';
import { join } from 'node:path';
import { WorkOrdersModule } from './work-orders.module';

void bootstrapService({
  name: 'work-orders',
  module: (runtime) => WorkOrdersModule.forRuntime(runtime),
  migrationsDir: join(__dirname, '../prisma/migrations'),
  consumes: [InventoryTopics.stockReplies, InventoryTopics.referenceData],
  produces: [InventoryTopics.stockCommands, WorkOrderTopics.events],
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
