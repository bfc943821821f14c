import 'reflect-metadata';
import { InboundTopics } from '@wo/contracts/inbound';
import { InventoryTopics } from '@wo/contracts/inventory';
import { commandsFrom, eventsFrom } from '@wo/messaging';
import { bootstrapService } from '@wo/platform';
import { join } from 'node:path';
import { InboundModule } from './inbound.module';

void bootstrapService({
  name: 'inbound',
  module: (runtime) => InboundModule.forRuntime(runtime),
  migrationsDir: join(__dirname, '../prisma/migrations'),
  consumes: [commandsFrom(InboundTopics.commands), commandsFrom(InventoryTopics.putawayReplies), eventsFrom(InventoryTopics.referenceData)],
  produces: [InboundTopics.replies, InboundTopics.events, InventoryTopics.stockCommands],
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
