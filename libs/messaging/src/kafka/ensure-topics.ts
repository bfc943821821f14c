import type { Admin, Kafka } from 'kafkajs';
import { deadLetterTopic, physicalTopic, topicCreationPolicy, type KafkaSettings, type TopicCreationPolicy } from './kafka-settings';

/** The physical names of a service's topics and their dead-letter twins, without duplicates. */
export function topicsWithDeadLetters(settings: Pick<KafkaSettings, 'topicPrefix'>, logicalTopics: readonly string[]): string[] {
  return [...new Set(logicalTopics.flatMap((topic) => [topic, deadLetterTopic(topic)]))].map((topic) => physicalTopic(settings, topic));
}

/**
 * Creates the topics a service uses, with their dead-letter topics, if they do not exist, and
 * waits until every partition has a leader. The broker has auto-creation off, so topics are made
 * here with a known partition count, replication factor and `min.insync.replicas`
 * (KAFKA_PARTITIONS, KAFKA_REPLICATION_FACTOR, KAFKA_MIN_INSYNC_REPLICAS). Several services (or
 * replicas) may race to create the same topic; the loser sees "already exists" or a
 * not-yet-visible partition, and simply checks again.
 *
 * With `createTopics: false` (KAFKA_CREATE_TOPICS=false: the platform manages topics, e.g. with
 * Strimzi KafkaTopic resources) nothing is created: the service waits for the topics to exist and
 * stops with a message naming the missing ones if they do not appear.
 */
export async function ensureTopics(kafka: Kafka, settings: KafkaSettings, logicalTopics: readonly string[], attempts = 20): Promise<void> {
  const wanted = topicsWithDeadLetters(settings, logicalTopics);
  if (wanted.length === 0) return;
  const create = settings.createTopics ?? true;
  const policy = topicCreationPolicy(settings);
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (create) await createMissing(admin, wanted, policy);
        else await requireExisting(admin, wanted);
        await admin.fetchTopicMetadata({ topics: wanted });
        return;
      } catch (error) {
        if (attempt >= attempts) {
          const what = create ? `could not create topics ${wanted.join(', ')}` : 'topics are missing and KAFKA_CREATE_TOPICS=false';
          throw new Error(`${what}: ${(error as Error).message}`, { cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

async function createMissing(admin: Admin, wanted: string[], policy: TopicCreationPolicy): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({ topic, ...policy })),
  });
}

async function requireExisting(admin: Admin, wanted: string[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} do not exist; create them on the platform (deploy/k8s/overlays/production/kafka-topics.yaml has a Strimzi KafkaTopic for each)`,
    );
  }
}
