import type { Envelope, OutgoingMessage, PayloadOf } from '@wo/contracts/envelope';
import {
  type Actor,
  WorkOrderAllocated,
  WorkOrderCanceled,
  WorkOrderCompleted,
  WorkOrderConfirmed,
  WorkOrderOutOfStock,
  WorkOrderProcessing,
} from '@wo/contracts/work-orders';
import { priorityOf } from './work-order-priority';

interface OrderFacts {
  id: string;
  number: string;
  merchantId: string;
  warehouseId: string;
  /** The stored rank (1 Low .. 4 Urgent). */
  priority: number;
}

/** A material line the order could not reserve in full: what it asked, and what there was. */
export type Shortage = PayloadOf<typeof WorkOrderOutOfStock>['shortages'][number];

type AllocatedMaterial = PayloadOf<typeof WorkOrderAllocated>['materials'][number];
/** What a completed order's event says about its lots: outputs with their lots, what was consumed, the picking lists. */
export type CompletedGenealogy = Pick<PayloadOf<typeof WorkOrderCompleted>, 'outputs' | 'consumed' | 'pickingListIds'>;

/** The public lifecycle events, keyed by work-order id so each order's events stay in order. */
export const publicEvents = {
  confirmed: (order: OrderFacts, correlationId: string, actor: Actor) => WorkOrderConfirmed.outgoing(facts(order, actor), context(order, correlationId)),
  allocated: (order: OrderFacts, materials: AllocatedMaterial[], correlationId: string, actor?: Actor, cause?: Envelope) =>
    WorkOrderAllocated.outgoing({ ...facts(order, actor), materials }, context(order, correlationId, cause)),
  outOfStock: (order: OrderFacts, shortages: readonly Shortage[], correlationId: string, actor?: Actor, cause?: Envelope) =>
    WorkOrderOutOfStock.outgoing({ ...facts(order, actor), shortages: [...shortages] }, context(order, correlationId, cause)),
  processing: (order: OrderFacts, pickingListId: string, correlationId: string) =>
    WorkOrderProcessing.outgoing({ ...facts(order), pickingListId }, context(order, correlationId)),
  completed: (order: OrderFacts, inboundOrderId: string, genealogy: CompletedGenealogy, correlationId: string) =>
    WorkOrderCompleted.outgoing({ ...facts(order), inboundOrderId, ...genealogy }, context(order, correlationId)),
  canceled: (order: OrderFacts, correlationId: string, actor?: Actor) => WorkOrderCanceled.outgoing(facts(order, actor), context(order, correlationId)),
} satisfies Record<string, (...args: never[]) => OutgoingMessage>;

/** The order's facts, and who caused the event when an operator did (`actor` is left out otherwise). */
function facts(order: OrderFacts, actor?: Actor) {
  return {
    workOrderId: order.id,
    number: order.number,
    merchantId: order.merchantId,
    warehouseId: order.warehouseId,
    priority: priorityOf(order.priority),
    ...(actor && { actor }),
  };
}

/** The saga (or request) it happened in; `cause`, the message that settled it (a saga's last reply), carries on that message's trace. */
function context(order: OrderFacts, correlationId: string, cause?: Envelope) {
  return { correlationId, key: order.id, ...(cause && { cause }) };
}
