import { deadLetterAddress, messageVersions, ownedTopics, type MessageVersion } from './message-catalog';
import { schemaFileName, type JsonSchema } from './message-json-schema';

const messageId = ({ definition, version }: MessageVersion): string => `${definition.type}.v${version}`;
const channelId = (address: string): string => address.replace(/[^A-Za-z0-9]+/g, '_');

/** Headers every message carries: routing without parsing, and CloudEvents 1.0 in Kafka binary mode. */
const messageHeaders: JsonSchema = {
  type: 'object',
  required: ['message-id', 'message-type', 'ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject', 'content-type'],
  properties: {
    'message-id': { type: 'string', description: 'The envelope `id`.' },
    'message-type': { type: 'string', description: 'The envelope `type`: skip types you do not know without parsing.' },
    ce_specversion: { const: '1.0' },
    ce_id: { type: 'string', description: 'The envelope `id`.' },
    ce_source: { type: 'string', description: 'The producing service, `/work-orders-platform/<service>`.' },
    ce_type: { type: 'string', description: 'The envelope `type`.' },
    ce_time: { type: 'string', format: 'date-time', description: 'The envelope `occurredAt`.' },
    ce_subject: { type: 'string', description: 'The Kafka key: the work-order id on work-orders.events.' },
    ce_dataschema: { type: 'string', description: 'The `$id` of the JSON Schema of this type and version (docs/schemas).' },
    'content-type': { const: 'application/json' },
    traceparent: {
      type: 'string',
      description:
        'W3C trace context of the publish, when the producer traces (OpenTelemetry): continue the trace from it. The envelope `traceparent` is the same.',
    },
  },
};

const deadLetterHeaders: JsonSchema = {
  type: 'object',
  required: ['dead-letter-reason', 'dead-letter-detail', 'dead-letter-source', 'dead-letter-group'],
  properties: {
    'dead-letter-reason': { enum: ['unparseable', 'invalid-envelope', 'unknown-type', 'invalid-payload', 'handler-failed'] },
    'dead-letter-detail': { type: 'string', description: 'Why, in words (at most 2,000 characters).' },
    'dead-letter-source': { type: 'string', description: '`<topic>/<partition>/<offset>` of the original.' },
    'dead-letter-group': { type: 'string', description: 'The consumer group that gave up on it.' },
  },
  description: "The original message's headers are kept beside these.",
};

/**
 * The AsyncAPI 3.0 document of every topic the platform owns and its dead-letter twin: each
 * message type and version, its payload by `$ref` to the JSON Schema in docs/schemas, the
 * headers, and the Kafka key. `docs/asyncapi.yaml` is this (`npm run contracts`).
 */
export function buildAsyncApiDocument(): JsonSchema {
  const versions = messageVersions();
  const channels: Record<string, JsonSchema> = {};
  const operations: Record<string, JsonSchema> = {};
  const messages: Record<string, JsonSchema> = {};

  for (const version of versions) {
    messages[messageId(version)] = {
      name: version.definition.type,
      title: `${version.definition.type} v${version.version}`,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/MessageHeaders' },
      payload: { $ref: `./schemas/${schemaFileName(version.definition.type, version.version)}` },
      bindings: {
        kafka: {
          key: { type: 'string', description: ownedTopics.find((topic) => topic.address === version.definition.topic)?.key ?? 'the aggregate id' },
          bindingVersion: '0.5.0',
        },
      },
    };
  }
  messages['DeadLetter'] = {
    name: 'DeadLetter',
    title: 'A message no consumer could process',
    summary: 'The original key and bytes, untouched, with the reason in headers. Replay it to its topic once the cause is fixed.',
    contentType: 'application/octet-stream',
    headers: { $ref: '#/components/schemas/DeadLetterHeaders' },
    payload: { description: 'The original value, byte for byte (it may not be JSON: "unparseable").' },
  };

  for (const topic of ownedTopics) {
    const id = channelId(topic.address);
    const own = versions.filter((version) => version.definition.topic === topic.address);
    channels[id] = {
      address: topic.address,
      title: topic.address,
      description: `${topic.description} Owned by ${topic.owner} (${topic.kind}). Key: ${topic.key}. Every deployment may prefix topic names (KAFKA_TOPIC_PREFIX).`,
      messages: Object.fromEntries(own.map((version) => [messageId(version), { $ref: `#/components/messages/${messageId(version)}` }])),
      bindings: { kafka: { bindingVersion: '0.5.0' } },
    };
    operations[`send_${id}`] = {
      action: 'send',
      title: `${topic.owner} publishes to ${topic.address}`,
      channel: { $ref: `#/channels/${id}` },
      messages: own.map((version) => ({ $ref: `#/channels/${id}/messages/${messageId(version)}` })),
      bindings: { kafka: { bindingVersion: '0.5.0' } },
    };
    const deadLetterId = channelId(deadLetterAddress(topic.address));
    channels[deadLetterId] = {
      address: deadLetterAddress(topic.address),
      title: deadLetterAddress(topic.address),
      description: `Messages of ${topic.address} that can never be processed (unparseable, unknown type, invalid payload, a handler that keeps failing), so the partition moves on.`,
      messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
    };
    operations[`send_${deadLetterId}`] = {
      action: 'send',
      title: `consumers of ${topic.address} dead-letter to ${deadLetterAddress(topic.address)}`,
      channel: { $ref: `#/channels/${deadLetterId}` },
      messages: [{ $ref: `#/channels/${deadLetterId}/messages/DeadLetter` }],
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Work Orders platform: Kafka topics',
      version: '1.0.0',
      description:
        'Every topic the platform owns. Values are JSON envelopes (`id, type, version, occurredAt, correlationId, causationId, key, payload`); delivery is at least once, so deduplicate on `id`; ignore types you do not know. Headers carry CloudEvents 1.0 attributes in Kafka binary mode. Generated from the zod contracts in libs/contracts; do not edit by hand.',
    },
    defaultContentType: 'application/json',
    servers: { local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The broker `npm start` runs; set KAFKA_BROKERS for yours.' } },
    channels,
    operations,
    components: { messages, schemas: { MessageHeaders: messageHeaders, DeadLetterHeaders: deadLetterHeaders } },
  };
}
