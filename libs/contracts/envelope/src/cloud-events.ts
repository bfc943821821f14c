import type { Envelope } from './envelope';

/** The JSON Schema of one message type and version (docs/schemas), by the URI it is published as. */
export function messageSchemaId(type: string, version: number): string {
  return `urn:work-orders-platform:schema:${type}:v${version}`;
}

/** Where a message comes from, as CloudEvents `source`: the producing service. */
export function cloudEventSource(service: string): string {
  return `/work-orders-platform/${service}`;
}

/**
 * The Kafka headers of a message: `message-id` and `message-type` (routing without parsing), and
 * the CloudEvents 1.0 attributes in Kafka binary mode (`ce_*`, `content-type`). The value stays
 * the JSON envelope, so a CloudEvents consumer reads it as the event's data (`ce_dataschema`
 * names its JSON Schema) and every consumer of the envelope reads it as before. A message that
 * belongs to a trace has its W3C `traceparent` too (the relay sets its publish span's there).
 */
export function kafkaHeaders(envelope: Envelope, service: string): Record<string, string> {
  return {
    'message-id': envelope.id,
    'message-type': envelope.type,
    ce_specversion: '1.0',
    ce_id: envelope.id,
    ce_source: cloudEventSource(service),
    ce_type: envelope.type,
    ce_time: envelope.occurredAt,
    ce_subject: envelope.key,
    ce_dataschema: messageSchemaId(envelope.type, envelope.version),
    'content-type': 'application/json',
    ...(envelope.traceparent !== undefined && { traceparent: envelope.traceparent }),
  };
}
