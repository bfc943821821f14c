import { messageSchemaId } from '@wo/contracts/envelope';
import { z } from 'zod';
import type { MessageVersion } from './message-catalog';

export type JsonSchema = { [key: string]: unknown };

/** docs/schemas/<file>: one per type and version. */
export const schemaFileName = (type: string, version: number): string => `${type}.v${version}.json`;

/**
 * The JSON Schema (draft-07, what AsyncAPI and most validators read) of a Kafka message value of
 * one type and version: the envelope, with `type` and `version` fixed and the payload as the
 * producer writes it. A consumer that does not use our code validates a message with this.
 */
export function messageJsonSchema({ definition, version, payload }: MessageVersion): JsonSchema {
  const { $schema: _dialect, ...payloadSchema } = z.toJSONSchema(payload, {
    target: 'draft-07',
    io: 'output',
    unrepresentable: 'any',
    override: allowAddedFields,
  }) as JsonSchema;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: messageSchemaId(definition.type, version),
    title: `${definition.type} v${version}`,
    description: `The value of a ${definition.type} v${version} message on ${definition.topic}: the envelope and its payload.${version < definition.version ? ` Superseded by v${definition.version}; consumers of this platform still accept it.` : ''}`,
    type: 'object',
    required: ['id', 'type', 'version', 'occurredAt', 'correlationId', 'causationId', 'key', 'payload'],
    properties: {
      id: { type: 'string', minLength: 1, description: 'Unique per message: deduplicate on it (delivery is at least once).' },
      type: { const: definition.type },
      version: { const: version },
      occurredAt: { type: 'string', format: 'date-time' },
      correlationId: { type: 'string', minLength: 1, description: 'The saga (or request) this happened in.' },
      causationId: { type: ['string', 'null'], description: 'The message that caused this one, when there was one.' },
      key: { type: 'string', minLength: 1, description: 'The Kafka key: the aggregate id.' },
      traceparent: {
        type: 'string',
        description: 'W3C trace context the message was sent in (the CloudEvents distributed-tracing attribute), when its producer traces. Optional.',
      },
      payload: payloadSchema,
    },
  };
}

/**
 * zod says an output object has no other keys; a reader must not assume that, since a version may
 * gain optional fields (docs/events.md, compatibility rules).
 */
export function allowAddedFields(context: { jsonSchema: JsonSchema }): void {
  if (context.jsonSchema['additionalProperties'] === false) delete context.jsonSchema['additionalProperties'];
}
