import { Injectable } from '@nestjs/common';
import { SqlDatabase } from '@wo/database';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { WorkOrderAllocated, type WorkOrderCanceled, type WorkOrderCompleted } from '@wo/contracts/work-orders';
import type { Allocation } from '@wo/contracts/rest';
import { claimInboxMany } from '@wo/messaging';
import type { PageRequest } from '@wo/platform';
import { PickingRequestStatus, statusesMovedBy } from '../domain/picking-request-lifecycle';
import { PickingDatabase, type SqlTransaction } from '../persistence/picking-database';

export type WorkOrderEvent = EnvelopeOf<typeof WorkOrderAllocated> | EnvelopeOf<typeof WorkOrderCanceled> | EnvelopeOf<typeof WorkOrderCompleted>;

export interface RequestedOrder {
  readonly workOrderId: string;
  readonly number: string;
  readonly warehouseId: string;
  /** The order's merchant: absent only in a CreatePickingList from before it was sent. */
  readonly merchantId?: string;
  /** `allocations`: the bins inventory holds each material in, with the lot for a lot-tracked one. */
  readonly lines: readonly { lineId: string; sku: string; quantity: number; allocations: Allocation[] }[];
}

/**
 * Picking requests: the materials of Allocated work orders, learned from the public work-order
 * events, waiting to be put on a list. A canceled or completed order takes its requests away.
 */
@Injectable()
export class PickingRequests {
  constructor(
    private readonly db: PickingDatabase,
    private readonly sql: SqlDatabase,
  ) {}

  /**
   * A run of work-order events (from the partitions of one fetch), in one plain pg transaction: an Allocated order's
   * materials become open requests; a canceled or completed order's requests go away. Each event
   * is applied once (inbox).
   */
  apply(events: readonly WorkOrderEvent[]) {
    return this.sql.$transaction(async (tx) => {
      for (const event of await claimInboxMany(tx, events)) {
        if (event.type === WorkOrderAllocated.type) {
          const { workOrderId, number, warehouseId, merchantId, materials } = event.payload;
          await openRequests(tx, { workOrderId, number, warehouseId, merchantId, lines: materials });
        } else {
          await tx.$executeRawUnsafe(
            'DELETE FROM picking_request WHERE work_order_id = $1 AND status = ANY($2::text[])',
            event.payload.workOrderId,
            statusesMovedBy('withdraw'),
          );
        }
      }
    });
  }

  /**
   * Open requests of a warehouse: a page of work orders (by number, then id), each with its open
   * materials and their bins. The page's orders are picked in SQL, then only their lines are read;
   * the total counts work orders exactly, as open requests are today's work, not history.
   * `merchantScope`: a scoped caller's merchants (undefined: every merchant).
   */
  async waiting(warehouseId: string, page: PageRequest, merchantScope?: readonly string[]) {
    // $4: the merchants a scoped caller may see, or null for every merchant.
    const scope = merchantScope ? [...merchantScope] : null;
    const [requests, [counted]] = await Promise.all([
      this.db.$queryRawUnsafe<
        { work_order_id: string; work_order_number: string; merchant_id: string | null; line_id: string; sku: string; quantity: number; allocations: unknown }[]
      >(
        `WITH page AS (
           SELECT work_order_number, work_order_id FROM picking_request
            WHERE warehouse_id = $1 AND status = $5 AND ($4::text[] IS NULL OR merchant_id = ANY($4::text[]))
            GROUP BY 1, 2 ORDER BY 1, 2 LIMIT $2 OFFSET $3)
         SELECT r.work_order_id, r.work_order_number, r.merchant_id, r.line_id, r.sku, r.quantity, r.allocations
           FROM page JOIN picking_request r USING (work_order_id)
          WHERE r.status = $5
          ORDER BY r.work_order_number, r.work_order_id, r.sku`,
        warehouseId,
        page.pageSize,
        (page.page - 1) * page.pageSize,
        scope,
        PickingRequestStatus.Open,
      ),
      this.db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(DISTINCT work_order_id)::int AS n FROM picking_request
          WHERE warehouse_id = $1 AND status = $3 AND ($2::text[] IS NULL OR merchant_id = ANY($2::text[]))`,
        warehouseId,
        scope,
        PickingRequestStatus.Open,
      ),
    ]);
    const byOrder = new Map<
      string,
      {
        workOrderId: string;
        workOrderNumber: string;
        warehouseId: string;
        merchantId: string | null;
        materials: { lineId: string; sku: string; quantity: number; allocations: unknown }[];
      }
    >();
    for (const request of requests) {
      const entry = byOrder.get(request.work_order_id) ?? {
        workOrderId: request.work_order_id,
        workOrderNumber: request.work_order_number,
        warehouseId,
        merchantId: request.merchant_id,
        materials: [],
      };
      entry.materials.push({ lineId: request.line_id, sku: request.sku, quantity: request.quantity, allocations: request.allocations });
      byOrder.set(request.work_order_id, entry);
    }
    return { items: [...byOrder.values()], total: counted!.n };
  }
}

/**
 * Records an order's materials as open requests (`decidePickingRequest`'s open step), leaving lines
 * already on a list alone. The guard sits in the upsert itself (ON CONFLICT ... WHERE), which
 * Postgres evaluates on the latest row after waiting for its lock, so a list being made
 * concurrently cannot have its lines reopened.
 */
export async function openRequests(tx: SqlTransaction, order: RequestedOrder): Promise<void> {
  if (order.lines.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO picking_request (work_order_id, line_id, work_order_number, warehouse_id, merchant_id, sku, quantity, allocations, status)
     SELECT $1, line.line_id, $2, $3, $8, line.sku, line.quantity, line.allocations::jsonb, $9
       FROM unnest($4::text[], $5::text[], $6::int[], $7::text[]) AS line(line_id, sku, quantity, allocations)
     ON CONFLICT (work_order_id, line_id) DO UPDATE
       SET work_order_number = EXCLUDED.work_order_number, warehouse_id = EXCLUDED.warehouse_id,
           merchant_id = COALESCE(EXCLUDED.merchant_id, picking_request.merchant_id), sku = EXCLUDED.sku,
           quantity = EXCLUDED.quantity, allocations = EXCLUDED.allocations, status = EXCLUDED.status, list_id = NULL, updated_at = now()
       WHERE picking_request.status = ANY($10::text[])`,
    order.workOrderId,
    order.number,
    order.warehouseId,
    order.lines.map((line) => line.lineId),
    order.lines.map((line) => line.sku),
    order.lines.map((line) => line.quantity),
    order.lines.map((line) => JSON.stringify(line.allocations)),
    order.merchantId ?? null,
    PickingRequestStatus.Open,
    statusesMovedBy('open'),
  );
}
