import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { loadChannel, type PublishedMessage } from './published-contract';
import { storyLine, type WorkOrderEvent } from './story-line';

export interface StoryConsumerOptions {
  readonly brokers: string[];
  /** The deployment's topic prefix, if any (KAFKA_TOPIC_PREFIX). */
  readonly topicPrefix?: string;
  /** This domain's own consumer group. */
  readonly groupId: string;
  /** docs/asyncapi.yaml, with docs/schemas beside it. */
  readonly asyncApiFile: string;
  readonly print: (line: string) => void;
}

const TOPIC = 'work-orders.events';

/**
 * Another domain's view of work orders: reads `work-orders.events` in its own group, drops
 * duplicates by message id (delivery is at least once), validates each message with its published
 * JSON Schema, ignores types it does not know, and prints one plain line per step of each story.
 */
export async function startStoryConsumer(options: StoryConsumerOptions): Promise<{ stop: () => Promise<void> }> {
  const messages = new Map<string, PublishedMessage>(loadChannel(options.asyncApiFile, TOPIC).map((message) => [message.schemaId, message]));
  const seen = new Set<string>();
  const kafka = new Kafka({ clientId: options.groupId, brokers: options.brokers, logLevel: logLevel.WARN });
  const consumer: Consumer = kafka.consumer({ groupId: options.groupId });
  await consumer.connect();
  await consumer.subscribe({ topic: `${options.topicPrefix ?? ''}${TOPIC}`, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => handle(message) });

  function handle(message: KafkaMessage): void {
    const id = message.headers?.['ce_id']?.toString();
    if (id && seen.has(id)) return;
    // CloudEvents binary mode: ce_dataschema names the JSON Schema of the value.
    const published = messages.get(message.headers?.['ce_dataschema']?.toString() ?? '');
    if (!published) return; // a type (or version) this consumer does not know: ignore it
    const event: unknown = JSON.parse(message.value?.toString() ?? 'null');
    if (!published.validate(event)) {
      options.print(`! ${published.type} ${id ?? '?'} does not match its schema: ${JSON.stringify(published.validate.errors)}`);
      return;
    }
    const valid = event as WorkOrderEvent;
    if (seen.has(valid.id)) return;
    seen.add(valid.id);
    options.print(storyLine(valid));
  }

  return { stop: () => consumer.disconnect() };
}
