import type { Kafka } from 'kafkajs';
import { ensureTopics, topicsWithDeadLetters } from './ensure-topics';
import { topicCreationPolicy, topicSettingsProblems, type KafkaSettings } from './kafka-settings';

const base: KafkaSettings = { brokers: ['127.0.0.1:9092'], clientId: 'test', topicPrefix: 'p.', partitions: 12 };

describe('topic creation policy', () => {
  it('defaults to one replica and the broker default min.insync.replicas (one local broker)', () => {
    expect(topicCreationPolicy(base)).toEqual({ numPartitions: 12, replicationFactor: 1, configEntries: [] });
  });

  it('takes the replication factor and min.insync.replicas of a production cluster', () => {
    expect(topicCreationPolicy({ ...base, replicationFactor: 3, minInsyncReplicas: 2 })).toEqual({
      numPartitions: 12,
      replicationFactor: 3,
      configEntries: [{ name: 'min.insync.replicas', value: '2' }],
    });
  });

  it('refuses min.insync.replicas above the replication factor, naming both variables', () => {
    expect(() => topicCreationPolicy({ ...base, replicationFactor: 1, minInsyncReplicas: 2 })).toThrow(
      'KAFKA_MIN_INSYNC_REPLICAS (2) must not exceed KAFKA_REPLICATION_FACTOR (1)',
    );
  });

  it('names every problem of a combination', () => {
    expect(topicSettingsProblems({ partitions: 0, replicationFactor: 0, minInsyncReplicas: 0 })).toEqual([
      'KAFKA_PARTITIONS must be a positive integer (got 0)',
      'KAFKA_REPLICATION_FACTOR must be a positive integer (got 0)',
      'KAFKA_MIN_INSYNC_REPLICAS must be a positive integer (got 0)',
    ]);
    expect(topicSettingsProblems({ partitions: 8, replicationFactor: 3, minInsyncReplicas: 3 })).toEqual([]);
  });

  it('lists each topic with its dead-letter twin, prefixed, once', () => {
    expect(topicsWithDeadLetters(base, ['a.commands', 'a.commands', 'b.events'])).toEqual([
      'p.a.commands',
      'p.a.commands.dead-letter',
      'p.b.events',
      'p.b.events.dead-letter',
    ]);
  });
});

/** An admin client that remembers what it was asked to create. */
function fakeKafka(existing: string[]) {
  const created: { topic: string; numPartitions?: number; replicationFactor?: number; configEntries?: object[] }[] = [];
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    listTopics: async () => [...existing, ...created.map((entry) => entry.topic)],
    createTopics: async ({ topics }: { topics: typeof created }) => (created.push(...topics), true),
    fetchTopicMetadata: async () => ({ topics: [] }),
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, created };
}

describe('ensureTopics', () => {
  it('creates the missing topics and their dead-letter twins with the configured replication and min.insync.replicas', async () => {
    const { kafka, created } = fakeKafka(['p.a.commands']);
    await ensureTopics(kafka, { ...base, replicationFactor: 3, minInsyncReplicas: 2 }, ['a.commands'], 1);
    expect(created).toEqual([
      { topic: 'p.a.commands.dead-letter', numPartitions: 12, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] },
    ]);
  });

  it('with KAFKA_CREATE_TOPICS=false creates nothing and accepts topics the platform made', async () => {
    const { kafka, created } = fakeKafka(['p.a.commands', 'p.a.commands.dead-letter']);
    await ensureTopics(kafka, { ...base, createTopics: false }, ['a.commands'], 1);
    expect(created).toEqual([]);
  });

  it('with KAFKA_CREATE_TOPICS=false stops naming the topics the platform has not made', async () => {
    const { kafka, created } = fakeKafka(['p.a.commands']);
    await expect(ensureTopics(kafka, { ...base, createTopics: false }, ['a.commands'], 1)).rejects.toThrow(
      'topics are missing and KAFKA_CREATE_TOPICS=false: p.a.commands.dead-letter do not exist',
    );
    expect(created).toEqual([]);
  });
});
