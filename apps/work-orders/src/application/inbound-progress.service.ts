import { Injectable } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import type { InboundOrderProgressed } from '@wo/contracts/inbound';
import { applyOnce } from '@wo/messaging';
import { WorkOrdersDatabase } from '../persistence/work-orders-database';
import { WorkOrderTransitions } from './work-order-transitions';

const historyEvents = { PENDING: 'inboundPending', RECEIVING: 'inboundReceiving', RECEIVED: 'inboundReceived', PUT_AWAY: 'inboundPutAway' } as const;

/** Keeps the progress of a completed order's finished-goods inbound order, for the detail view. */
@Injectable()
export class InboundProgress {
  constructor(
    private readonly db: WorkOrdersDatabase,
    private readonly transitions: WorkOrderTransitions,
  ) {}

  progressed(event: EnvelopeOf<typeof InboundOrderProgressed>) {
    return applyOnce(this.db, event, async (tx) => {
      const { workOrderId, inboundOrderId, status, lines, actor, putawayRefused } = event.payload;
      if (!workOrderId) return 'ignored';
      const order = await this.transitions.lock(tx, workOrderId);
      if (!order) return 'ignored';
      await tx.workOrder.update({ where: { id: order.id }, data: { inboundOrderId, inboundStatus: status, inboundLines: lines } });
      // A refused putaway says why the goods are not shelved (and the status it leaves), rather than a bare step back.
      if (putawayRefused) await this.transitions.record(tx, order.id, 'inboundPutawayRefused', { inboundOrderId, status, ...putawayRefused });
      // Who received or put away the goods (when a person did), as the order's other history lines say who acted.
      else if (order.inboundStatus !== status) await this.transitions.record(tx, order.id, historyEvents[status], { inboundOrderId, ...(actor && { actor }) });
      return 'applied';
    });
  }
}
