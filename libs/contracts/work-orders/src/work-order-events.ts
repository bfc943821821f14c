import { z } from 'zod';
import { actorSchema, defineMessage } from '@wo/contracts/envelope';
import { WorkOrderTopics } from './topics';

const lineSchema = z.object({ sku: z.string(), quantity: z.number().int().positive() });

// One definition of the actor for every service's events; work-orders' contract names it too.
export { actorSchema, type Actor } from '@wo/contracts/envelope';

/**
 * How urgent the order is, as the REST API names it. Additive and optional, like `actor`: events
 * written before priorities existed leave it out.
 */
export const workOrderPrioritySchema = z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']);

/** Fields every public work-order event carries, so a consumer never needs a second lookup. */
const workOrderFacts = {
  workOrderId: z.string(),
  number: z.string(),
  merchantId: z.string(),
  warehouseId: z.string(),
  /** The operator whose action caused the event (Allocated and Out of Stock: whoever confirmed or retried). */
  actor: actorSchema.optional(),
  /** The order's priority when the event happened. */
  priority: workOrderPrioritySchema.optional(),
};

/** A work order was created (Draft). */
export const WorkOrderCreated = defineMessage({
  type: 'work-orders.WorkOrderCreated',
  version: 1,
  topic: WorkOrderTopics.events,
  schema: z.object({
    ...workOrderFacts,
    name: z.string(),
    scheduledAt: z.string().nullable(),
    outputs: z.array(lineSchema),
    materials: z.array(lineSchema),
  }),
});

/** The operator confirmed the order; allocation has started. */
export const WorkOrderConfirmed = defineMessage({
  type: 'work-orders.WorkOrderConfirmed',
  version: 1,
  topic: WorkOrderTopics.events,
  schema: z.object(workOrderFacts),
});

const allocatedMaterialSchema = z.object({
  lineId: z.string(),
  sku: z.string(),
  quantity: z.number().int().positive(),
  /** The bins inventory holds the quantity in: where a picker will fetch it. */
  allocations: z.array(z.object({ locationCode: z.string(), quantity: z.number().int().positive() })),
});

/**
 * Every material is reserved. Published again when an order returns to Allocated because its
 * picking list was canceled (its reservations were kept).
 */
export const WorkOrderAllocated = defineMessage({
  type: 'work-orders.WorkOrderAllocated',
  version: 1,
  topic: WorkOrderTopics.events,
  schema: z.object({ ...workOrderFacts, materials: z.array(allocatedMaterialSchema).default([]) }),
});

/** The order's materials are on a picking list. */
export const WorkOrderProcessing = defineMessage({
  type: 'work-orders.WorkOrderProcessing',
  version: 1,
  topic: WorkOrderTopics.events,
  schema: z.object({ ...workOrderFacts, pickingListId: z.string() }),
});

/** Materials were deducted and the finished goods are expected by inbound. */
export const WorkOrderCompleted = defineMessage({
  type: 'work-orders.WorkOrderCompleted',
  version: 1,
  topic: WorkOrderTopics.events,
  schema: z.object({ ...workOrderFacts, inboundOrderId: z.string(), outputs: z.array(lineSchema) }),
});

/** At least one material was short; nothing is held for the order. */
export const WorkOrderOutOfStock = defineMessage({
  type: 'work-orders.WorkOrderOutOfStock',
  version: 1,
  topic: WorkOrderTopics.events,
  schema: z.object({
    ...workOrderFacts,
    shortages: z.array(z.object({ sku: z.string(), requested: z.number().int(), available: z.number().int() })),
  }),
});

/** The order was canceled; nothing is held for it. */
export const WorkOrderCanceled = defineMessage({
  type: 'work-orders.WorkOrderCanceled',
  version: 1,
  topic: WorkOrderTopics.events,
  schema: z.object(workOrderFacts),
});
