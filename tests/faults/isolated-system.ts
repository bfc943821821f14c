import { deleteTopics, dropDatabases, localKafkaRunning, REPO_ROOT, RunningSystem, startLocalKafka, type SystemOptions } from '@wo/dev-system';
import { join } from 'node:path';

/**
 * Where each suite's system starts: FAULTS_PORT (default 3200) plus the suite's offset, so the
 * whole tier stays inside one range of ports (suites run one at a time; each takes up to ten).
 */
export function faultsPort(offset: number): number {
  return Number(process.env['FAULTS_PORT'] ?? 3200) + offset;
}

/**
 * A whole system of the test file's own (ports, databases, topics), so a suite may kill and
 * restart its processes and the broker without disturbing any other suite.
 */
export async function startIsolatedSystem(
  name: string,
  portOffset: number,
  env: Record<string, string> = {},
  overrides: Partial<Pick<SystemOptions, 'replicas' | 'redisUrl'>> = {},
): Promise<RunningSystem> {
  Object.assign(process.env, env);
  const options: SystemOptions = {
    gatewayPort: faultsPort(portOffset),
    // FAULTS_DATABASE_PREFIX (default wo_) keeps one engineer's run apart from another's on a shared Postgres.
    databasePrefix: `${process.env['FAULTS_DATABASE_PREFIX'] ?? 'wo_'}${name.replace(/-/g, '_')}_`,
    postgresUrl: process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432',
    kafkaBrokers: null,
    kafkaPort: Number(process.env['KAFKA_PORT'] ?? 9092),
    topicPrefix: `${name}-${Date.now()}.`,
    redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    logDir: join(REPO_ROOT, `.local/logs/${name}`),
    ...overrides,
  };
  if (!(await localKafkaRunning(options.kafkaPort))) await startLocalKafka(options.kafkaPort);
  await dropDatabases(options);
  const system = new RunningSystem(options);
  try {
    await system.start();
  } catch (error) {
    // What did start must not outlive the suite (Jest's afterAll gets no handle to stop it).
    await system.stop();
    throw error;
  }
  return system;
}

export async function stopIsolatedSystem(system: RunningSystem | undefined): Promise<void> {
  if (!system) return;
  await system.stop();
  await deleteTopics(system.options);
}
