import { PG_POOL, prismaOptionsFor } from '@wo/database';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

/** The inbound database, through Prisma on the service's shared pg pool. */
@Injectable()
export class InboundDatabase extends PrismaClient {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super(prismaOptionsFor(pool));
  }
}

export type InboundTransaction = Prisma.TransactionClient;
