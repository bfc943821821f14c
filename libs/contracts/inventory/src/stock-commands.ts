import { z } from 'zod';
import { defineMessage, upcastFrom } from '@wo/contracts/envelope';
import { lotFields } from '@wo/contracts/rest';
import { InventoryTopics } from './topics';

const quantity = z.number().int().positive();

const reserveStockV1 = z.object({
  reservationId: z.string().min(1),
  workOrderId: z.string().min(1),
  lineId: z.string().min(1),
  warehouseId: z.string().min(1),
  merchantId: z.string().min(1),
  sku: z.string().min(1),
  quantity,
});

/** One material line of a work order to reserve: its own reservation (the idempotency key), line, SKU and quantity. */
export const reservationLineSchema = z.object({
  reservationId: z.string().min(1),
  lineId: z.string().min(1),
  sku: z.string().min(1),
  quantity,
});

/**
 * Reserve every material line of one work order in its warehouse, all or nothing: one command and
 * one reply per order (v1 was one per line). Keyed by the work-order id (`reservationKey`).
 * Idempotent by each line's `reservationId`: a re-sent command gets the answer it got the first
 * time. A v1 command (one line, sent by a work-orders that is not upgraded yet) is read as a v2
 * command of that one line, marked to be answered in v1 as its sender expects.
 */
export const ReserveStock = defineMessage({
  type: 'inventory.ReserveStock',
  version: 2,
  topic: InventoryTopics.stockCommands,
  schema: z.object({
    workOrderId: z.string().min(1),
    warehouseId: z.string().min(1),
    merchantId: z.string().min(1),
    // Each line is its own reservation: a reservation id twice in one order is refused, not half applied.
    lines: z
      .array(reservationLineSchema)
      .min(1)
      .refine((lines) => new Set(lines.map((line) => line.reservationId)).size === lines.length, { message: 'each line needs its own reservationId' }),
    /**
     * The version of the replies the sender reads: absent for a v2 sender (one v2 reply for the
     * order); 1 only when upcast from a v1 command, whose sender reads v1 replies, one per line.
     */
    replyVersion: z.literal(1).optional(),
  }),
  upcasters: [
    upcastFrom(1, reserveStockV1, ({ reservationId, workOrderId, lineId, warehouseId, merchantId, sku, quantity }) => ({
      workOrderId,
      warehouseId,
      merchantId,
      lines: [{ reservationId, lineId, sku, quantity }],
      replyVersion: 1,
    })),
  ],
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
