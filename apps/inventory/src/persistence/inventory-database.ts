import { Inject, Injectable } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlExecutor } from '@wo/messaging';
import { PG_POOL, SqlDatabase } from '@wo/platform';
import type { Pool } from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

/** The inventory database, through Prisma on the service's shared pg pool. */
@Injectable()
export class InventoryDatabase extends PrismaClient {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super({ adapter: new PrismaPg(pool) });
  }
}

export type InventoryTransaction = Prisma.TransactionClient;

/** The same database without Prisma, for runs of reservations (the hot path), written in SQL. */
@Injectable()
export class InventorySql extends SqlDatabase {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super(pool);
  }
}

export type SqlTransaction = SqlExecutor;
