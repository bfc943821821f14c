import { z } from 'zod';
import { defineMessage } from '@wo/contracts/envelope';
import { lotFields } from '@wo/contracts/rest';
import { InventoryTopics } from './topics';

/**
 * Where a reservation's quantity sits: inventory allocates at location level, and at lot level for
 * a lot-tracked product (earliest expiry first, never an expired lot).
 */
export const locationAllocationSchema = z.object({
  locationCode: z.string().min(1),
  quantity: z.number().int().positive(),
  ...lotFields,
});
export type LocationAllocation = z.infer<typeof locationAllocationSchema>;

/** The whole quantity is held, and these are the bins it sits in. */
export const StockReserved = defineMessage({
  type: 'inventory.StockReserved',
  version: 1,
  topic: InventoryTopics.stockReplies,
  schema: z.object({
    reservationId: z.string().min(1),
    lineId: z.string().min(1),
    sku: z.string().min(1),
    quantity: z.number().int().positive(),
    allocations: z.array(locationAllocationSchema).min(1),
  }),
});

/** Nothing was held: not enough available. `available` is what could have been had at that moment. */
export const StockReservationRejected = defineMessage({
  type: 'inventory.StockReservationRejected',
  version: 1,
  topic: InventoryTopics.stockReplies,
  schema: z.object({
    reservationId: z.string().min(1),
    lineId: z.string().min(1),
    sku: z.string().min(1),
    requested: z.number().int().positive(),
    available: z.number().int().nonnegative(),
  }),
});

/** The reservation holds nothing any more (also the answer when it never held anything). */
export const StockReleased = defineMessage({
  type: 'inventory.StockReleased',
  version: 1,
  topic: InventoryTopics.stockReplies,
  schema: z.object({
    reservationId: z.string().min(1),
    sku: z.string().min(1),
    quantity: z.number().int().nonnegative(),
  }),
});

/** The reservation's quantity left the shelves at these locations (empty if it held nothing). */
export const ReservationConsumed = defineMessage({
  type: 'inventory.ReservationConsumed',
  version: 1,
  topic: InventoryTopics.stockReplies,
  schema: z.object({
    reservationId: z.string().min(1),
    sku: z.string().min(1),
    quantity: z.number().int().nonnegative(),
    consumed: z.array(locationAllocationSchema),
  }),
});
