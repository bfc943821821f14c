import 'reflect-metadata';
import { InventoryTopics } from '@wo/contracts/inventory';
import { WorkOrderTopics } from '@wo/contracts/work-orders';
import { commandsFrom, eventsFrom } from '@wo/messaging';
import { bootstrapService } from '@wo/platform';
import { join } from 'node:path';
import { InventoryModule } from './inventory.module';

void bootstrapService({
  name: 'inventory',
  module: (runtime) => InventoryModule.forRuntime(runtime),
  migrationsDir: join(__dirname, '../prisma/migrations'),
  // The completions' genealogy, for the lot trace (docs/decisions/0007-lots.md).
  consumes: [commandsFrom(InventoryTopics.stockCommands), eventsFrom(WorkOrderTopics.events)],
  produces: [InventoryTopics.stockReplies, InventoryTopics.putawayReplies, InventoryTopics.stockEvents, InventoryTopics.referenceData],
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
