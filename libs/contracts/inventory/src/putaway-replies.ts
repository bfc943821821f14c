import { z } from 'zod';
import { defineMessage } from '@wo/contracts/envelope';
import { InventoryTopics } from './topics';

/** The field of PutAwayStock at fault: the bin (unknown here), the quantity (the bin cannot hold it), the SKU (unknown). */
export const putawayRefusalFields = ['locationCode', 'quantity', 'sku'] as const;
export type PutawayRefusalField = (typeof putawayRefusalFields)[number];

/**
 * Inventory did not shelve a putaway and changed no stock: the goods are still to be put away,
 * elsewhere. Sent once per PutAwayStock refused, again (the same) for a re-sent command.
 */
export const PutawayRefused = defineMessage({
  type: 'inventory.PutawayRefused',
  version: 1,
  topic: InventoryTopics.putawayReplies,
  schema: z.object({
    putawayId: z.string().min(1),
    inboundOrderId: z.string().min(1),
    sku: z.string().min(1),
    locationCode: z.string().min(1),
    quantity: z.number().int().positive(),
    field: z.enum(putawayRefusalFields),
    /** Why, in words for the receiver ("B-01 holds 2147483000 of SOAP: at most 647 more fit"). */
    reason: z.string().min(1),
  }),
});
