import type { OutgoingMessage } from '@wo/contracts/envelope';
import {
  type Actor,
  WorkOrderAllocated,
  WorkOrderCanceled,
  WorkOrderCompleted,
  WorkOrderConfirmed,
  WorkOrderOutOfStock,
  WorkOrderProcessing,
} from '@wo/contracts/work-orders';
import { priorityOf } from '../domain/work-order-priority';
import type { Shortage } from '../saga/allocation-saga';

interface OrderFacts {
  id: string;
  number: string;
  merchantId: string;
  warehouseId: string;
  /** The stored rank (1 Low .. 4 Urgent). */
  priority: number;
}

type AllocatedMaterial = { lineId: string; sku: string; quantity: number; allocations: { locationCode: string; quantity: number }[] };

/** The public lifecycle events, keyed by work-order id so each order's events stay in order. */
export const publicEvents = {
  confirmed: (order: OrderFacts, correlationId: string, actor: Actor) => WorkOrderConfirmed.outgoing(facts(order, actor), context(order, correlationId)),
  allocated: (order: OrderFacts, materials: AllocatedMaterial[], correlationId: string, actor?: Actor) =>
    WorkOrderAllocated.outgoing({ ...facts(order, actor), materials }, context(order, correlationId)),
  outOfStock: (order: OrderFacts, shortages: readonly Shortage[], correlationId: string, actor?: Actor) =>
    WorkOrderOutOfStock.outgoing({ ...facts(order, actor), shortages: [...shortages] }, context(order, correlationId)),
  processing: (order: OrderFacts, pickingListId: string, correlationId: string) =>
    WorkOrderProcessing.outgoing({ ...facts(order), pickingListId }, context(order, correlationId)),
  completed: (order: OrderFacts, inboundOrderId: string, outputs: { sku: string; quantity: number }[], correlationId: string) =>
    WorkOrderCompleted.outgoing({ ...facts(order), inboundOrderId, outputs }, context(order, correlationId)),
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

function context(order: OrderFacts, correlationId: string) {
  return { correlationId, key: order.id };
}
