import { deleteTopics, dropDatabases, localKafkaRunning, REPO_ROOT, RunningSystem, startLocalKafka, type SystemOptions } from '@wo/dev-system';
import { join } from 'node:path';

/**
 * A whole system of the test file's own (ports, databases, topics), so a suite may kill and
 * restart its processes and the broker without disturbing any other suite.
 */
export async function startIsolatedSystem(name: string, gatewayPort: number, env: Record<string, string> = {}): Promise<RunningSystem> {
  Object.assign(process.env, env);
  const options: SystemOptions = {
    gatewayPort,
    databasePrefix: `wo_${name.replace(/-/g, '_')}_`,
    postgresUrl: process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432',
    kafkaBrokers: null,
    kafkaPort: Number(process.env['KAFKA_PORT'] ?? 9092),
    topicPrefix: `${name}-${Date.now()}.`,
    redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    logDir: join(REPO_ROOT, `.local/logs/${name}`),
  };
  if (!(await localKafkaRunning(options.kafkaPort))) await startLocalKafka(options.kafkaPort);
  await dropDatabases(options);
  const system = new RunningSystem(options);
  await system.start();
  return system;
}

export async function stopIsolatedSystem(system: RunningSystem | undefined): Promise<void> {
  if (!system) return;
  await system.stop();
  await deleteTopics(system.options);
}
