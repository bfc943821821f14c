import { z } from 'zod';
import { allocationSchema, cursorQuery, isoDateTimeSchema, lineSchema, linesSchema, many } from './common';
import { inboundLineSchema, inboundStatuses } from './inbound';
import { pickingListStatuses } from './picking';
import { scheduledAtSchema } from './scheduled-at';

/** The six statuses an operator sees. Stored and sent as these codes. */
export const WorkOrderStatus = {
  Draft: 'DRAFT',
  OutOfStock: 'OUT_OF_STOCK',
  Allocated: 'ALLOCATED',
  Processing: 'PROCESSING',
  Completed: 'COMPLETED',
  Canceled: 'CANCELED',
} as const;
export type WorkOrderStatus = (typeof WorkOrderStatus)[keyof typeof WorkOrderStatus];
export const workOrderStatuses = Object.values(WorkOrderStatus) as [WorkOrderStatus, ...WorkOrderStatus[]];

/** A saga step in flight on the order; while set, every other action gets 409. */
export const PendingAction = {
  Allocating: 'allocating',
  Releasing: 'releasing',
  Completing: 'completing',
} as const;
export type PendingAction = (typeof PendingAction)[keyof typeof PendingAction];
export const pendingActions = Object.values(PendingAction) as [PendingAction, ...PendingAction[]];

/**
 * What an operator does to an order, as `allowedActions` and `blockedActions` name it, in the
 * order of the detail page's buttons: Edit (`PATCH`), Confirm, Retry Allocation, Create Picking
 * List, Complete, Cancel Work Order (`POST /work-orders/{id}/<action in kebab case>`).
 */
export const WorkOrderAction = {
  Edit: 'edit',
  Confirm: 'confirm',
  RetryAllocation: 'retryAllocation',
  CreatePickingList: 'createPickingList',
  Complete: 'complete',
  Cancel: 'cancel',
} as const;
export type WorkOrderAction = (typeof WorkOrderAction)[keyof typeof WorkOrderAction];
export const workOrderActions = Object.values(WorkOrderAction) as [WorkOrderAction, ...WorkOrderAction[]];

/** How urgent an order is: when stock arrives, waiting orders get it in this order, Urgent first. */
export const WorkOrderPriority = {
  Low: 'LOW',
  Normal: 'NORMAL',
  High: 'HIGH',
  Urgent: 'URGENT',
} as const;
export type WorkOrderPriority = (typeof WorkOrderPriority)[keyof typeof WorkOrderPriority];
/** Least urgent first: a priority's index is its rank. */
export const workOrderPriorities = Object.values(WorkOrderPriority) as [WorkOrderPriority, ...WorkOrderPriority[]];
const prioritySchema = z.enum(workOrderPriorities);

/**
 * How the list may be ordered: by creation time, `-` for newest first (the default), or by
 * priority (`-priority`: most urgent first), newest first within a priority.
 */
export const workOrderSorts = ['-createdAt', 'createdAt', '-priority', 'priority'] as const;
export type WorkOrderSort = (typeof workOrderSorts)[number];

const name = z.string().trim().min(1).max(200);

/** `POST /work-orders`: the lines, or `bom` (a recipe copied onto the order, times `sets`). */
export const createWorkOrderBody = z
  .object({
    /** Optional when there is a single merchant. */
    merchantId: z.string().min(1).optional(),
    warehouseId: z.string().min(1),
    name,
    /** Left out: the next number of the warehouse (`GET /work-orders/number-suggestion`). */
    number: z.string().trim().min(1).max(64).optional(),
    scheduledAt: scheduledAtSchema.nullable().optional(),
    /** Normal when left out. */
    priority: prioritySchema.optional(),
    /** Whether an Out of Stock order is retried by itself when stock it is short of arrives: on when left out. */
    autoRetry: z.boolean().optional(),
    outputs: linesSchema.optional(),
    materials: linesSchema.optional(),
    bom: z.object({ bomId: z.string().min(1), sets: z.number().int().positive().max(100_000) }).optional(),
  })
  .superRefine((body, context) => {
    if (body.bom && (body.outputs || body.materials)) {
      context.addIssue({ code: 'custom', path: ['bom'], message: 'give either bom or outputs and materials, not both' });
    }
    if (!body.bom) {
      if (!body.outputs) context.addIssue({ code: 'custom', path: ['outputs'], message: 'required (or give bom)' });
      if (!body.materials) context.addIssue({ code: 'custom', path: ['materials'], message: 'required (or give bom)' });
    }
  });
export type CreateWorkOrderBody = z.input<typeof createWorkOrderBody>;

/** `PATCH /work-orders/{id}` (Draft, Out of Stock): only the fields given change. */
export const updateWorkOrderBody = z
  .object({
    name: name.optional(),
    scheduledAt: scheduledAtSchema.nullable().optional(),
    priority: prioritySchema.optional(),
    autoRetry: z.boolean().optional(),
    outputs: linesSchema.optional(),
    materials: linesSchema.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateWorkOrderBody = z.input<typeof updateWorkOrderBody>;

/** The list's filters, each repeatable; `q` matches the number or the name, literally, any case. */
export const workOrderFilterQuery = z.object({
  merchantId: many(z.string().min(1)),
  warehouseId: many(z.string().min(1)),
  q: many(z.string().trim().min(1)),
  inputSku: many(z.string().min(1)),
  outputSku: many(z.string().min(1)),
  priority: many(prioritySchema),
});
export type WorkOrderFilter = z.infer<typeof workOrderFilterQuery>;

/**
 * `GET /work-orders?status=&merchantId=&warehouseId=&q=&inputSku=&outputSku=&priority=&sort=&page=&pageSize=&after=`:
 * a page by its number (`page`), or the page after a cursor the list gave (`after`, in the same sort).
 */
export const workOrderListQuery = workOrderFilterQuery.extend({
  status: many(z.enum(workOrderStatuses)),
  sort: z.enum(workOrderSorts).default('-createdAt'),
  page: z.coerce.number().int().positive().default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  ...cursorQuery.shape,
});
export type WorkOrderListQuery = z.infer<typeof workOrderListQuery>;

/** `GET /work-orders/status-counts`: the list's filters, without status, sort and paging. */
export const workOrderStatusCountsQuery = workOrderFilterQuery;

/** `GET /work-orders/number-suggestion?warehouseId=` */
export const numberSuggestionQuery = z.object({ warehouseId: z.string().min(1) });

/** A row of the Work Orders list. */
export const workOrderListItemSchema = z.object({
  id: z.string(),
  status: z.enum(workOrderStatuses),
  pendingAction: z.enum(pendingActions).nullable(),
  name: z.string(),
  number: z.string(),
  merchantId: z.string(),
  warehouseId: z.string(),
  /** An ISO date-time in UTC; a console shows its UTC calendar date. */
  scheduledAt: isoDateTimeSchema.nullable(),
  priority: prioritySchema,
  createdAt: isoDateTimeSchema,
});
export type WorkOrderListItem = z.infer<typeof workOrderListItemSchema>;

/**
 * The answer of `GET /work-orders`: the page's orders; `total`, exact up to TOTAL_COUNT_CAP and
 * that cap past it (`totalCapped`: at least so many match); `nextCursor`, the `after` of the next
 * page (null on the last one).
 */
export const workOrderListSchema = z.object({
  items: z.array(workOrderListItemSchema),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  total: z.number().int().nonnegative(),
  totalCapped: z.boolean(),
  nextCursor: z.string().nullable(),
});
export type WorkOrderList = z.infer<typeof workOrderListSchema>;

/** The answer of `GET /work-orders/status-counts`: every status, 0 where there is none. */
export const workOrderStatusCountsSchema = z.object({
  counts: z.object(Object.fromEntries(workOrderStatuses.map((status) => [status, z.number().int().nonnegative()])) as Record<WorkOrderStatus, z.ZodNumber>),
  /** The statuses counted only up to TOTAL_COUNT_CAP: at least that many (a console shows "10,000+"). */
  capped: z.array(z.enum(workOrderStatuses)),
});
export type WorkOrderStatusCounts = z.infer<typeof workOrderStatusCountsSchema>;

/** The answer of `GET /work-orders/number-suggestion`: a number not used in the warehouse yet. */
export const numberSuggestionSchema = z.object({ number: z.string() });
export type NumberSuggestion = z.infer<typeof numberSuggestionSchema>;

/** An action of the guide's table for the current status that cannot be done now, and why. */
export const blockedActionSchema = z.object({ action: z.enum(workOrderActions), reason: z.string() });
export type BlockedAction = z.infer<typeof blockedActionSchema>;

/** A material the last allocation could not reserve in full. */
export const shortageSchema = z.object({ sku: z.string(), requested: z.number().int(), available: z.number().int() });
export type Shortage = z.infer<typeof shortageSchema>;

/** Where an Out of Stock order stands in the queue of orders waiting for one SKU. */
export const queuePlaceSchema = z.object({ sku: z.string(), place: z.number().int().positive(), waiting: z.number().int().positive() });
export type QueuePlace = z.infer<typeof queuePlaceSchema>;

const orderLineSchema = lineSchema.extend({ id: z.string() });

/** The answer of `GET /work-orders/{id}`, `POST /work-orders` and `PATCH /work-orders/{id}`. */
export const workOrderDetailSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  merchantId: z.string(),
  warehouseId: z.string(),
  /** An ISO date-time in UTC; a console shows its UTC calendar date. */
  scheduledAt: isoDateTimeSchema.nullable(),
  priority: prioritySchema,
  autoRetry: z.boolean(),
  status: z.enum(workOrderStatuses),
  pendingAction: z.enum(pendingActions).nullable(),
  /** What can be done now. */
  allowedActions: z.array(z.enum(workOrderActions)),
  /** What the detail page shows in this status but cannot be done now, each with its reason. */
  blockedActions: z.array(blockedActionSchema),
  bom: z.object({ bomId: z.string(), sets: z.number().int().nullable() }).nullable(),
  outputs: z.array(orderLineSchema),
  materials: z.array(orderLineSchema),
  shortages: z.array(shortageSchema),
  /**
   * Out of Stock with auto-retry: for each SKU it is short of, its place among the orders waiting
   * for that SKU in the warehouse and merchant (1: the next to get it). Empty otherwise.
   */
  queuePlaces: z.array(queuePlaceSchema),
  /** What inventory holds for the order, per material line, by location. */
  reservations: z.array(
    z.object({ reservationId: z.string(), lineId: z.string(), sku: z.string(), quantity: z.number().int(), allocations: z.array(allocationSchema) }),
  ),
  pickingLists: z.array(z.object({ id: z.string(), status: z.enum(pickingListStatuses), picker: z.string().nullable(), updatedAt: isoDateTimeSchema })),
  /** The finished-goods inbound order made at completion, as inbound last reported it. */
  inboundOrder: z.object({ id: z.string(), status: z.enum(inboundStatuses).nullable(), lines: z.array(inboundLineSchema) }).nullable(),
  history: z.array(z.object({ event: z.string(), detail: z.record(z.string(), z.unknown()), at: isoDateTimeSchema })),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type WorkOrderDetail = z.infer<typeof workOrderDetailSchema>;

/**
 * What a long action answers (202 from confirm, retry-allocation, picking-lists, complete,
 * cancel): the order as the action left it; read `links.self` until `pendingAction` is null.
 */
export const workOrderActionAcceptedSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(workOrderStatuses),
  pendingAction: z.enum(pendingActions).nullable(),
  updatedAt: isoDateTimeSchema,
  links: z.object({ self: z.string() }),
});
export type WorkOrderActionAccepted = z.infer<typeof workOrderActionAcceptedSchema>;
