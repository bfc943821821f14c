import 'reflect-metadata';
import { InventoryTopics } from '@wo/contracts/inventory';
import { commandsFrom } from '@wo/messaging';
import { bootstrapService } from '@wo/platform';
import { join } from 'node:path';
import { InventoryModule } from './inventory.module';

void bootstrapService({
  name: 'inventory',
  module: (runtime) => InventoryModule.forRuntime(runtime),
  migrationsDir: join(__dirname, '../prisma/migrations'),
  consumes: [commandsFrom(InventoryTopics.stockCommands)],
  produces: [InventoryTopics.stockReplies, InventoryTopics.stockEvents, InventoryTopics.referenceData],
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
