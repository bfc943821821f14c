import type { Kafka } from 'kafkajs';
import { deadLetterTopic, physicalTopic, type KafkaSettings } from './kafka-settings';

/**
 * Creates the topics a service uses, with their dead-letter topics, if they do not exist.
 * Topics are created explicitly (the broker has auto-creation off) with a known partition count.
 */
export async function ensureTopics(kafka: Kafka, settings: KafkaSettings, logicalTopics: readonly string[]): Promise<void> {
  const wanted = [...new Set(logicalTopics.flatMap((topic) => [topic, deadLetterTopic(topic)]))].map((topic) =>
    physicalTopic(settings, topic),
  );
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: settings.partitions, replicationFactor: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
}
