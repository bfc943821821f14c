import { Inject, Injectable } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PG_POOL } from '@wo/platform';
import type { Pool } from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

/** The work-orders database, through Prisma on the service's shared pg pool. */
@Injectable()
export class WorkOrdersDatabase extends PrismaClient {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super({ adapter: new PrismaPg(pool) });
  }
}

export type WorkOrdersTransaction = Prisma.TransactionClient;
