import type { PartitionLag } from '@wo/observability';
import type { Admin } from 'kafkajs';
import { physicalTopic, type KafkaSettings } from './kafka-settings';

/**
 * How far a consumer group is behind on each partition of its topics, from the admin API: the
 * log end offsets against the group's committed offsets. A partition the group never committed
 * counts everything still retained on it.
 */
export async function readConsumerLag(admin: Admin, settings: KafkaSettings, group: string, logicalTopics: readonly string[]): Promise<PartitionLag[]> {
  const topics = logicalTopics.map((logical) => ({ logical, physical: physicalTopic(settings, logical) }));
  const [ends, committed] = await Promise.all([
    Promise.all(topics.map(({ physical }) => admin.fetchTopicOffsets(physical))),
    admin.fetchOffsets({ groupId: physicalTopic(settings, group), topics: topics.map(({ physical }) => physical) }),
  ]);
  const committedOf = new Map(
    committed.flatMap(({ topic, partitions }) => partitions.map(({ partition, offset }) => [`${topic}/${partition}`, Number(offset)] as const)),
  );
  return topics.flatMap(({ logical, physical }, index) =>
    ends[index]!.map(({ partition, high, low }) => {
      const at = committedOf.get(`${physical}/${partition}`) ?? -1;
      return { topic: logical, partition, lag: Math.max(0, Number(high) - (at < 0 ? Number(low) : at)) };
    }),
  );
}
