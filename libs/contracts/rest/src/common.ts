import { z } from 'zod';
import { lotFields } from './lot';

/**
 * What every endpoint shares: error bodies, paged lists, repeatable query parameters, lines.
 * This library is the REST contract of the gateway, for the services and for browser code alike:
 * it imports only zod, so a console can use its schemas and types as they are.
 */

/** A moment as JSON carries it: an ISO 8601 date-time in UTC (`2026-12-20T00:00:00.000Z`). */
export const isoDateTimeSchema = z.iso.datetime();

/** One field at fault, named by its path in the request (`materials[1].quantity`, `query.status`). */
export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * An RFC 9457 problem (`application/problem+json`), the body of every 4xx. A 400 lists `errors`;
 * a 409 adds what the action met (a work order's `workOrderStatus`, `pendingAction` and
 * `allowedActions`, a picking list's `listStatus`): those extensions pass through.
 */
export const problemDetailsSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
});
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;

/** A page of a list: the items, which page of what size, and how many there are in all. */
export const pagedListSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int().positive(), pageSize: z.number().int().positive(), total: z.number().int().nonnegative() });
export interface PagedList<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** How many items a page of a list holds: 100 unless `pageSize` says otherwise, never more than 500. */
export const pageSizeLimits = { default: 100, max: 500 } as const;

/**
 * `page` (from 1) and `pageSize` (1..500, default 100) of every list endpoint that answers a JSON
 * array: `/merchants`, `/warehouses`, `/products`, `/inventory`, `/inventory/movements`,
 * `/inventory/reservations`, `/boms`, `/picking-requests`, `/picking-lists`, `/inbound-orders`
 * (and `/sagas`, whose answer is an object). Each list has a stable order ending in a unique
 * tie-break, so pages neither skip nor repeat rows; the body stays the array of that page's items
 * and the `X-Total-Count` response header says how many match in all.
 */
export const pageQuery = z.object({
  page: z.coerce.number<number | string>().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number<number | string>().int().min(1).max(pageSizeLimits.max).default(pageSizeLimits.default),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** The response header of a paged list that says how many items match in all pages. */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';

/**
 * The lists that grow with history (work orders, stock rows, movements) count their matches
 * exactly up to this many and no further: a count of a million rows is a scan of a million rows
 * on every page. Past it the total is this number and is reported as capped: at least so many match.
 */
export const TOTAL_COUNT_CAP = 10_000;

/** `true` beside `X-Total-Count` when that total is the cap, not the exact number. */
export const TOTAL_COUNT_CAPPED_HEADER = 'X-Total-Count-Capped';

/** The cursor of the page after this one, when there is one: send it back as `after`. */
export const NEXT_CURSOR_HEADER = 'X-Next-Cursor';

/**
 * `after`: an opaque cursor that a list gave (`nextCursor`, `X-Next-Cursor`), for the page that
 * follows the one it came with. Keyset paging: the rows after the last one seen in the list's
 * stable order, as fast at the millionth row as at the first and neither skipping nor repeating
 * rows when others are inserted meanwhile. Give either `after` or a `page` other than 1.
 */
export const cursorQuery = z.object({
  after: z
    .string()
    .max(512)
    .regex(/^[A-Za-z0-9_-]+$/, 'not a cursor this list gave')
    .optional()
    .describe(
      'An opaque cursor this list gave (`nextCursor` or `X-Next-Cursor`): the page after it, in the same sort and filters. Give either `after` or a `page` other than 1.',
    ),
});

/**
 * A repeatable query parameter (`?status=DRAFT&status=ALLOCATED`): a query string gives one value
 * as a string and several as an array; this always answers an array (empty when absent).
 */
export const many = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

/**
 * The most units one stored quantity may hold: a Postgres `integer` (int4) column, as every
 * quantity, onHand and reserved is. Sums and products of valid quantities (onHand plus an
 * adjustment, a BOM line times its sets) are refused past it with 400 naming the field; a bin of
 * two billion units is beyond any real warehouse, so the columns stay int4.
 */
export const MAX_STORED_QUANTITY = 2_147_483_647;

/** A SKU and how many of it: one output or material of a BOM or a work order. */
export const lineSchema = z.object({
  sku: z.string().trim().min(1).max(64),
  quantity: z.number().int().positive().max(1_000_000),
});
export type Line = z.infer<typeof lineSchema>;

/** A non-empty list of lines with each SKU at most once. */
export const linesSchema = z
  .array(lineSchema)
  .min(1, 'at least one line is required')
  .max(200)
  .superRefine((lines, context) => {
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (seen.has(line.sku)) context.addIssue({ code: 'custom', path: [index, 'sku'], message: `${line.sku} appears more than once` });
      seen.add(line.sku);
    });
  });

/** Where stock of a line sits: so many units at one location. */
export const allocationSchema = z.object({ locationCode: z.string(), quantity: z.number().int(), ...lotFields });
export type Allocation = z.infer<typeof allocationSchema>;
