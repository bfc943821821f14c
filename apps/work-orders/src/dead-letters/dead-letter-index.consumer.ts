import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { deadLetterAddress, ownedTopics } from '@wo/contracts/catalog';
import { logicalTopic, physicalTopic, readDeadLetter } from '@wo/messaging';
import { SERVICE_RUNTIME, type ServiceRuntime } from '@wo/platform';
import type { Consumer, EachMessagePayload } from 'kafkajs';
import { DeadLetters } from './dead-letters.service';

/** The consumer group of the index (one per deployment prefix; replicas share the partitions). */
const INDEX_GROUP = 'work-orders.dead-letter-index';
const DEAD_LETTER_SUFFIX = deadLetterAddress('');

/**
 * Reads every dead-letter topic of the platform (every service's, not only work-orders') into the
 * `dead_letter` table, so an SRE can list and replay them. Idempotent: a re-delivered dead letter
 * (same topic, partition and offset) is recorded once; offsets are committed after the insert.
 */
@Injectable()
export class DeadLetterIndexConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeadLetterIndexConsumer.name);
  private consumer: Consumer | null = null;
  private closing = false;

  constructor(
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
    private readonly deadLetters: DeadLetters,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: joining the group takes seconds and the index may lag behind the HTTP server.
    void this.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  private async start(): Promise<void> {
    const { kafka, kafkaSettings } = this.runtime;
    const consumer = kafka.consumer({
      groupId: physicalTopic(kafkaSettings, INDEX_GROUP),
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 500,
    });
    this.consumer = consumer;
    // As KafkaMessageServer does: a crash kafkajs will not restart itself gets a new consumer.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.closing) return;
      this.logger.error(`dead-letter index consumer crashed (${payload.error.message}); starting a new one`);
      this.restartLater(consumer);
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: ownedTopics.map((topic) => physicalTopic(kafkaSettings, deadLetterAddress(topic.address))), fromBeginning: true });
      await consumer.run({ eachMessage: (payload) => this.index(payload) });
    } catch (error) {
      if (this.closing) return;
      this.logger.error(`could not start the dead-letter index consumer (${(error as Error).message}); trying again`);
      this.restartLater(consumer);
    }
  }

  /** Drops a consumer that stopped and starts a new one two seconds later (unless the service is stopping). */
  private restartLater(stopped: Consumer): void {
    setTimeout(() => {
      void (async () => {
        await stopped.disconnect().catch(() => undefined);
        if (this.consumer === stopped && !this.closing) await this.start();
      })();
    }, 2_000);
  }

  private async index({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const logical = logicalTopic(this.runtime.kafkaSettings, topic);
    const sourceTopic = logical.endsWith(DEAD_LETTER_SUFFIX) ? logical.slice(0, -DEAD_LETTER_SUFFIX.length) : logical;
    await this.deadLetters.record(sourceTopic, partition, BigInt(message.offset), readDeadLetter(message));
  }
}
