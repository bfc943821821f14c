import { Inject, Injectable } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlExecutor } from '@wo/messaging';
import { PG_POOL, SqlDatabase } from '@wo/platform';
import type { Pool } from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

/** The picking database, through Prisma on the service's shared pg pool. */
@Injectable()
export class PickingDatabase extends PrismaClient {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super({ adapter: new PrismaPg(pool) });
  }
}

export type PickingTransaction = Prisma.TransactionClient;

/** The same database without Prisma, for the work-order events (one per order: the hot path), in SQL. */
@Injectable()
export class PickingSql extends SqlDatabase {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super(pool);
  }
}

export type SqlTransaction = SqlExecutor;
