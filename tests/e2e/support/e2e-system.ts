import { join } from 'node:path';
import { REPO_ROOT, type SystemOptions } from '@wo/dev-system';

/** The system the end-to-end tests run: its own ports, databases and topic prefix, beside any dev system. */
export function e2eOptions(): SystemOptions {
  return {
    gatewayPort: Number(process.env['E2E_PORT'] ?? 3100),
    databasePrefix: process.env['E2E_DATABASE_PREFIX'] ?? 'wo_e2e_',
    postgresUrl: process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432',
    kafkaBrokers: process.env['KAFKA_BROKERS'] ?? null,
    kafkaPort: Number(process.env['KAFKA_PORT'] ?? 9092),
    topicPrefix: process.env['E2E_TOPIC_PREFIX'] ?? `e2e-${Date.now()}.`,
    redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    logDir: join(REPO_ROOT, process.env['E2E_LOG_DIR'] ?? '.local/logs/e2e'),
  };
}
