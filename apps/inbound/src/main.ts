import 'reflect-metadata';
import { bootstrapService } from '@wo/platform';
import { join } from 'node:path';
import { InboundModule } from './inbound.module';

void bootstrapService({
  name: 'inbound',
  module: (runtime) => InboundModule.forRuntime(runtime),
  migrationsDir: join(__dirname, '../prisma/migrations'),
  consumes: [],
  produces: [],
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
