import { z } from 'zod';
import { cursorQuery, isoDateTimeSchema, pageQuery } from './common';
import { expiryDateSchema, lotCodeSchema } from './lot';

/** Why onHand changed: a restock or correction, a completed work order, inbound goods shelved. */
export const stockMovementKinds = ['ADJUSTMENT', 'CONSUMPTION', 'PUTAWAY'] as const;
export type StockMovementKind = (typeof stockMovementKinds)[number];

/** Where a work-order line's hold on stock stands, as inventory keeps it. */
export const reservationStatuses = ['RESERVED', 'REJECTED', 'RELEASED', 'CONSUMED'] as const;
export type ReservationStatus = (typeof reservationStatuses)[number];

/** `POST /inventory/adjustments`: a signed change of onHand at one location (never below reserved). */
export const adjustmentBody = z.object({
  warehouseId: z.string().min(1),
  merchantId: z.string().min(1),
  sku: z.string().min(1),
  locationCode: z.string().min(1),
  quantity: z
    .number()
    .int()
    .refine((quantity) => quantity !== 0, 'must not be zero')
    .refine((quantity) => Math.abs(quantity) <= 1_000_000_000, 'too large'),
  reason: z.string().trim().min(1).max(500),
  /** Required for a lot-tracked SKU, refused for any other; a known lot keeps its expiry. */
  lot: z.object({ code: lotCodeSchema, expiresOn: expiryDateSchema.optional() }).optional(),
});
export type AdjustmentBody = z.infer<typeof adjustmentBody>;

/**
 * `GET /inventory?warehouseId=&merchantId=&sku=&page=&pageSize=&after=` (by warehouse, merchant,
 * SKU; the total in `X-Total-Count`, capped at TOTAL_COUNT_CAP with `X-Total-Count-Capped: true`;
 * the next page's cursor in `X-Next-Cursor`).
 */
export const stockQuery = pageQuery.extend({
  warehouseId: z.string().min(1).optional(),
  merchantId: z.string().min(1).optional(),
  sku: z.string().min(1).optional(),
  ...cursorQuery.shape,
});
/** What a client sends (paging optional). */
export type StockQuery = z.input<typeof stockQuery>;

/** `GET /inventory/movements?warehouseId=&merchantId=&sku=&locationCode=&reference=&page=&pageSize=&after=` (oldest first; total and cursor as `/inventory`). */
export const movementQuery = stockQuery.extend({
  locationCode: z.string().min(1).optional(),
  reference: z.string().min(1).optional(),
  lot: z.string().min(1).optional(),
});
/** What a client sends (paging optional). */
export type MovementQuery = z.input<typeof movementQuery>;

/** `GET /inventory/reservations?workOrderId=&status=&sku=&page=&pageSize=` (oldest first; the total in `X-Total-Count`). */
export const reservationQuery = pageQuery.extend({
  workOrderId: z.string().min(1).optional(),
  status: z.enum(reservationStatuses).optional(),
  sku: z.string().min(1).optional(),
});
/** What a client sends (paging optional). */
export type ReservationQuery = z.input<typeof reservationQuery>;

/** The answer of `POST /inventory/adjustments`: the ledger row made and the bin as it now stands. */
export const stockAdjustmentSchema = z.object({
  movementId: z.string(),
  warehouseId: z.string(),
  merchantId: z.string(),
  sku: z.string(),
  locationCode: z.string(),
  quantity: z.number().int(),
  /** The lot adjusted, for a lot-tracked SKU (null otherwise). */
  lot: z.string().nullable(),
  expiresOn: z.string().nullable(),
  onHand: z.number().int(),
  reserved: z.number().int(),
});
export type StockAdjustment = z.infer<typeof stockAdjustmentSchema>;

const quantities = { onHand: z.number().int(), reserved: z.number().int(), available: z.number().int() };

/** One lot's stock at one location: `expired` lots stay on hand but are never reserved. */
export const stockLotSchema = z.object({ lot: z.string(), expiresOn: z.string().nullable(), expired: z.boolean(), ...quantities });
export type StockLot = z.infer<typeof stockLotSchema>;

/**
 * One warehouse, merchant and SKU: its totals and its per-location breakdown, and for a
 * lot-tracked SKU each location's lots (earliest expiry first; empty for a SKU without lots).
 * `available` leaves out expired lots.
 */
export const stockRowSchema = z.object({
  warehouseId: z.string(),
  merchantId: z.string(),
  sku: z.string(),
  lotTracked: z.boolean(),
  ...quantities,
  locations: z.array(z.object({ locationCode: z.string(), ...quantities, lots: z.array(stockLotSchema) })),
});
export type StockRow = z.infer<typeof stockRowSchema>;
/** The answer of `GET /inventory`. */
export const stockRowListSchema = z.array(stockRowSchema);

/** A row of the ledger: every change of onHand, signed. */
export const stockMovementSchema = z.object({
  id: z.string(),
  warehouseId: z.string(),
  merchantId: z.string(),
  sku: z.string(),
  locationCode: z.string(),
  quantity: z.number().int(),
  /** The lot moved, for a lot-tracked SKU (and a finished lot put away, even untracked). */
  lot: z.string().nullable(),
  kind: z.enum(stockMovementKinds),
  reason: z.string(),
  /** What caused it, when something did (a reservation, a putaway). */
  reference: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});
export type StockMovement = z.infer<typeof stockMovementSchema>;
/** The answer of `GET /inventory/movements`. */
export const stockMovementListSchema = z.array(stockMovementSchema);

/** One work-order line's hold on stock, as inventory keeps it, with the bins it holds. */
export const stockReservationSchema = z.object({
  id: z.string(),
  workOrderId: z.string(),
  lineId: z.string(),
  warehouseId: z.string(),
  merchantId: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  status: z.enum(reservationStatuses),
  /** When rejected: what was available at that moment. */
  available: z.number().int().nullable(),
  allocations: z.array(z.object({ reservationId: z.string(), locationCode: z.string(), lot: z.string().nullable(), quantity: z.number().int() })),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type StockReservation = z.infer<typeof stockReservationSchema>;
/** The answer of `GET /inventory/reservations`. */
export const stockReservationListSchema = z.array(stockReservationSchema);
