import { z } from 'zod';
import { isoDateTimeSchema, pageQuery } from './common';

/** Where a saga stands: running, finished, or stuck past its deadline (waits for a retry). */
export const sagaStates = ['RUNNING', 'FINISHED', 'STUCK'] as const;
export type SagaState = (typeof sagaStates)[number];

/** The sagas work-orders orchestrates. */
export const sagaTypes = ['allocation', 'release', 'completion'] as const;
export type SagaType = (typeof sagaTypes)[number];

/** A moment a saga list is bounded by: an ISO date-time with its offset, from 1970 to 9999. */
const sagaTimeBound = z.iso
  .datetime({ offset: true })
  .refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 1970 && year <= 9999;
  }, 'expected a time from 1970 to 9999')
  .transform((value) => new Date(value));

/**
 * `GET /sagas?state=&type=&workOrderId=&startedFrom=&startedTo=&page=&pageSize=` (newest first):
 * `startedFrom` and `startedTo` bound the start time, both included. `limit` (1..500), when given,
 * is the page size. The number of matching sagas is in `X-Total-Count`.
 */
export const sagaListQuery = pageQuery
  .extend({
    state: z.enum(sagaStates).optional(),
    type: z.enum(sagaTypes).optional(),
    workOrderId: z.string().min(1).optional(),
    startedFrom: sagaTimeBound.optional(),
    startedTo: sagaTimeBound.optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .refine((query) => !query.startedFrom || !query.startedTo || query.startedFrom <= query.startedTo, {
    path: ['startedTo'],
    message: 'must not be before startedFrom',
  });
/** What a client sends (paging optional). */
export type SagaListQuery = z.input<typeof sagaListQuery>;

export const sagaSummarySchema = z.object({
  id: z.string(),
  type: z.enum(sagaTypes),
  workOrderId: z.string(),
  /** The step it is at (saga-specific). */
  phase: z.string(),
  state: z.enum(sagaStates),
  /** Re-sends of the current step so far; the next is due at `deadlineAt`. */
  stepAttempts: z.number().int(),
  deadlineAt: isoDateTimeSchema.nullable(),
  /** Past this, a saga that has not finished is marked STUCK. */
  expiresAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  finishedAt: isoDateTimeSchema.nullable(),
});
export type SagaSummary = z.infer<typeof sagaSummarySchema>;

/** The answer of `GET /sagas`: how many sagas are in each state (all of them, unfiltered; a state with none is absent) and the matching ones. */
export const sagaListSchema = z.object({
  counts: z.partialRecord(z.enum(sagaStates), z.number().int()),
  items: z.array(sagaSummarySchema),
});
export type SagaList = z.infer<typeof sagaListSchema>;

/** The answer of `GET /sagas/{id}` and `POST /sagas/{id}/retry`: the saga, its data and its step history. */
export const sagaSchema = sagaSummarySchema.extend({
  data: z.unknown(),
  steps: z.array(z.object({ event: z.string(), detail: z.record(z.string(), z.unknown()), at: isoDateTimeSchema })),
});
export type Saga = z.infer<typeof sagaSchema>;
