import { z } from 'zod';
import { allocationSchema, isoDateTimeSchema, pageQuery } from './common';

/** A picking list's statuses: created, in progress (a picker started it), done, canceled. */
export const PickingListStatus = { Created: 'CREATED', InProgress: 'IN_PROGRESS', Done: 'DONE', Canceled: 'CANCELED' } as const;
export type PickingListStatus = (typeof PickingListStatus)[keyof typeof PickingListStatus];
export const pickingListStatuses = Object.values(PickingListStatus) as [PickingListStatus, ...PickingListStatus[]];

/** What an operator does to a list: `POST /picking-lists/{id}/start|complete|cancel`. */
export const pickingListActions = ['start', 'complete', 'cancel'] as const;
export type PickingListAction = (typeof pickingListActions)[number];

/** `GET /picking-requests?warehouseId=&page=&pageSize=` (by work-order number; a page counts work orders; the total in `X-Total-Count`). */
export const pickingRequestsQuery = pageQuery.extend({ warehouseId: z.string().min(1) });

/** `POST /picking-lists`: Material Picking, one list for several Allocated orders of a warehouse. */
export const createPickingListBody = z.object({
  warehouseId: z.string().min(1),
  workOrderIds: z
    .array(z.string().min(1))
    .min(1)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'each work order at most once'),
});
export type CreatePickingListBody = z.infer<typeof createPickingListBody>;

/** `GET /picking-lists?workOrderId=&warehouseId=&status=&page=&pageSize=` (newest first; the total in `X-Total-Count`). */
export const pickingListQuery = pageQuery.extend({
  workOrderId: z.string().min(1).optional(),
  warehouseId: z.string().min(1).optional(),
  status: z.enum(pickingListStatuses).optional(),
});
/** What a client sends (paging optional). */
export type PickingListQuery = z.input<typeof pickingListQuery>;

/** `POST /picking-lists/{id}/start` */
export const startPickingListBody = z.object({ picker: z.string().trim().min(1).max(100) });
export type StartPickingListBody = z.infer<typeof startPickingListBody>;

/** One Allocated work order's materials waiting to be put on a list, with the bins they are held at. */
export const pickingRequestSchema = z.object({
  workOrderId: z.string(),
  workOrderNumber: z.string(),
  warehouseId: z.string(),
  /** The work order's merchant (null for a request recorded before it was kept). */
  merchantId: z.string().nullable(),
  materials: z.array(z.object({ lineId: z.string(), sku: z.string(), quantity: z.number().int(), allocations: z.array(allocationSchema) })),
});
export type PickingRequest = z.infer<typeof pickingRequestSchema>;
/** The answer of `GET /picking-requests`. */
export const pickingRequestListSchema = z.array(pickingRequestSchema);

/** A stop of the walk: one work order's material at one location, in walking order. */
export const pickingListLineSchema = z.object({
  position: z.number().int(),
  locationCode: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  /** The lot to take there, for a lot-tracked material (null otherwise), and its expiry. */
  lot: z.string().nullable(),
  expiresOn: z.string().nullable(),
  picked: z.number().int(),
  workOrderId: z.string(),
  lineId: z.string(),
});
export type PickingListLine = z.infer<typeof pickingListLineSchema>;

/** The answer of `POST /picking-lists`, `GET /picking-lists/{id}` and each list action. */
export const pickingListSchema = z.object({
  id: z.string(),
  warehouseId: z.string(),
  status: z.enum(pickingListStatuses),
  picker: z.string().nullable(),
  workOrderIds: z.array(z.string()),
  progress: z.object({ picked: z.number().int(), total: z.number().int() }),
  lines: z.array(pickingListLineSchema),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type PickingList = z.infer<typeof pickingListSchema>;
/** The answer of `GET /picking-lists`. */
export const pickingListListSchema = z.array(pickingListSchema);
