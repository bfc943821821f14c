import type { FactoryProvider } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PG_POOL } from './database-pool';

/**
 * What every service's Prisma client is built with: its queries on the service's shared pg pool,
 * and interactive transactions that wait for a pooled connection longer than Prisma's 2 s
 * default. Under a burst (50 orders created at once on a busy machine) 2 s was not enough and the
 * request failed with a 500; past 10 s the service is overloaded and says so with a 503.
 */
export function prismaOptionsFor(pool: Pool) {
  return { adapter: new PrismaPg(pool), transactionOptions: { maxWait: 10_000, timeout: 30_000 } };
}

/**
 * The Nest provider of a service's Prisma database. The service names its class once,
 * `export class InventoryDatabase extends PrismaClient {}` (its generated client: the token and the
 * type its code injects), and registers `prismaDatabaseProvider(InventoryDatabase)`, which builds
 * it on the service's pool (PG_POOL) with `prismaOptionsFor`.
 */
export function prismaDatabaseProvider<T>(Database: new (options: ReturnType<typeof prismaOptionsFor>) => T): FactoryProvider<T> {
  return { provide: Database, useFactory: (pool: Pool) => new Database(prismaOptionsFor(pool)), inject: [PG_POOL] };
}
