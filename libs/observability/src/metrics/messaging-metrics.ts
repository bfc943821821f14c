import { Counter, Gauge } from 'prom-client';
import { LabelledChildren } from './labelled';
import { metricsRegistry } from './registry';

const consumedTotal = new Counter({
  name: 'messages_consumed_total',
  help: 'Kafka messages consumed (handled, duplicates and skipped ones included), by logical topic and message type.',
  labelNames: ['topic', 'type'] as const,
  registers: [metricsRegistry],
});
const failedTotal = new Counter({
  name: 'messages_failed_total',
  help: 'Handler attempts that failed (each is retried; one that keeps failing is dead-lettered), by logical topic and message type.',
  labelNames: ['topic', 'type'] as const,
  registers: [metricsRegistry],
});
const deadLetteredTotal = new Counter({
  name: 'messages_dead_lettered_total',
  help: 'Messages sent to a dead-letter topic, by logical source topic and reason.',
  labelNames: ['topic', 'reason'] as const,
  registers: [metricsRegistry],
});
// Unlabelled series show a 0 as soon as they are registered: registered by the services only (register()), not by the gateway.
const consumerRestartsTotal = new Counter({
  name: 'kafka_consumer_restarts_total',
  help: 'Kafka consumers built anew after kafkajs gave one up.',
  registers: [],
});
const producerResetsTotal = new Counter({
  name: 'kafka_producer_resets_total',
  help: 'Kafka producers replaced after they could no longer send.',
  registers: [],
});
const publishedTotal = new Counter({ name: 'outbox_published_messages_total', help: 'Outbox messages the relay published to Kafka.', registers: [] });

const consumed = new LabelledChildren((topic, type) => consumedTotal.labels(topic, type));
const failed = new LabelledChildren((topic, type) => failedTotal.labels(topic, type));
const deadLettered = new LabelledChildren((topic, reason) => deadLetteredTotal.labels(topic, reason));

/** Why a message is dead-lettered (the transport's PoisonReason), to show each at zero from the start. */
const DEAD_LETTER_REASONS = ['unparseable', 'invalid-envelope', 'unknown-type', 'invalid-payload', 'handler-failed'] as const;

/** The messaging series, called by the Kafka transport, the producer and the relay (counters only: they sit on the hot path). */
export const messagingMetrics = {
  /** Registers the producer's, consumer's and relay's series: once, in a process that runs them. */
  register(): void {
    for (const [name, counter] of [
      ['kafka_consumer_restarts_total', consumerRestartsTotal],
      ['kafka_producer_resets_total', producerResetsTotal],
      ['outbox_published_messages_total', publishedTotal],
    ] as const) {
      if (!metricsRegistry.getSingleMetric(name)) metricsRegistry.registerMetric(counter);
    }
  },
  /**
   * Shows the dead-letter series of each consumed topic at zero before the first one (so a rate
   * over them, and the alert on them, see the first dead letter rather than a series appearing).
   */
  consuming(topics: readonly string[]): void {
    for (const topic of topics) for (const reason of DEAD_LETTER_REASONS) deadLettered.get(topic, reason).inc(0);
    consumerRestartsTotal.inc(0);
  },
  consumed(topic: string, type: string, count = 1): void {
    consumed.get(topic, type).inc(count);
  },
  failed(topic: string, type: string): void {
    failed.get(topic, type).inc();
  },
  deadLettered(topic: string, reason: string): void {
    deadLettered.get(topic, reason).inc();
  },
  consumerRestarted(): void {
    consumerRestartsTotal.inc();
  },
  producerReset(): void {
    producerResetsTotal.inc();
  },
  published(count: number): void {
    publishedTotal.inc(count);
  },
};

/** What the outbox holds right now: rows waiting and the age of the oldest, in seconds (0 when empty). */
export interface OutboxBacklog {
  readonly pending: number;
  readonly oldestAgeSeconds: number;
}

/** `outbox_pending_messages` and `outbox_oldest_message_age_seconds`, read at scrape time with one query shared by both. */
export function watchOutbox(read: () => Promise<OutboxBacklog>): void {
  let pending: Promise<OutboxBacklog> | null = null;
  const backlog = () => (pending ??= read().finally(() => setTimeout(() => (pending = null), 250).unref()));
  new Gauge({
    name: 'outbox_pending_messages',
    help: 'Outbox rows committed and not yet published to Kafka.',
    registers: [metricsRegistry],
    async collect() {
      this.set((await backlog()).pending);
    },
  });
  new Gauge({
    name: 'outbox_oldest_message_age_seconds',
    help: 'Age of the oldest outbox row not yet published (0 when the outbox is empty).',
    registers: [metricsRegistry],
    async collect() {
      this.set((await backlog()).oldestAgeSeconds);
    },
  });
}

/** One partition's lag: the log end offset minus the group's committed offset. */
export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

/**
 * `kafka_consumer_lag{topic,partition}` of this service's consumer group, computed by `read` (the
 * admin API) and cached for `cacheMs`, so a scrape every second costs the broker little.
 */
export function watchConsumerLag(read: () => Promise<readonly PartitionLag[]>, cacheMs = 2_000): void {
  let cached: { at: number; lags: Promise<readonly PartitionLag[]> } | null = null;
  new Gauge({
    name: 'kafka_consumer_lag',
    help: 'Messages in a partition not yet consumed by this service (log end offset minus committed offset), by logical topic and partition.',
    labelNames: ['topic', 'partition'] as const,
    registers: [metricsRegistry],
    async collect() {
      if (!cached || Date.now() - cached.at > cacheMs) {
        const lags = read();
        cached = { at: Date.now(), lags };
        // A failed read is retried at the next scrape, not cached.
        lags.catch(() => (cached = null));
      }
      const lags = await cached.lags;
      this.reset();
      for (const { topic, partition, lag } of lags) this.labels(topic, String(partition)).set(lag);
    },
  });
}
