import type { OutgoingMessage } from '@wo/contracts/envelope';
import {
  WorkOrderAllocated,
  WorkOrderCanceled,
  WorkOrderCompleted,
  WorkOrderConfirmed,
  WorkOrderOutOfStock,
  WorkOrderProcessing,
} from '@wo/contracts/work-orders';
import type { Shortage } from '../saga/allocation-saga';

interface OrderFacts {
  id: string;
  number: string;
  merchantId: string;
  warehouseId: string;
}

type AllocatedMaterial = { lineId: string; sku: string; quantity: number; allocations: { locationCode: string; quantity: number }[] };

/** The public lifecycle events, keyed by work-order id so each order's events stay in order. */
export const publicEvents = {
  confirmed: (order: OrderFacts, correlationId: string) => WorkOrderConfirmed.outgoing(facts(order), context(order, correlationId)),
  allocated: (order: OrderFacts, materials: AllocatedMaterial[], correlationId: string) =>
    WorkOrderAllocated.outgoing({ ...facts(order), materials }, context(order, correlationId)),
  outOfStock: (order: OrderFacts, shortages: readonly Shortage[], correlationId: string) =>
    WorkOrderOutOfStock.outgoing({ ...facts(order), shortages: [...shortages] }, context(order, correlationId)),
  processing: (order: OrderFacts, pickingListId: string, correlationId: string) =>
    WorkOrderProcessing.outgoing({ ...facts(order), pickingListId }, context(order, correlationId)),
  completed: (order: OrderFacts, inboundOrderId: string, outputs: { sku: string; quantity: number }[], correlationId: string) =>
    WorkOrderCompleted.outgoing({ ...facts(order), inboundOrderId, outputs }, context(order, correlationId)),
  canceled: (order: OrderFacts, correlationId: string) => WorkOrderCanceled.outgoing(facts(order), context(order, correlationId)),
} satisfies Record<string, (...args: never[]) => OutgoingMessage>;

function facts(order: OrderFacts) {
  return { workOrderId: order.id, number: order.number, merchantId: order.merchantId, warehouseId: order.warehouseId };
}

function context(order: OrderFacts, correlationId: string) {
  return { correlationId, key: order.id };
}
