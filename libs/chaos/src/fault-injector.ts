import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { kafkaBrokers, restartLocalKafka, type InstanceName, type RunningSystem } from '@wo/dev-system';
import { duringPostgresOutage, type PrivateRedis } from './outages';

export interface FaultCounts {
  killed: Record<string, number>;
  brokerRestarts: number;
  postgresOutages: number;
  redisOutages: number;
  duplicatesInjected: number;
  /** Restarts that failed and were tried again (a process started while the broker restarts may not come up). */
  restartRetries: number;
}

/** What to break, and when (times from the start of the drive). */
export interface FaultPlan {
  readonly killEveryMs: [number, number];
  readonly victims: readonly InstanceName[];
  readonly brokerRestartAfterMs: number | null;
  /** Restart the broker again this often after the first (null or absent: once). */
  readonly brokerRestartEveryMs?: number | null;
  readonly postgresOutageAfterMs?: number | null;
  /** Only for a system on a Redis of its own (the shared one is not the run's to stop). */
  readonly redisOutage?: { readonly afterMs: number; readonly redis: PrivateRedis } | null;
  readonly duplicateShare: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/**
 * Breaks things while the chaos run drives orders: SIGKILLs a random process and starts it again,
 * restarts the Kafka broker, and re-publishes a share of the messages on the saga topics so they
 * are delivered twice.
 */
export class FaultInjector {
  readonly counts: FaultCounts = { killed: {}, brokerRestarts: 0, postgresOutages: 0, redisOutages: 0, duplicatesInjected: 0, restartRetries: 0 };
  private running = false;
  private loops: Promise<void>[] = [];
  private duplicator: { consumer: Consumer; producer: Producer } | null = null;

  constructor(
    private readonly system: RunningSystem,
    private readonly plan: FaultPlan,
  ) {}

  async start(): Promise<void> {
    this.running = true;
    if (this.plan.duplicateShare > 0) await this.startDuplicating();
    if (this.plan.victims.length > 0) this.loops.push(this.killLoop());
    if (this.plan.brokerRestartAfterMs !== null) this.loops.push(this.brokerRestart(this.plan.brokerRestartAfterMs));
    if (this.plan.postgresOutageAfterMs != null) this.loops.push(this.postgresOutage(this.plan.postgresOutageAfterMs));
    if (this.plan.redisOutage) this.loops.push(this.redisOutage(this.plan.redisOutage.afterMs, this.plan.redisOutage.redis));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    await this.duplicator?.consumer.disconnect();
    await this.duplicator?.producer.disconnect();
  }

  private async killLoop(): Promise<void> {
    const [min, max] = this.plan.killEveryMs;
    while (this.running) {
      await sleep(min + Math.random() * (max - min));
      if (!this.running) return;
      const victim = pick(this.plan.victims);
      await this.system.terminate(victim, 'SIGKILL');
      this.counts.killed[victim] = (this.counts.killed[victim] ?? 0) + 1;
      await sleep(Math.random() * 1_500);
      await this.untilDone(`restart ${victim}`, async () => {
        // What a failed start left running is stopped first, so the retry starts it afresh.
        await this.system.terminate(victim, 'SIGKILL').catch(() => undefined);
        await this.system.restart(victim);
      });
    }
  }

  /** The first restart after `afterMs`, then one every `brokerRestartEveryMs` while the run lasts (if set). */
  private async brokerRestart(afterMs: number): Promise<void> {
    await sleep(afterMs);
    while (this.running) {
      await this.untilDone('restart the broker', () => restartLocalKafka(this.system.options.kafkaPort));
      this.counts.brokerRestarts += 1;
      if (!this.plan.brokerRestartEveryMs) return;
      await this.sleepWhileRunning(this.plan.brokerRestartEveryMs);
    }
  }

  /** Every session of the system's databases ended, and none allowed for 5 s, as a Postgres restart does. */
  private async postgresOutage(afterMs: number): Promise<void> {
    await this.sleepWhileRunning(afterMs);
    if (!this.running) return;
    await duringPostgresOutage(this.system.options, async () => {
      await sleep(5_000);
    });
    this.counts.postgresOutages += 1;
  }

  /** The system's own Redis stopped for 10 s (it forgets everything: no persistence), then started again. */
  private async redisOutage(afterMs: number, redis: PrivateRedis): Promise<void> {
    await this.sleepWhileRunning(afterMs);
    if (!this.running) return;
    await redis.stop();
    await sleep(10_000);
    await redis.start();
    this.counts.redisOutages += 1;
  }

  private async sleepWhileRunning(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (this.running && Date.now() < until) await sleep(Math.min(500, until - Date.now()));
  }

  /**
   * Faults overlap (a kill lands while the broker restarts): a process may then fail to come up
   * in time. An operator's platform would start it again, and so does the injector, a few times,
   * before giving up and failing the run.
   */
  private async untilDone(what: string, action: () => Promise<void>, attempts = 6): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await action();
      } catch (error) {
        if (attempt === attempts) throw new Error(`chaos: could not ${what} in ${attempts} attempts: ${(error as Error).message}`, { cause: error });
        this.counts.restartRetries += 1;
        await sleep(2_000 * attempt);
      }
    }
  }

  /** Reads the saga topics with a group of its own and sends a share of what it sees again, as is. */
  private async startDuplicating(): Promise<void> {
    const options = this.system.options;
    const kafka = new Kafka({
      clientId: 'chaos-duplicator',
      brokers: kafkaBrokers(options).split(','),
      logLevel: logLevel.NOTHING,
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000 },
    });
    const producer = kafka.producer({ retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000 } });
    const consumer = kafka.consumer({ groupId: `${options.topicPrefix}chaos-duplicator`, retry: { retries: Number.MAX_SAFE_INTEGER } });
    await producer.connect();
    await consumer.connect();
    const topics = [
      'inventory.stock-commands',
      'inventory.stock-replies',
      'inventory.putaway-replies',
      'inbound.commands',
      'inbound.replies',
      'picking.commands',
      'picking.events',
      'work-orders.events',
    ];
    await consumer.subscribe({ topics: topics.map((topic) => `${options.topicPrefix}${topic}`), fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        if (!this.running || Math.random() >= this.plan.duplicateShare) return;
        await producer.send({ topic, messages: [{ key: message.key, value: message.value, headers: message.headers }] });
        this.counts.duplicatesInjected += 1;
      },
    });
    this.duplicator = { consumer, producer };
  }
}
