import type { Logger } from '@nestjs/common';
import { kafkaHeaders, type Envelope } from '@wo/contracts/envelope';
import { context, SpanKind, trace, type Span } from '@opentelemetry/api';
import { contextOfTraceparent, endSpan, messagingAttributes, messagingMetrics, startSpan, traceparentOf, tracingEnabled } from '@wo/observability';
import { Client, type Pool } from 'pg';
import { physicalTopic, type KafkaSettings } from '../kafka/kafka-settings';
import type { SelfHealingProducer } from '../kafka/self-healing-producer';
import { OUTBOX_CHANNEL } from './outbox-writer';

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  type: string;
  envelope: Envelope;
}

export interface OutboxRelayOptions {
  readonly pool: Pool;
  /** A dedicated session for LISTEN and the leader lock. */
  readonly connectionString: string;
  readonly producer: SelfHealingProducer;
  readonly settings: KafkaSettings;
  readonly logger: Logger;
  readonly batchSize?: number;
  /** Wait this long after a notification before publishing, to gather messages into one request. */
  readonly lingerMs?: number;
  /** Poll even without a notification, in case one was missed. */
  readonly pollIntervalMs?: number;
}

/** Advisory lock key: only one relay per database publishes, so per-key order holds across replicas. */
const RELAY_LOCK_KEY = 74_203_911;

/**
 * Publishes committed outbox rows to Kafka in insertion order, then deletes them.
 * At least once: a crash between send and delete re-sends, and consumers' inboxes drop the copy.
 * The rows of one batch are deleted by the statement that reads the next batch: one statement per
 * batch instead of two under load.
 */
export class OutboxRelay {
  private listener: Client | null = null;
  private running = false;
  private draining: Promise<void> | null = null;
  private wakeRequested = false;
  private lingering = false;
  private timer: NodeJS.Timeout | null = null;
  private isLeader = false;
  /** Ids sent to Kafka and not yet deleted: the next read deletes them. */
  private sentNotDeleted: string[] = [];
  published = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    this.running = true;
    await this.connectListener();
    this.schedule(0);
  }

  /** Stops polling and publishes what is already committed before returning. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
    if (this.isLeader) {
      await this.drain();
      await this.publishBatch(0); // deletes the last batch sent
    }
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  private async connectListener(): Promise<void> {
    const listener = new Client({ connectionString: this.options.connectionString });
    listener.on('error', (error) => {
      this.options.logger.warn(`outbox listener lost its connection: ${error.message}`);
      this.listener = null;
      this.isLeader = false;
    });
    listener.on('notification', () => this.wake());
    await listener.connect();
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = listener;
  }

  private wake(): void {
    if (!this.running) return;
    if (this.draining) {
      this.wakeRequested = true;
      return;
    }
    // Already due soon: later notifications join that drain rather than postpone it.
    if (this.lingering) return;
    this.lingering = true;
    this.schedule(this.options.lingerMs ?? 0);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (!this.running || this.draining) return;
    this.lingering = false;
    this.draining = (async () => {
      try {
        if (!this.listener) await this.connectListener();
        if (!this.isLeader) this.isLeader = await this.tryLead();
        if (this.isLeader) await this.drain();
      } catch (error) {
        this.options.logger.warn(`outbox relay will retry: ${(error as Error).message}`);
      }
    })();
    await this.draining;
    this.draining = null;
    if (!this.running) return;
    const again = this.wakeRequested;
    this.wakeRequested = false;
    this.lingering = again;
    // Under load the next commit's drain deletes what this one sent; when none comes soon, a
    // drain 20 ms later does, so an idle outbox is empty.
    const idle = this.sentNotDeleted.length > 0 ? 20 : (this.options.pollIntervalMs ?? 500);
    this.schedule(again ? (this.options.lingerMs ?? 0) : idle);
  }

  private async tryLead(): Promise<boolean> {
    const result = await this.listener!.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [RELAY_LOCK_KEY]);
    return result.rows[0]!.locked;
  }

  private async drain(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    for (;;) {
      const sent = await this.publishBatch(batchSize);
      if (sent < batchSize) return;
    }
  }

  /**
   * One statement and no transaction per batch: it deletes the rows the previous batch sent and
   * reads the next ones. Only the leader publishes, so nobody else takes these rows meanwhile. Rows
   * are read in id order, which per key is commit order (writers of one key lock the same aggregate
   * row, so the later writer also inserts later).
   */
  private async publishBatch(batchSize: number): Promise<number> {
    const sent = this.sentNotDeleted;
    // A named statement: parsed and planned once per connection. The read's snapshot still shows
    // the rows the same statement deletes, hence the filter.
    const { rows } = await this.options.pool.query<OutboxRow>({
      name: 'outbox_relay_next',
      text: `WITH sent AS (DELETE FROM outbox_message WHERE id = ANY($1::bigint[]))
             SELECT id, topic, key, type, envelope FROM outbox_message WHERE id <> ALL($1::bigint[]) ORDER BY id LIMIT $2`,
      values: [sent, batchSize],
    });
    this.sentNotDeleted = [];
    if (rows.length === 0) return 0;
    const publishing: Span[] = [];
    try {
      await this.options.producer.sendBatch({ topicMessages: groupByTopic(rows, this.options.settings, publishing) });
      for (const span of publishing) endSpan(span);
    } catch (error) {
      for (const span of publishing) endSpan(span, error);
      throw error;
    }
    this.sentNotDeleted = rows.map((row) => row.id);
    this.published += rows.length;
    messagingMetrics.published(rows.length);
    return rows.length;
  }
}

/** The rows as Kafka messages by topic; a traced row's publish span is started, and added to `publishing`. */
function groupByTopic(rows: OutboxRow[], settings: KafkaSettings, publishing: Span[]) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const row of rows) {
    const topic = physicalTopic(settings, row.topic);
    const messages = byTopic.get(topic) ?? [];
    // Every topic gets the CloudEvents attributes, so every consumer can rely on them.
    const headers = kafkaHeaders(row.envelope, settings.clientId);
    if (row.envelope.traceparent && tracingEnabled()) headers['traceparent'] = tracePublish(row, publishing) ?? row.envelope.traceparent;
    messages.push({ key: row.key, value: JSON.stringify(row.envelope), headers });
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/** Starts the PRODUCER span of a row's publish, the child of its outbox write; gives its `traceparent` for the Kafka header. */
function tracePublish(row: OutboxRow, publishing: Span[]): string | undefined {
  const span = startSpan(`publish ${row.topic}`, {
    kind: SpanKind.PRODUCER,
    parent: contextOfTraceparent(row.envelope.traceparent),
    attributes: messagingAttributes({
      operation: 'send',
      topic: row.topic,
      id: row.envelope.id,
      type: row.envelope.type,
      key: row.key,
      correlationId: row.envelope.correlationId,
    }),
  });
  publishing.push(span);
  return traceparentOf(trace.setSpan(context.active(), span));
}
