import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { kafkaBrokers, restartLocalKafka, type InstanceName, type RunningSystem } from '@wo/dev-system';

export interface FaultCounts {
  killed: Record<string, number>;
  brokerRestarts: number;
  duplicatesInjected: number;
  /** Restarts that failed and were tried again (a process started while the broker restarts may not come up). */
  restartRetries: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/**
 * Breaks things while the chaos run drives orders: SIGKILLs a random process and starts it again,
 * restarts the Kafka broker, and re-publishes a share of the messages on the saga topics so they
 * are delivered twice.
 */
export class FaultInjector {
  readonly counts: FaultCounts = { killed: {}, brokerRestarts: 0, duplicatesInjected: 0, restartRetries: 0 };
  private running = false;
  private loops: Promise<void>[] = [];
  private duplicator: { consumer: Consumer; producer: Producer } | null = null;

  constructor(
    private readonly system: RunningSystem,
    private readonly plan: { killEveryMs: [number, number]; brokerRestartAfterMs: number | null; duplicateShare: number; victims: readonly InstanceName[] },
  ) {}

  async start(): Promise<void> {
    this.running = true;
    if (this.plan.duplicateShare > 0) await this.startDuplicating();
    if (this.plan.victims.length > 0) this.loops.push(this.killLoop());
    if (this.plan.brokerRestartAfterMs !== null) this.loops.push(this.brokerRestart(this.plan.brokerRestartAfterMs));
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

  private async brokerRestart(afterMs: number): Promise<void> {
    await sleep(afterMs);
    if (!this.running) return;
    await this.untilDone('restart the broker', () => restartLocalKafka(this.system.options.kafkaPort));
    this.counts.brokerRestarts += 1;
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
        if (attempt === attempts) throw new Error(`chaos: could not ${what} in ${attempts} attempts: ${(error as Error).message}`);
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
