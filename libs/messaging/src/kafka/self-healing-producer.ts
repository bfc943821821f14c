import type { Logger } from '@nestjs/common';
import { messagingMetrics } from '@wo/observability';
import type { Kafka, Producer, ProducerBatch, ProducerRecord } from 'kafkajs';

/**
 * The service's idempotent Kafka producer, replaced by a fresh one when it can no longer send.
 *
 * Why: a kafkajs 2.2.4 idempotent producer whose sequence numbers fell out of step with the broker
 * (OUT_OF_ORDER_SEQUENCE_NUMBER, UNKNOWN_PRODUCER_ID, INVALID_PRODUCER_EPOCH, as after a broker
 * restart that lost a request in flight) fails every later send and never recovers on its own
 * (kafkajs issue #598). A new producer gets a new producer id and starts over. Sends are bounded
 * (finite retries), so a send that keeps failing for any reason also ends in a replacement rather
 * than a relay that waits forever; the caller (the outbox relay) simply tries again.
 */
export class SelfHealingProducer {
  private producer: Producer;
  private consecutiveFailures = 0;
  /** How many times the producer was replaced: shown on /health/messaging. */
  resets = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: Logger,
  ) {
    this.producer = this.create();
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async send(record: ProducerRecord): Promise<void> {
    await this.guard(() => this.producer.send(record));
  }

  async sendBatch(batch: ProducerBatch): Promise<void> {
    await this.guard(() => this.producer.sendBatch(batch));
  }

  private async guard(send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
      this.consecutiveFailures = 0;
    } catch (error) {
      this.consecutiveFailures += 1;
      if (isFatalForProducer(error) || this.consecutiveFailures >= 3) await this.replace(error);
      throw error;
    }
  }

  private async replace(cause: unknown): Promise<void> {
    this.logger.warn(`replacing the Kafka producer after: ${(cause as Error).message}`);
    const old = this.producer;
    this.producer = this.create();
    this.consecutiveFailures = 0;
    this.resets += 1;
    messagingMetrics.producerReset();
    await old.disconnect().catch(() => undefined);
    // Connected lazily by the next send if the broker is still away.
    await this.producer.connect().catch(() => undefined);
  }

  private create(): Producer {
    // Idempotent: a retried send is written once. Bounded retries (about half a minute at most)
    // so that a producer stuck in a state it cannot leave is noticed and replaced.
    return this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 5_000 } });
  }
}

/** Errors after which this producer instance will never send again (see the class comment). */
function isFatalForProducer(error: unknown): boolean {
  for (let current = error as { type?: string; retriable?: boolean; cause?: unknown } | undefined; current; current = current.cause as typeof current) {
    if (current.type && ['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH', 'INVALID_PRODUCER_ID_MAPPING'].includes(current.type))
      return true;
  }
  return false;
}
