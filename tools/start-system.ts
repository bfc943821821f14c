import { parseArgs } from 'node:util';
import { issuerUrl, kafkaBrokers, localKafkaRunning, optionsFromEnv, replicaCount, RunningSystem, startLocalKafka, stopLocalKafka } from '@wo/dev-system';

/**
 * `npm start [-- --replicas N]`: the whole system on this machine. Starts the local Kafka unless KAFKA_BROKERS
 * points elsewhere, then every service and the gateway; Ctrl-C stops everything.
 */
async function main(): Promise<void> {
  // `npm start -- --replicas 2`: every service as two processes in one consumer group, as on Kubernetes.
  const { values } = parseArgs({ options: { replicas: { type: 'string' } } });
  const fromEnv = optionsFromEnv(process.env);
  const options = { ...fromEnv, replicas: values.replicas ? Number(values.replicas) : fromEnv.replicas };
  const startedKafka = options.kafkaBrokers === null && !(await localKafkaRunning(options.kafkaPort));
  if (options.kafkaBrokers === null) {
    log(`starting Kafka on 127.0.0.1:${options.kafkaPort} (scripts/kafka.sh)`);
    await startLocalKafka(options.kafkaPort);
  }
  log(
    `${replicaCount(options)} replica(s) of each service; Kafka at ${kafkaBrokers(options)}, Postgres at ${options.postgresUrl}, Redis at ${options.redisUrl}`,
  );

  const system = new RunningSystem(options, (name, code) => log(`${name} exited unexpectedly with code ${code}; stop with Ctrl-C and check its log`));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping every service`);
    await system.stop();
    if (startedKafka) await stopLocalKafka(options.kafkaPort);
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await system.start();
  log(
    `ready: the console is at http://localhost:${options.gatewayPort}/console/ and the REST API at http://localhost:${options.gatewayPort} (try GET /health/ready)`,
  );
  log(
    `sign in: the console sends you to the development identity provider at ${issuerUrl(options)} (dev only, no passwords): pick planner, picker, receiver, clerk, merchant (give merchant ids), sre or admin`,
  );
  log(
    'scripts and curl: TOKEN=$(npm run -s token -- --role admin); curl -H "authorization: Bearer $TOKEN" localhost:' +
      options.gatewayPort +
      '/merchants (docs/identity.md)',
  );
  log(
    'first time? `npm run seed` (in another terminal) adds a demo merchant, warehouse, products (the honey in two lots), stock and two BOMs; Ctrl-C stops everything',
  );
}

function log(message: string): void {
  process.stdout.write(`[system]      ${message}\n`);
}

main().catch((error: Error) => {
  log(`failed to start: ${error.message}`);
  process.exit(1);
});
