import { REPO_ROOT, type SystemOptions } from '@wo/dev-system';
import { join } from 'node:path';

/** The Postgres every bench runs against (its databases, and the SQL floors and meters). */
export const POSTGRES_URL = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';

/**
 * The system a bench starts, from the same environment every bench reads: `BENCH_PORT` (else
 * `defaultPort`), `KAFKA_BROKERS` or `KAFKA_PORT`, `REDIS_URL`; topics and logs named after the bench.
 */
export function benchSystemOptions(bench: { name: string; defaultPort: number; databasePrefix: string; replicas?: number }): SystemOptions {
  return {
    gatewayPort: Number(process.env['BENCH_PORT'] ?? bench.defaultPort),
    ...(bench.replicas !== undefined && { replicas: bench.replicas }),
    databasePrefix: bench.databasePrefix,
    postgresUrl: POSTGRES_URL,
    kafkaBrokers: process.env['KAFKA_BROKERS'] ?? null,
    kafkaPort: Number(process.env['KAFKA_PORT'] ?? 9092),
    topicPrefix: `${bench.name}-${Date.now()}.`,
    redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    logDir: join(REPO_ROOT, `.local/logs/${bench.name}`),
  };
}
