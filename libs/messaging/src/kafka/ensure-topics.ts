import type { Admin, Kafka } from 'kafkajs';
import { deadLetterTopic, physicalTopic, type KafkaSettings } from './kafka-settings';

/**
 * Creates the topics a service uses, with their dead-letter topics, if they do not exist, and
 * waits until every partition has a leader. The broker has auto-creation off, so topics are made
 * here with a known partition count. Several services (or replicas) may race to create the same
 * topic; the loser sees "already exists" or a not-yet-visible partition, and simply checks again.
 */
export async function ensureTopics(kafka: Kafka, settings: KafkaSettings, logicalTopics: readonly string[], attempts = 20): Promise<void> {
  const wanted = [...new Set(logicalTopics.flatMap((topic) => [topic, deadLetterTopic(topic)]))].map((topic) => physicalTopic(settings, topic));
  if (wanted.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await createMissing(admin, wanted, settings.partitions);
        await admin.fetchTopicMetadata({ topics: wanted });
        return;
      } catch (error) {
        if (attempt >= attempts) throw new Error(`could not create topics ${wanted.join(', ')}: ${(error as Error).message}`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

async function createMissing(admin: Admin, wanted: string[], partitions: number): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
  });
}
