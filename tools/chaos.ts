import { PrivateRedis, runChaos, type ChaosPlan } from '@wo/chaos';
import {
  deleteTopics,
  dropDatabases,
  IDENTITY_PROVIDER,
  localKafkaRunning,
  planSystem,
  REPO_ROOT,
  RunningSystem,
  startLocalKafka,
  stopLocalKafka,
  type SystemOptions,
} from '@wo/dev-system';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `npm run chaos [-- --replicas N]`: a system of its own (ports from 3400, databases wo_chaos_*), a few thousand
 * work orders through the whole lifecycle on contested stock, with processes SIGKILLed at random,
 * the broker restarted and messages delivered twice; then it settles and checks every invariant.
 * The long run of issue 14 adds `--broker-restart-every MS` (again and again), `--postgres-outage-after
 * MS` and `--redis-outage-after MS` (the system then runs on a Redis of its own, port CHAOS_PORT+36):
 *   npm run chaos -- --orders 10000 --replicas 2 --broker-restart-every 600000 \
 *     --postgres-outage-after 900000 --redis-outage-after 1500000
 * Prints the figures and writes them to .local/chaos-report.json. Exits 1 if an invariant broke.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '16' },
      'kill-every': { type: 'string', default: '4000-9000' },
      'no-broker-restart': { type: 'boolean', default: false },
      'broker-restart-every': { type: 'string' },
      'postgres-outage-after': { type: 'string' },
      'redis-outage-after': { type: 'string' },
      duplicates: { type: 'string', default: '0.05' },
      // Processes per service (one consumer group per service, as replicas on Kubernetes); every one is a victim.
      replicas: { type: 'string', default: '1' },
    },
  });
  const [killMin, killMax] = values['kill-every'].split('-').map(Number) as [number, number];
  const replicas = Number(values.replicas);
  // 3400 and up: a second replica of each service takes the gateway's port + 5 to + 9, and 3306 is MySQL's.
  const gatewayPort = Number(process.env['CHAOS_PORT'] ?? 3400);
  const redis = values['redis-outage-after'] ? new PrivateRedis(gatewayPort + 36) : null;
  await redis?.start();
  const options: SystemOptions = {
    gatewayPort,
    replicas,
    databasePrefix: 'wo_chaos_',
    postgresUrl: process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432',
    kafkaBrokers: null,
    kafkaPort: Number(process.env['KAFKA_PORT'] ?? 9092),
    topicPrefix: `chaos-${Date.now()}.`,
    redisUrl: redis?.url ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    logDir: join(REPO_ROOT, '.local/logs/chaos'),
  };
  const plan: ChaosPlan = {
    orders: Number(values.orders),
    concurrency: Number(values.concurrency),
    skus: 8,
    stockPerOrder: 0.2,
    killEveryMs: [killMin, killMax],
    victims: planSystem({ ...options, replicas }).flatMap((process) => (process.name === IDENTITY_PROVIDER ? [] : [process.instance])),
    brokerRestart: !values['no-broker-restart'],
    ...(values['broker-restart-every'] && { brokerRestartEveryMs: Number(values['broker-restart-every']) }),
    ...(values['postgres-outage-after'] && { postgresOutageAfterMs: Number(values['postgres-outage-after']) }),
    ...(redis && { redisOutage: { afterMs: Number(values['redis-outage-after']), redis } }),
    duplicateShare: Number(values.duplicates),
    orderTimeoutMs: 180_000,
    settleTimeoutMs: 180_000,
  };
  const report = await runChaosOnFreshSystem(options, plan, (line) => console.log(`[chaos] ${line}`)).finally(() => redis?.stop());
  const summary = {
    replicas,
    ordersDriven: report.ordersDriven,
    ordersByOutcome: report.ordersByOutcome,
    faultsInjected: {
      killsByService: report.faults.killed,
      brokerRestarts: report.faults.brokerRestarts,
      postgresOutages: report.faults.postgresOutages,
      redisOutages: report.faults.redisOutages,
      duplicateDeliveries: report.faults.duplicatesInjected,
      restartsRetried: report.faults.restartRetries,
    },
    driveSeconds: Math.round(report.driveSeconds),
    timeToSettleSeconds: Math.round(report.settleSeconds),
    sagasCompleted: report.sagasCompleted,
    sagasCompensated: report.sagasCompensated,
    stuckSagas: report.stuckSagas,
    invariantViolations: report.invariantViolations,
    oversoldUnits: report.oversoldUnits,
  };
  console.log(JSON.stringify(summary, null, 2));
  for (const violation of report.violations) console.log(`  violation: ${violation}`);
  mkdirSync(join(REPO_ROOT, '.local'), { recursive: true });
  writeFileSync(
    join(REPO_ROOT, '.local/chaos-report.json'),
    JSON.stringify(
      {
        plan: { ...plan, redisOutage: plan.redisOutage && { afterMs: plan.redisOutage.afterMs } },
        ...summary,
        violations: report.violations,
        invariants: report.invariants,
      },
      null,
      2,
    ),
  );
  if (report.invariantViolations > 0 || report.oversoldUnits > 0) process.exitCode = 1;
}

/** Shorter step deadlines than production, so re-sends happen within the run. */
export async function runChaosOnFreshSystem(options: SystemOptions, plan: ChaosPlan, log: (line: string) => void) {
  process.env['SAGA_STEP_TIMEOUT_MS'] ??= '3000';
  process.env['SAGA_MAX_BACKOFF_MS'] ??= '10000';
  process.env['SAGA_DEADLINE_MS'] ??= '240000';
  // A broker this run started is stopped again at the end; one that was running stays.
  const startedKafka = !(await localKafkaRunning(options.kafkaPort));
  if (startedKafka) await startLocalKafka(options.kafkaPort);
  await dropDatabases(options);
  const system = new RunningSystem(options);
  try {
    // Inside the try: a start that fails (a port taken, say) stops what did start, and the broker.
    await system.start();
    log(`system up on ${system.gatewayUrl} (logs in ${options.logDir})`);
    return await runChaos(system, plan, log);
  } finally {
    await system.stop();
    await deleteTopics(options).catch((error: Error) => log(`could not delete topics: ${error.message}`));
    if (startedKafka) await stopLocalKafka(options.kafkaPort).catch((error: Error) => log(`could not stop the broker: ${error.message}`));
  }
}

if (require.main === module) {
  // Exit explicitly: a kafkajs consumer stopped while it recovers from the broker restart can keep a socket open.
  main()
    .then(() => process.exit(process.exitCode ?? 0))
    .catch((error: Error) => {
      console.error(`chaos run failed: ${error.stack ?? error.message}`);
      process.exit(2);
    });
}
