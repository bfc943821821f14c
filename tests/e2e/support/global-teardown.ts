import type { RunningSystem } from '@wo/dev-system';
import { Kafka, logLevel } from 'kafkajs';

/** Stops the system and deletes this run's topics, so repeated runs do not pile them up. */
export default async function globalTeardown(): Promise<void> {
  const system = (globalThis as { e2eSystem?: RunningSystem }).e2eSystem;
  await system?.stop();
  const prefix = process.env['E2E_TOPIC_PREFIX'];
  const brokers = process.env['KAFKA_BROKERS_E2E'];
  if (!prefix || !brokers) return;
  const admin = new Kafka({ clientId: 'e2e-teardown', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  } finally {
    await admin.disconnect();
  }
}
