import { type SqlExecutor, PG_POOL, prismaOptionsFor } from '@wo/database';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

/** The inventory database, through Prisma on the service's shared pg pool. */
@Injectable()
export class InventoryDatabase extends PrismaClient {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super(prismaOptionsFor(pool));
  }
}

export type InventoryTransaction = Prisma.TransactionClient;

/** A transaction of either kind: Prisma's, or `SqlDatabase`'s (the hot paths, in plain SQL). */
export type SqlTransaction = SqlExecutor;
