import { z } from 'zod';
import { actorSchema, defineMessage, upcastFrom } from '@wo/contracts/envelope';
import { lotCodeSchema, lotFields } from '@wo/contracts/rest';
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
  allocations: z.array(z.object({ locationCode: z.string(), quantity: z.number().int().positive(), ...lotFields })),
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

const completedV1 = z.object({ ...workOrderFacts, inboundOrderId: z.string(), outputs: z.array(lineSchema) });

/**
 * Materials were deducted and the finished goods are expected by inbound. Version 2 carries the
 * genealogy: the lot each output was given, the exact lots (and bins) the materials were taken
 * from, and the picking lists that fetched them, so a consumer can trace lots without asking.
 */
export const WorkOrderCompleted = defineMessage({
  type: 'work-orders.WorkOrderCompleted',
  version: 2,
  topic: WorkOrderTopics.events,
  schema: z.object({
    ...workOrderFacts,
    inboundOrderId: z.string(),
    /** Each output with the lot completion gave it (null only when upcast from v1, which knew no lots). */
    outputs: z.array(lineSchema.extend({ lot: lotCodeSchema.nullable() })),
    /** What left the shelves, per bin and lot (a lot-tracked material names its lot). */
    consumed: z.array(z.object({ sku: z.string(), locationCode: z.string(), quantity: z.number().int().positive(), ...lotFields })),
    pickingListIds: z.array(z.string()),
  }),
  upcasters: [
    upcastFrom(1, completedV1, (v1) => ({ ...v1, outputs: v1.outputs.map((output) => ({ ...output, lot: null })), consumed: [], pickingListIds: [] })),
  ],
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
