import { z } from 'zod';
import { defineMessage } from '@wo/contracts/envelope';
import { InventoryTopics } from './topics';

/** Why stock became available: a restock or correction, a putaway, or a reservation given back. */
export const stockAvailableCauses = ['adjustment', 'putaway', 'released'] as const;
export type StockAvailableCause = (typeof stockAvailableCauses)[number];

/**
 * More of a SKU is available in a warehouse for a merchant than a moment ago (onHand rose, or
 * reserved fell), published in the transaction of the change. `available` is the SKU's total
 * available (onHand minus reserved, every bin) just after it, at most 2,147,483,647: a hint, the reservation decides.
 */
export const StockAvailable = defineMessage({
  type: 'inventory.StockAvailable',
  version: 1,
  topic: InventoryTopics.stockEvents,
  schema: z.object({
    warehouseId: z.string().min(1),
    merchantId: z.string().min(1),
    sku: z.string().min(1),
    available: z.number().int().nonnegative(),
    cause: z.enum(stockAvailableCauses),
    /** `released`: the work order whose reservation was given back (a cancel, or an allocation's compensation). */
    releasedFor: z.string().min(1).optional(),
  }),
});
