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

/** Locks a row for the rest of the transaction; false when it does not exist. */
export async function lockRow(tx: WorkOrdersTransaction, table: 'work_order' | 'saga_instance', id: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, id);
  return rows.length === 1;
}
