import { Inject, Injectable } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PG_POOL } from '@wo/platform';
import type { Pool } from 'pg';
import { PrismaClient, type Prisma, type WorkOrder } from '../generated/prisma/client';

/** The work-orders database, through Prisma on the service's shared pg pool. */
@Injectable()
export class WorkOrdersDatabase extends PrismaClient {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super({ adapter: new PrismaPg(pool) });
  }
}

export type WorkOrdersTransaction = Prisma.TransactionClient;

/** work_order's columns under the model's field names, for raw reads that give a `WorkOrder`. */
const WORK_ORDER_FIELDS = `id, number, merchant_id AS "merchantId", warehouse_id AS "warehouseId", name, scheduled_at AS "scheduledAt",
  status, pending_action AS "pendingAction", bom_id AS "bomId", bom_sets AS "bomSets", shortages,
  inbound_order_id AS "inboundOrderId", inbound_status AS "inboundStatus", inbound_lines AS "inboundLines",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * Locks work orders for the rest of the transaction and reads them, in one statement. Several are
 * locked in id order, a fixed order, so that concurrent transactions never wait in a cycle.
 */
export async function lockWorkOrders(tx: WorkOrdersTransaction, ids: readonly string[]): Promise<WorkOrder[]> {
  if (ids.length === 0) return [];
  return tx.$queryRawUnsafe<WorkOrder[]>(`SELECT ${WORK_ORDER_FIELDS} FROM work_order WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, [...ids]);
}
