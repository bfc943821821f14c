import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Envelope } from './envelope';
import type { Upcaster } from './upcaster';

/** What a message needs besides its payload: where it belongs in a conversation. */
export interface MessageContext {
  readonly correlationId: string;
  /**
   * The message this one answers or follows from, if any: its id becomes the `causationId`, and
   * its trace context the new message's, so the new message continues the cause's trace (also when
   * a handler works on many messages at once).
   */
  readonly cause?: Envelope | null;
  readonly key: string;
}

/**
 * A message type as its producer publishes it: name, version, topic and payload schema.
 * The producer's contract library exports these; consumers import them to parse and to handle.
 */
export interface MessageDefinition<TType extends string, TSchema extends z.ZodType> {
  readonly type: TType;
  /** The version producers publish now; `schema` is its payload. */
  readonly version: number;
  readonly topic: string;
  readonly schema: TSchema;
  /** How a payload of each older version still accepted becomes the next version's (oldest first). */
  readonly upcasters: readonly Upcaster[];
  /** Wraps a payload in a fresh envelope. */
  create(payload: z.infer<TSchema>, context: MessageContext): Envelope<z.infer<TSchema>, TType>;
  /** A fresh envelope together with the topic it goes to: what an outbox stores. */
  outgoing(payload: z.infer<TSchema>, context: MessageContext): OutgoingMessage;
}

/** An envelope bound for a (logical) topic. */
export interface OutgoingMessage {
  readonly topic: string;
  readonly envelope: Envelope;
}

export type PayloadOf<TDefinition> = TDefinition extends MessageDefinition<string, infer TSchema> ? z.infer<TSchema> : never;

export type EnvelopeOf<TDefinition> = TDefinition extends MessageDefinition<infer TType, infer TSchema> ? Envelope<z.infer<TSchema>, TType> : never;

export function defineMessage<TType extends string, TSchema extends z.ZodType>(spec: {
  type: TType;
  version: number;
  topic: string;
  schema: TSchema;
  /** One per older version consumers still accept, each to the version after it. */
  upcasters?: readonly Upcaster[];
}): MessageDefinition<TType, TSchema> {
  const upcasters = [...(spec.upcasters ?? [])].sort((a, b) => a.fromVersion - b.fromVersion);
  upcasters.forEach((upcaster, index) => {
    const next = upcasters[index + 1]?.fromVersion ?? spec.version;
    if (upcaster.fromVersion + 1 !== next)
      throw new Error(`${spec.type}: no upcaster from v${upcaster.fromVersion + 1} (each goes one version up, to v${spec.version} in the end)`);
  });
  const definition: MessageDefinition<TType, TSchema> = {
    ...spec,
    upcasters,
    outgoing(payload, context) {
      return { topic: spec.topic, envelope: definition.create(payload, context) };
    },
    create(payload, context) {
      return {
        id: randomUUID(),
        type: spec.type,
        version: spec.version,
        occurredAt: new Date().toISOString(),
        correlationId: context.correlationId,
        causationId: context.cause?.id ?? null,
        key: context.key,
        ...(context.cause?.traceparent !== undefined && { traceparent: context.cause.traceparent }),
        payload,
      };
    },
  };
  return definition;
}
