import { z } from 'zod';
import { defineMessage } from '@wo/contracts/envelope';
import { lotFields } from '@wo/contracts/rest';
import { InventoryTopics } from './topics';

const quantity = z.number().int().positive();

/** Reserve `quantity` of a SKU for one work-order line. Idempotent by `reservationId`. */
export const ReserveStock = defineMessage({
  type: 'inventory.ReserveStock',
  version: 1,
  topic: InventoryTopics.stockCommands,
  schema: z.object({
    reservationId: z.string().min(1),
    workOrderId: z.string().min(1),
    lineId: z.string().min(1),
    warehouseId: z.string().min(1),
    merchantId: z.string().min(1),
    sku: z.string().min(1),
    quantity,
  }),
});

/** Give back what a reservation holds. Idempotent; releasing an unknown or rejected reservation is a no-op reply. */
export const ReleaseStock = defineMessage({
  type: 'inventory.ReleaseStock',
  version: 1,
  topic: InventoryTopics.stockCommands,
  schema: z.object({
    reservationId: z.string().min(1),
    warehouseId: z.string().min(1),
    sku: z.string().min(1),
  }),
});

/** Take a reservation's quantity off the shelves: onHand and reserved go down where it was held. Idempotent. */
export const ConsumeReservation = defineMessage({
  type: 'inventory.ConsumeReservation',
  version: 1,
  topic: InventoryTopics.stockCommands,
  schema: z.object({
    reservationId: z.string().min(1),
    workOrderId: z.string().min(1),
    warehouseId: z.string().min(1),
    sku: z.string().min(1),
  }),
});

/**
 * Goods were put away at a location: onHand goes up there. Idempotent by `putawayId`. No reply when
 * shelved; `PutawayRefused` when the bin cannot take them (a re-sent command gets the same answer).
 */
export const PutAwayStock = defineMessage({
  type: 'inventory.PutAwayStock',
  version: 1,
  topic: InventoryTopics.stockCommands,
  schema: z.object({
    putawayId: z.string().min(1),
    inboundOrderId: z.string().min(1),
    warehouseId: z.string().min(1),
    merchantId: z.string().min(1),
    sku: z.string().min(1),
    locationCode: z.string().min(1),
    quantity,
    /** The lot shelved (and its expiry), for a lot-tracked product; finished goods always name theirs. */
    ...lotFields,
  }),
});
