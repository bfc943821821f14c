import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SERVICE_RUNTIME, type ServiceRuntime } from '@wo/platform';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { SagaRunner } from '../application/saga-runner.service';

/** How often the sweep runs: the finest step deadline it can honour. */
const SWEEP_EVERY_MS = 1_000;

/**
 * Saga step deadlines, on BullMQ. Each saga's next deadline is stored in its own row, written in
 * the same transaction as the step (so a crash can never lose a deadline); a BullMQ job scheduler
 * runs the sweep that re-sends due steps, once per tick across all replicas.
 */
@Injectable()
export class SagaDeadlineSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SagaDeadlineSweeper.name);
  private connection: IORedis | null = null;
  private queue: Queue | null = null;
  private worker: Worker | null = null;

  constructor(
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
    private readonly sagas: SagaRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // BullMQ workers block on Redis: they need maxRetriesPerRequest null.
    this.connection = new IORedis(this.runtime.config.REDIS_URL, { maxRetriesPerRequest: null });
    const name = `${this.runtime.kafkaSettings.topicPrefix}work-orders.saga-deadlines`;
    const queue = new Queue(name, { connection: this.connection });
    this.queue = queue;
    const schedule = () => queue.upsertJobScheduler('sweep', { every: SWEEP_EVERY_MS }, { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: 50 } });
    await schedule();
    // A Redis that restarts without its data forgets the scheduler: put it back on every reconnect
    // (upserting is idempotent, and the deadlines themselves live in Postgres).
    this.connection.on('ready', () => void schedule().catch((error: Error) => this.logger.warn(`saga deadline scheduler not restored yet: ${error.message}`)));
    // Without Redis no sweep runs (deadlines wait, nothing is lost): readiness says so and stays 200.
    const connection = this.connection;
    this.runtime.degradableDependencies.set('redis', async () => {
      if (connection.status !== 'ready') throw new Error(`redis connection ${connection.status}`);
      return connection.ping();
    });
    this.worker = new Worker(
      name,
      async () => {
        const swept = await this.sagas.resendDue();
        if (swept.resent + swept.stuck > 0) this.logger.log(`saga deadlines: ${swept.resent} step(s) re-sent, ${swept.stuck} saga(s) marked stuck`);
        return swept;
      },
      { connection: this.connection, concurrency: 1 },
    );
    this.worker.on('failed', (_job, error) => this.logger.warn(`saga deadline sweep failed: ${error.message}`));
    // While Redis is away BullMQ reports each reconnect attempt as an error event: unheard, one would end the process.
    const reportOutage = (error: Error) => this.logger.warn(`saga deadline sweeps wait for Redis: ${error.message}`);
    this.worker.on('error', reportOutage);
    queue.on('error', reportOutage);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
    await this.connection?.quit();
  }
}
