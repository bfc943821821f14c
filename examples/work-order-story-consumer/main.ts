import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startStoryConsumer } from './story-consumer';

/** `node dist/examples/work-order-story-consumer/main.js`: prints every work order's story until Ctrl-C. */
async function main(): Promise<void> {
  const consumer = await startStoryConsumer({
    brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
    topicPrefix: process.env['KAFKA_TOPIC_PREFIX'] ?? '',
    groupId: process.env['STORY_GROUP'] ?? `work-order-stories-${randomUUID().slice(0, 8)}`,
    asyncApiFile: process.env['ASYNCAPI_FILE'] ?? join(__dirname, '../../../docs/asyncapi.yaml'),
    print: (line) => console.log(line),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void consumer.stop().then(() => process.exit(0)));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
