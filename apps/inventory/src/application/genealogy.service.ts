import { Injectable } from '@nestjs/common';
import { SqlDatabase } from '@wo/database';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import type { WorkOrderCompleted } from '@wo/contracts/work-orders';
import { claimInboxMany } from '@wo/messaging';

export type CompletedEvent = EnvelopeOf<typeof WorkOrderCompleted>;

/**
 * The genealogy of completed work orders, learned from `work-orders.WorkOrderCompleted` (v2; v1
 * arrives upcast, with outputs without lots and nothing consumed): which lots went in and which
 * came out, for the lot trace. Once per work order, however often the event is delivered: the
 * inbox skips a re-delivery, the key a re-publication.
 */
@Injectable()
export class GenealogyService {
  constructor(private readonly sql: SqlDatabase) {}

  record(events: readonly CompletedEvent[]): Promise<void> {
    return this.sql.$transaction(async (tx) => {
      const fresh = await claimInboxMany(tx, events);
      if (fresh.length === 0) return;
      await tx.$executeRawUnsafe(
        `INSERT INTO work_order_genealogy
           (work_order_id, number, merchant_id, warehouse_id, inbound_order_id, picking_list_ids, outputs, consumed, completed_at)
         SELECT g.work_order_id, g.number, g.merchant_id, g.warehouse_id, g.inbound_order_id,
                g.picking_list_ids::jsonb, g.outputs::jsonb, g.consumed::jsonb, g.completed_at::timestamptz
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
                AS g(work_order_id, number, merchant_id, warehouse_id, inbound_order_id, picking_list_ids, outputs, consumed, completed_at)
         ON CONFLICT (work_order_id) DO NOTHING`,
        fresh.map((event) => event.payload.workOrderId),
        fresh.map((event) => event.payload.number),
        fresh.map((event) => event.payload.merchantId),
        fresh.map((event) => event.payload.warehouseId),
        fresh.map((event) => event.payload.inboundOrderId),
        fresh.map((event) => JSON.stringify(event.payload.pickingListIds)),
        fresh.map((event) => JSON.stringify(event.payload.outputs)),
        fresh.map((event) => JSON.stringify(event.payload.consumed)),
        fresh.map((event) => event.occurredAt),
      );
    });
  }
}
