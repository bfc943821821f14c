import { z } from 'zod';
import { isoDateTimeSchema, pageQuery } from './common';
import { expiryDateSchema, lotCodeSchema } from './lot';

/** An inbound order's statuses: nothing received, partly received, all received, all put away. */
export const InboundStatus = { Pending: 'PENDING', Receiving: 'RECEIVING', Received: 'RECEIVED', PutAway: 'PUT_AWAY' } as const;
export type InboundStatus = (typeof InboundStatus)[keyof typeof InboundStatus];
export const inboundStatuses = Object.values(InboundStatus) as [InboundStatus, ...InboundStatus[]];

const quantity = z.number().int().positive().max(1_000_000);

/**
 * `POST /inbound-orders/{id}/receive`: partial receipts allowed, never beyond what is expected
 * (summed over the order's receipts, so no sum can pass the int4 column that holds it).
 */
export const receiveBody = z.object({
  lines: z
    // `lot`/`expiresOn`: the lot printed on the goods, in place of the one the line expects; only at
    // the line's first receipt (a later one naming another lot is refused: one lot per line).
    .array(z.object({ sku: z.string().min(1), quantity, lot: lotCodeSchema.optional(), expiresOn: expiryDateSchema.optional() }))
    .min(1)
    .max(200),
});
export type ReceiveBody = z.infer<typeof receiveBody>;

/** `POST /inbound-orders/{id}/putaway`: shelves received goods at known locations. */
export const putawayBody = z.object({
  lines: z
    .array(z.object({ sku: z.string().min(1), quantity, locationCode: z.string().min(1) }))
    .min(1)
    .max(200),
});
export type PutawayBody = z.infer<typeof putawayBody>;

/** `GET /inbound-orders?workOrderId=&warehouseId=&status=&page=&pageSize=` (newest first; the total in `X-Total-Count`). */
export const inboundOrderQuery = pageQuery.extend({
  workOrderId: z.string().min(1).optional(),
  warehouseId: z.string().min(1).optional(),
  status: z.enum(inboundStatuses).optional(),
});
/** What a client sends (paging optional). */
export type InboundOrderQuery = z.input<typeof inboundOrderQuery>;

/** One SKU of an inbound order: expected, received so far, put away so far. */
export const inboundLineSchema = z.object({
  sku: z.string(),
  /** The lot the goods are received as (finished goods: the work order's number unless the receiver named another). */
  lot: z.string().nullable(),
  expiresOn: z.string().nullable(),
  expected: z.number().int(),
  received: z.number().int(),
  putAway: z.number().int(),
});
export type InboundLine = z.infer<typeof inboundLineSchema>;

/** The answer of `GET /inbound-orders/{id}`, receive and putaway. */
export const inboundOrderSchema = z.object({
  id: z.string(),
  /** `WORK_ORDER`: the finished goods of a completed work order. */
  source: z.string(),
  workOrderId: z.string().nullable(),
  /** The source's own reference: the work order's number. */
  reference: z.string(),
  warehouseId: z.string(),
  merchantId: z.string(),
  status: z.enum(inboundStatuses),
  lines: z.array(inboundLineSchema),
  putaways: z.array(
    z.object({
      sku: z.string(),
      lot: z.string().nullable(),
      locationCode: z.string(),
      quantity: z.number().int(),
      at: isoDateTimeSchema,
      /**
       * Set when inventory could not shelve it (the bin cannot hold it, or is unknown): its quantity
       * went back to the line, to be put away elsewhere. `field`: the putaway's field at fault.
       */
      refused: z.object({ at: isoDateTimeSchema, field: z.string(), reason: z.string() }).nullable(),
    }),
  ),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type InboundOrder = z.infer<typeof inboundOrderSchema>;
/** The answer of `GET /inbound-orders`. */
export const inboundOrderListSchema = z.array(inboundOrderSchema);
