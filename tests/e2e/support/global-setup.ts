import { dropDatabases, localKafkaRunning, loginRedirectUri, RunningSystem, startLocalKafka } from '@wo/dev-system';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { e2eOptions } from './e2e-system';

/** Starts Kafka if needed and the whole system on fresh databases; tests talk to its gateway. */
export default async function globalSetup(): Promise<void> {
  const options = e2eOptions();
  if (!existsSync(join(__dirname, '../../../dist/apps/gateway/src/main.js'))) {
    throw new Error('dist/ is missing: run `npm test` (or `bash scripts/setup.sh`) so the services are built first');
  }
  if (options.kafkaBrokers === null && !(await localKafkaRunning(options.kafkaPort))) await startLocalKafka(options.kafkaPort);
  await dropDatabases(options);
  if (options.logDir) rmSync(options.logDir, { recursive: true, force: true });

  const system = new RunningSystem(options);
  try {
    await system.start();
  } catch (error) {
    await system.stop(2_000);
    throw new Error(`${(error as Error).message} (service logs in ${options.logDir})`, { cause: error });
  }
  (globalThis as { e2eSystem?: RunningSystem }).e2eSystem = system;
  process.env['GATEWAY_URL'] = system.gatewayUrl;
  // ApiClient.as / signedIn sign in at the system's development provider with these.
  process.env['OIDC_ISSUER_URL'] = system.issuerUrl;
  process.env['OIDC_REDIRECT_URI'] = loginRedirectUri(options);
  for (const service of ['work-orders', 'inventory', 'picking', 'inbound'] as const)
    process.env[`SERVICE_URL_${service.replace('-', '_').toUpperCase()}`] = system.urlOf(service);
  process.env['E2E_TOPIC_PREFIX'] = options.topicPrefix;
  process.env['KAFKA_BROKERS_E2E'] = options.kafkaBrokers ?? `127.0.0.1:${options.kafkaPort}`;
}
