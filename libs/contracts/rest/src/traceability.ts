import { z } from 'zod';
import { lotCodeSchema } from './lot';

/**
 * `GET /traceability/lots?merchantId=&sku=&lot=&direction=down|up` (docs/decisions/0007-lots.md).
 * `down`: from a finished lot to the work orders that made it and their component lots.
 * `up`: from a component lot to the work orders that used it and the finished lots they made.
 */
export const lotTraceQuery = z.object({
  merchantId: z.string().min(1),
  sku: z.string().min(1),
  lot: lotCodeSchema,
  direction: z.enum(['down', 'up']).default('down'),
});
export type LotTraceQuery = z.input<typeof lotTraceQuery>;

/** Where some of a lot sits now (on hand), or was put away. */
const binQuantity = z.object({ locationCode: z.string(), quantity: z.number().int() });

/** A lot of one SKU and how much of it this step involved. */
export const tracedLotSchema = z.object({
  sku: z.string(),
  lot: z.string().nullable(),
  expiresOn: z.string().nullable(),
  quantity: z.number().int(),
});
export type TracedLot = z.infer<typeof tracedLotSchema>;

/** A finished lot a work order made: where it was put away and where it is on hand now. */
export const finishedLotSchema = tracedLotSchema.extend({ putAway: z.array(binQuantity), onHand: z.array(binQuantity) });
export type FinishedLot = z.infer<typeof finishedLotSchema>;

/** One work order in a trace, with the documents involved. */
export const tracedWorkOrderSchema = z.object({
  workOrderId: z.string(),
  number: z.string(),
  warehouseId: z.string(),
  inboundOrderId: z.string(),
  pickingListIds: z.array(z.string()),
  completedAt: z.string(),
  /** The component lots it consumed, per SKU and lot (bins summed), with the bins they left. */
  components: z.array(tracedLotSchema.extend({ locations: z.array(binQuantity) })),
  /** The finished lots it made. */
  outputs: z.array(finishedLotSchema),
});
export type TracedWorkOrder = z.infer<typeof tracedWorkOrderSchema>;

/** The answer of `GET /traceability/lots`: the lot asked about and the work orders it leads to. */
export const lotTraceSchema = z.object({
  merchantId: z.string(),
  sku: z.string(),
  lot: z.string(),
  direction: z.enum(['down', 'up']),
  /** The lot as inventory knows it (null when inventory never held it, e.g. an untracked finished lot never put away). */
  expiresOn: z.string().nullable(),
  /** Down: the orders that made this lot. Up: the orders that consumed it. Empty: the lot leads nowhere. */
  workOrders: z.array(tracedWorkOrderSchema),
});
export type LotTrace = z.infer<typeof lotTraceSchema>;
