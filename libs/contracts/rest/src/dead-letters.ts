import { z } from 'zod';
import { isoDateTimeSchema, pageQuery } from './common';

/** Where a dead letter stands: waiting for someone (DEAD), or sent back to its topic (REPLAYED). */
export const deadLetterStatuses = ['DEAD', 'REPLAYED'] as const;
export type DeadLetterStatus = (typeof deadLetterStatuses)[number];

/** A dead letter's id in a path: a UUID (anything else is 400, an unknown one 404). */
export const deadLetterIdParam = z.object({ id: z.uuid() });

/**
 * `GET /dead-letters?topic=&status=&page=&pageSize=` (newest first). `topic` is the logical topic
 * the message was consumed from (`inventory.stock-commands`). The number of matching dead letters
 * is in `X-Total-Count`.
 */
export const deadLetterListQuery = pageQuery.extend({
  topic: z.string().min(1).max(200).optional(),
  status: z.enum(deadLetterStatuses).optional(),
});
/** What a client sends (paging optional). */
export type DeadLetterListQuery = z.input<typeof deadLetterListQuery>;
/** What the service reads once the query is parsed (paging filled in). */
export type DeadLetterListRequest = z.infer<typeof deadLetterListQuery>;

export const deadLetterSummarySchema = z.object({
  id: z.uuid(),
  /** The logical topic the message was consumed from, and is replayed to. */
  topic: z.string(),
  /** The original key as text (null when the message had none): the aggregate, or `warehouseId:sku`. */
  key: z.string().nullable(),
  /** unparseable, invalid-envelope, unknown-type, invalid-payload, handler-failed */
  reason: z.string(),
  /** Why, in words (at most 2,000 characters). */
  detail: z.string(),
  /** The `message-type` header, when the message had one. */
  messageType: z.string().nullable(),
  /** Where the consumer read it: `<physical topic>/<partition>/<offset>`. */
  source: z.string(),
  /** The consumer group that gave up on it. */
  consumerGroup: z.string(),
  status: z.enum(deadLetterStatuses),
  deadLetteredAt: isoDateTimeSchema,
  replayedAt: isoDateTimeSchema.nullable(),
  /** Who replayed it (the token's subject). */
  replayedBy: z.string().nullable(),
});
export type DeadLetterSummary = z.infer<typeof deadLetterSummarySchema>;

/** How many dead letters one topic has, waiting and replayed. */
export const deadLetterTopicCountSchema = z.object({ topic: z.string(), dead: z.number().int(), replayed: z.number().int() });
export type DeadLetterTopicCount = z.infer<typeof deadLetterTopicCountSchema>;

/** The answer of `GET /dead-letters`: counts per topic (all of them, unfiltered; topics with none are absent) and the matching dead letters. */
export const deadLetterListSchema = z.object({
  counts: z.array(deadLetterTopicCountSchema),
  items: z.array(deadLetterSummarySchema),
});
export type DeadLetterList = z.infer<typeof deadLetterListSchema>;

/** The answer of `GET /dead-letters/{id}` and its replay: the original headers and value. */
export const deadLetterSchema = deadLetterSummarySchema.extend({
  /** The original headers (the dead-letter ones are on the summary). */
  headers: z.record(z.string(), z.string()),
  /** The original value as text (null when the message had none). */
  value: z.string().nullable(),
  /** The value decoded, when it is JSON (absent otherwise). */
  message: z.unknown().optional(),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;
