import 'reflect-metadata';
import { bootstrapService } from '@wo/platform';
import { join } from 'node:path';
import { PickingModule } from './picking.module';

void bootstrapService({
  name: 'picking',
  module: (runtime) => PickingModule.forRuntime(runtime),
  migrationsDir: join(__dirname, '../prisma/migrations'),
  consumes: [],
  produces: [],
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
