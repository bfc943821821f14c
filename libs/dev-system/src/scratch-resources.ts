import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { databaseUrl, kafkaBrokers, SERVICES, type SystemOptions } from './system-plan';

/** Drops every service database of a system, so a test run starts from nothing. */
export async function dropDatabases(options: SystemOptions): Promise<void> {
  for (const service of SERVICES) {
    const target = new URL(databaseUrl(options, service));
    const name = target.pathname.slice(1);
    target.pathname = '/postgres';
    const admin = new Client({ connectionString: target.toString() });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}

/** Deletes the topics of a system's prefix, so repeated test runs do not pile them up. */
export async function deleteTopics(options: SystemOptions): Promise<void> {
  if (!options.topicPrefix) throw new Error('refusing to delete topics without a prefix');
  const admin = new Kafka({ clientId: 'scratch-cleanup', brokers: kafkaBrokers(options).split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(options.topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  } finally {
    await admin.disconnect();
  }
}
