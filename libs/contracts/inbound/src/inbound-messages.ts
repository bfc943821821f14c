import { actorSchema, defineMessage } from '@wo/contracts/envelope';
import { inboundStatuses, lotCodeSchema } from '@wo/contracts/rest';
import { z } from 'zod';
import { InboundTopics } from './topics';

/** A line of finished goods: the lot is the one completion gave them (the receiver may name another). */
const line = z.object({ sku: z.string().min(1), quantity: z.number().int().positive(), lot: lotCodeSchema.optional() });

/** Expect the finished goods of a completed work order. Idempotent: one inbound order per work order. */
export const CreateFinishedGoodsInbound = defineMessage({
  type: 'inbound.CreateFinishedGoodsInbound',
  version: 1,
  topic: InboundTopics.commands,
  schema: z.object({
    workOrderId: z.string().min(1),
    workOrderNumber: z.string(),
    warehouseId: z.string().min(1),
    merchantId: z.string().min(1),
    lines: z.array(line).min(1),
  }),
});

export const FinishedGoodsInboundCreated = defineMessage({
  type: 'inbound.FinishedGoodsInboundCreated',
  version: 1,
  topic: InboundTopics.replies,
  schema: z.object({ inboundOrderId: z.string().min(1), workOrderId: z.string().min(1) }),
});

/** Receiving or putaway moved an inbound order on (or a refused putaway moved it back). */
export const InboundOrderProgressed = defineMessage({
  type: 'inbound.InboundOrderProgressed',
  version: 1,
  topic: InboundTopics.events,
  schema: z.object({
    inboundOrderId: z.string().min(1),
    workOrderId: z.string().nullable(),
    status: z.enum(inboundStatuses),
    lines: z.array(
      z.object({
        sku: z.string(),
        /** The lot the line is received as, and its expiry (absent in events from before lots). */
        lot: z.string().nullable().optional(),
        expiresOn: z.string().nullable().optional(),
        expected: z.number().int(),
        received: z.number().int(),
        putAway: z.number().int(),
      }),
    ),
    /** Who received or put away (absent when the order was created, and in events from before it was kept). */
    actor: actorSchema.optional(),
    /**
     * Present when this progress is a putaway inventory refused: its goods went back to the line
     * (the counts above say so), to be put away elsewhere.
     */
    putawayRefused: z.object({ sku: z.string(), locationCode: z.string(), quantity: z.number().int(), field: z.string(), reason: z.string() }).optional(),
  }),
});
