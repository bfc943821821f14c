import { z } from 'zod';
import { defineMessage, upcastFrom } from '@wo/contracts/envelope';
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

const reservedLineSchema = z.object({
  reservationId: z.string().min(1),
  lineId: z.string().min(1),
  sku: z.string().min(1),
  quantity: z.number().int().positive(),
  allocations: z.array(locationAllocationSchema).min(1),
});

const rejectedLineSchema = z.object({
  reservationId: z.string().min(1),
  lineId: z.string().min(1),
  sku: z.string().min(1),
  requested: z.number().int().positive(),
  available: z.number().int().nonnegative(),
});

/**
 * Every line of the command is held, each with the bins (and lots) it sits in: one reply for the
 * order (v2). Version 1 said it of one line; it is read as a v2 reply of that line.
 */
export const StockReserved = defineMessage({
  type: 'inventory.StockReserved',
  version: 2,
  topic: InventoryTopics.stockReplies,
  schema: z.object({ lines: z.array(reservedLineSchema).min(1) }),
  upcasters: [upcastFrom(1, reservedLineSchema, (line) => ({ lines: [line] }))],
});

/**
 * Nothing was held for any line of the command: at least one line was short, and an order takes
 * all its lines or none (v2). Each line says what was available for it at that moment, the lines
 * before it in the order taken first; a line with `available` below `requested` is a shortage, the
 * others could have been had alone. Version 1 said it of one (short) line; it is read as a v2
 * reply of that line.
 */
export const StockReservationRejected = defineMessage({
  type: 'inventory.StockReservationRejected',
  version: 2,
  topic: InventoryTopics.stockReplies,
  schema: z.object({ lines: z.array(rejectedLineSchema).min(1) }),
  upcasters: [upcastFrom(1, rejectedLineSchema, (line) => ({ lines: [line] }))],
});

/**
 * The replies as version 1 says them, one per line: what inventory answers a v1 ReserveStock with,
 * since its sender (a work-orders not upgraded yet, during a rolling deploy) reads only those.
 * Not part of the catalog: v1 is published as the upcasters' schemas above.
 */
export const perLineReplies = {
  StockReserved: defineMessage({ type: StockReserved.type, version: 1, topic: InventoryTopics.stockReplies, schema: reservedLineSchema }),
  StockReservationRejected: defineMessage({
    type: StockReservationRejected.type,
    version: 1,
    topic: InventoryTopics.stockReplies,
    schema: rejectedLineSchema,
  }),
};

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
