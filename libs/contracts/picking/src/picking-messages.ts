import { actorSchema, defineMessage } from '@wo/contracts/envelope';
import { lotFields } from '@wo/contracts/rest';
import { z } from 'zod';
import { PickingTopics } from './topics';

const allocation = z.object({ locationCode: z.string().min(1), quantity: z.number().int().positive(), ...lotFields });

/** One work order's materials as inventory allocated them: what a picker must fetch, and where. */
export const pickingOrderSchema = z.object({
  workOrderId: z.string().min(1),
  number: z.string(),
  /** The order's merchant, so its picking requests are its merchant's to read (absent in commands from before it was sent). */
  merchantId: z.string().min(1).optional(),
  lines: z
    .array(z.object({ lineId: z.string().min(1), sku: z.string().min(1), quantity: z.number().int().positive(), allocations: z.array(allocation) }))
    .min(1),
});

/** Create one picking list for these Allocated orders (the "Create Picking List" action on an order). */
export const CreatePickingList = defineMessage({
  type: 'picking.CreatePickingList',
  version: 1,
  topic: PickingTopics.commands,
  schema: z.object({ listId: z.string().min(1), warehouseId: z.string().min(1), orders: z.array(pickingOrderSchema).min(1), actor: actorSchema.optional() }),
});

/** Withdraw a list whose orders could not all move to Processing; its requests open again. */
export const CancelPickingList = defineMessage({
  type: 'picking.CancelPickingList',
  version: 1,
  topic: PickingTopics.commands,
  schema: z.object({ listId: z.string().min(1), reason: z.string() }),
});

const listFacts = {
  listId: z.string().min(1),
  warehouseId: z.string().min(1),
  workOrderIds: z.array(z.string().min(1)).min(1),
  /** Who made, started, finished or canceled the list (absent when the system did, and in events from before it was kept). */
  actor: actorSchema.optional(),
};

export const PickingListCreated = defineMessage({ type: 'picking.PickingListCreated', version: 1, topic: PickingTopics.events, schema: z.object(listFacts) });

/** A list asked for could not be made (an order is already on another list, or has nothing to pick). */
export const PickingListRefused = defineMessage({
  type: 'picking.PickingListRefused',
  version: 1,
  topic: PickingTopics.events,
  schema: z.object({ ...listFacts, reason: z.string() }),
});

export const PickingListStarted = defineMessage({
  type: 'picking.PickingListStarted',
  version: 1,
  topic: PickingTopics.events,
  schema: z.object({ ...listFacts, picker: z.string() }),
});

/** Every line of the list was picked: its orders may be completed. */
export const PickingListCompleted = defineMessage({
  type: 'picking.PickingListCompleted',
  version: 1,
  topic: PickingTopics.events,
  schema: z.object(listFacts),
});

/** The list was canceled before it was done; its orders go back to Allocated, reservations kept. */
export const PickingListCanceled = defineMessage({
  type: 'picking.PickingListCanceled',
  version: 1,
  topic: PickingTopics.events,
  schema: z.object({ ...listFacts, reason: z.string() }),
});
