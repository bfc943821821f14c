import { Logger, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ensureTopics, kafkaClientConfig, KafkaMessageServer, OutboxRelay, readConsumerLag, SelfHealingProducer, type Subscription } from '@wo/messaging';
import {
  httpMetricsMiddleware,
  httpTracing,
  messagingMetrics,
  PinoNestLogger,
  requestLogging,
  startLogging,
  startProcessMetrics,
  startTracing,
  tracingStartedLine,
  watchConsumerLag,
  watchOutbox,
} from '@wo/observability';
import { createDatabasePool } from '@wo/database';
import { json, type Express } from 'express';
import { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { kafkaSettingsFrom } from '../config/kafka-connection';
import { loadServiceConfig } from '../config/service-config';
import { prepareDatabase } from '../database/prepare-database';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { answerClientErrorsAsProblems, refuseLongUrls } from '../http/request-size-limits';
import { RejectUnsafeTextPipe } from '../http/unsafe-text.pipe';
import type { ServiceRuntime } from './service-runtime';

export interface ServiceSpec {
  readonly name: string;
  /** The service's root module, given the runtime so it can import PlatformModule.forRuntime(runtime). */
  readonly module: (runtime: ServiceRuntime) => DynamicModule;
  readonly migrationsDir: string;
  /** What the service consumes (`commandsFrom(topic)`, `eventsFrom(topic)`); its @OnMessage handlers receive it. */
  readonly consumes: readonly Subscription[];
  /** Logical topics the service publishes to through its outbox. */
  readonly produces: readonly string[];
}

/**
 * Starts one service: validated config, its database and migrations, Kafka topics, the outbox
 * relay, the Kafka consumer and the HTTP server, and a clean stop on SIGTERM/SIGINT.
 */
export async function bootstrapService(spec: ServiceSpec): Promise<void> {
  const rootLogger = startLogging(spec.name);
  Logger.overrideLogger(new PinoNestLogger(rootLogger));
  const logger = new Logger(spec.name);
  // We use kafkajs' default (murmur2, Java-compatible) partitioner on purpose; silence its v2 notice.
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] ??= '1';
  const config = loadServiceConfig(spec.name);
  if (startTracing(spec.name)) logger.log(tracingStartedLine());
  startProcessMetrics(spec.name);
  messagingMetrics.register();

  // MIGRATE_ON_START=true: create the database if missing and apply pending migrations. false (on
  // Kubernetes, after the migration Job): only check that every migration is there, which needs
  // no right to create databases or change the schema.
  logger.log(await prepareDatabase(config.DATABASE_URL, spec.migrationsDir, { migrate: config.MIGRATE_ON_START }));

  const pool = createDatabasePool(config.DATABASE_URL);
  // A connection the server drops (a restart, a failover) emits an error: on the pool while idle,
  // on the client while checked out between queries. Unheard, either would end the process; the
  // query in flight fails on its own, and the pool replaces the connection on the next one.
  const connectionLost = (error: Error) => logger.warn(`database connection lost: ${error.message}`);
  pool.on('error', connectionLost);
  pool.on('connect', (client) => client.on('error', connectionLost));
  const kafkaSettings = kafkaSettingsFrom(config, spec.name);
  const kafka = new Kafka(kafkaClientConfig(kafkaSettings));
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(kafka, kafkaSettings, [...spec.consumes.map((subscription) => subscription.topic), ...spec.produces]);
  const producer = new SelfHealingProducer(kafka, new Logger('KafkaProducer'));
  await producer.connect();
  const relay = new OutboxRelay({
    pool,
    connectionString: config.DATABASE_URL,
    producer,
    settings: kafkaSettings,
    logger: new Logger('OutboxRelay'),
    lingerMs: config.OUTBOX_LINGER_MS,
  });
  const runtime: ServiceRuntime = {
    name: spec.name,
    config,
    pool,
    kafka,
    kafkaSettings,
    producer,
    admin,
    relay,
    degradableDependencies: new Map(),
    consumer: null,
  };

  watchOutbox(() => readOutboxBacklog(pool));
  if (spec.consumes.length > 0)
    watchConsumerLag(() =>
      readConsumerLag(
        admin,
        kafkaSettings,
        spec.name,
        spec.consumes.map((subscription) => subscription.topic),
      ),
    );

  const app = await NestFactory.create(spec.module(runtime), { bodyParser: false, bufferLogs: false, logger: new PinoNestLogger(rootLogger) });
  (app.getHttpAdapter().getInstance() as Express).disable('x-powered-by');
  app.use(refuseLongUrls());
  app.use(httpMetricsMiddleware());
  // Before the request's log context, so its lines carry the request's span.
  app.use(httpTracing());
  app.use(requestLogging(rootLogger));
  app.use(json({ limit: '1mb' }));
  answerClientErrorsAsProblems(app.getHttpServer());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(new RejectUnsafeTextPipe());
  app.enableShutdownHooks();
  // Kubernetes sends SIGKILL after its grace period (30 s): make sure we are gone before that.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () =>
      setTimeout(() => {
        logger.error(`shutdown took longer than 25 s; exiting`);
        process.exit(1);
      }, 25_000).unref(),
    );
  }

  if (spec.consumes.length > 0) {
    const server = new KafkaMessageServer({
      kafka,
      settings: kafkaSettings,
      group: spec.name,
      subscriptions: spec.consumes,
      producer,
      isHealthy: async () => (await pool.query('SELECT 1'), true),
    });
    runtime.consumer = server;
    app.connectMicroservice({ strategy: server });
    await app.startAllMicroservices();
  }
  await relay.start();
  await app.listen(config.PORT, '0.0.0.0');
  logger.log(`${spec.name} listening on http://localhost:${config.PORT}`);
}

/** The outbox's backlog for `outbox_pending_messages` and `outbox_oldest_message_age_seconds`: one aggregate over a table the relay keeps small. */
async function readOutboxBacklog(pool: Pool): Promise<{ pending: number; oldestAgeSeconds: number }> {
  const { rows } = await pool.query<{ pending: number; age: number }>(
    'SELECT count(*)::int AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age FROM outbox_message',
  );
  return { pending: rows[0]!.pending, oldestAgeSeconds: rows[0]!.age };
}
