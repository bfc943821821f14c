import { z } from 'zod';

/**
 * The envelope every message on Kafka travels in.
 *
 * - `type` is namespaced (`inventory.ReserveStock`); commands are imperative, events past tense,
 *   replies name the outcome.
 * - `version` is the integer version of the payload shape for that type.
 * - `correlationId` ties every message of one saga (or one request) together.
 * - `causationId` is the id of the message that caused this one (null for a user action).
 * - `key` is the Kafka partition key: the aggregate id, or `warehouseId:sku` for stock.
 * - `traceparent` (optional) is the W3C trace context the message belongs to, CloudEvents'
 *   distributed-tracing attribute: absent when nothing traces, and messages without it stay valid.
 */
export interface Envelope<TPayload = unknown, TType extends string = string> {
  readonly id: string;
  readonly type: TType;
  readonly version: number;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly key: string;
  readonly traceparent?: string;
  readonly payload: TPayload;
}

export const envelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  key: z.string().min(1),
  // Never a reason to refuse a message: a malformed one only starts a new trace.
  traceparent: z.string().optional(),
  payload: z.unknown(),
});
