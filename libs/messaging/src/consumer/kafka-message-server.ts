import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Envelope } from '@wo/contracts/envelope';
import { messagingMetrics, tracingEnabled, withoutActiveSpan } from '@wo/observability';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isObservable, lastValueFrom } from 'rxjs';
import { logicalTopic, physicalTopic, type KafkaSettings } from '../kafka/kafka-settings';
import type { SelfHealingProducer } from '../kafka/self-healing-producer';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { decodeMessage } from './decode-message';
import { endHandling, startHandling, withMessageContext } from './message-handling-context';
import { batchPatternFor, handledDefinition } from './on-message.decorator';
import { OffsetCommitter } from './offset-committer';
import { PoisonMessage } from './poison-message';
import { RunCoalescer } from './run-coalescer';

/**
 * A topic a service consumes. On a topic of commands or replies addressed to it, a type it has no
 * handler for is poison (dead-lettered). On another service's event topic it is someone else's
 * business: skipped, as the event contracts promise ("ignore types you do not know").
 */
export interface Subscription {
  readonly topic: string;
  readonly unknownTypes: 'dead-letter' | 'skip';
}

/** Commands or replies sent to this service. */
export const commandsFrom = (topic: string): Subscription => ({ topic, unknownTypes: 'dead-letter' });
/** Another service's public events. */
export const eventsFrom = (topic: string): Subscription => ({ topic, unknownTypes: 'skip' });

export interface KafkaMessageServerOptions {
  readonly kafka: Kafka;
  readonly settings: KafkaSettings;
  /** Logical consumer-group name, e.g. the service name. */
  readonly group: string;
  readonly subscriptions: readonly Subscription[];
  /** Producer used for dead letters. */
  readonly producer: SelfHealingProducer;
  /** Whether the service's own dependencies (its database) are up: decides retry versus dead letter. */
  readonly isHealthy: () => Promise<boolean>;
  /** Partitions whose batches are worked on at once (their runs for one handler are joined). */
  readonly partitionsConsumedConcurrently?: number;
  /** Attempts on a healthy service before a failing message is declared poison. */
  readonly maxAttempts?: number;
  /** Most messages handed to an `@OnMessages` handler at once. */
  readonly maxBatchSize?: number;
  /** How often what was handled is committed (OffsetCommitter); 200 ms when not given. */
  readonly commitIntervalMs?: number;
}

/**
 * A NestJS transport that feeds Kafka messages to `@OnMessage` handlers.
 *
 * - Offsets are resolved only after the handler's transaction committed (handlers use the inbox),
 *   so a crash re-delivers and never loses; the inbox makes the re-delivery harmless. They are
 *   committed a few times a second (OffsetCommitter), not after every batch.
 * - Messages of one partition run one at a time, in order; partitions run concurrently, and the
 *   runs the partitions of one fetch have for a batch handler are joined into one call.
 * - A message that can never be processed goes to the dead-letter topic and the partition moves on.
 *   A failure while the service's database is down is not poison: it is retried until it is up.
 */
export class KafkaMessageServer extends Server implements CustomTransportStrategy {
  private consumer: Consumer | null = null;
  private committer: OffsetCommitter | null = null;
  /** Batches being worked on, which a shutdown lets finish before it commits their offsets. */
  private readonly inFlight = new Set<Promise<void>>();
  private closing = false;
  private rebuildTimer: NodeJS.Timeout | null = null;
  private readonly deadLetters: DeadLetterPublisher;
  private readonly coalescer = new RunCoalescer();
  /** Handlers by pattern, looked up once (Nest's lookup normalises the pattern on every call). */
  private readonly handlerCache = new Map<string, MessageHandler | undefined>();
  /** Physical names of the topics whose unknown types are skipped (other services' events). */
  private readonly skippingTopics: ReadonlySet<string>;
  /** Logical names of the physical topics, for metric labels (no prefix, so dashboards outlive it). */
  private readonly logicalTopics: ReadonlyMap<string, string>;
  protected override readonly logger = new Logger(KafkaMessageServer.name);
  processed = 0;
  /** Consumers built anew after kafkajs gave one up: shown on /health/messaging. */
  restarts = 0;

  constructor(private readonly options: KafkaMessageServerOptions) {
    super();
    const groupId = physicalTopic(options.settings, options.group);
    this.deadLetters = new DeadLetterPublisher(options.producer, options.settings, groupId, this.logger);
    this.skippingTopics = new Set(
      options.subscriptions
        .filter((subscription) => subscription.unknownTypes === 'skip')
        .map((subscription) => physicalTopic(options.settings, subscription.topic)),
    );
    this.logicalTopics = new Map(options.subscriptions.map((subscription) => [physicalTopic(options.settings, subscription.topic), subscription.topic]));
    messagingMetrics.consuming(options.subscriptions.map((subscription) => subscription.topic));
  }

  get deadLettered(): number {
    return this.deadLetters.count;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.startConsumer();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    const consumer = this.consumer;
    if (consumer) {
      // No new batches; the ones in flight finish and their offsets are committed, then the
      // member leaves the group, so a peer takes over at once where this one stopped.
      try {
        consumer.pause(this.options.subscriptions.map((subscription) => ({ topic: physicalTopic(this.options.settings, subscription.topic) })));
      } catch {
        // Not running (it never joined, or it crashed): nothing is in flight.
      }
      await Promise.allSettled([...this.inFlight]);
      // Bounded: with the broker away kafkajs retries a commit for as long as it is running.
      await Promise.race([this.committer?.flush(), sleep(5_000, undefined, { ref: false })]);
      this.committer?.stop();
      await consumer.disconnect();
    }
    this.consumer = null;
  }

  private async startConsumer(): Promise<void> {
    const { kafka, settings } = this.options;
    const consumer = kafka.consumer({
      groupId: physicalTopic(settings, this.options.group),
      // A member that died (SIGKILL, OOM) holds its partitions until its session times out:
      // keep that short so a replacement takes over within seconds.
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 100,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
    // kafkajs restarts a crashed consumer only when the error was retriable; after any other
    // (seen around broker restarts) it stays stopped for good, silently. Build a new one instead.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.closing) return;
      this.logger.error(`Kafka consumer crashed and kafkajs will not restart it (${payload.error.message}); starting a new one`);
      this.scheduleRebuild(consumer);
    });
    this.committer?.stop();
    const committer = new OffsetCommitter(
      (offsets) => consumer.commitOffsets([...offsets]),
      this.options.commitIntervalMs ?? 200,
      // A commit refused mid-rebalance is tried again, or dropped when the partition moved on.
      (error) => this.logger.debug(`offset commit failed, will retry: ${describe(error)}`),
    );
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => committer.retain(payload.memberAssignment));
    // Hand what is handled over before the partitions move (kafkajs's auto-commit did the same).
    consumer.on(consumer.events.REBALANCING, () => void committer.flush());
    this.committer = committer;
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({
      topics: this.options.subscriptions.map((subscription) => physicalTopic(settings, subscription.topic)),
      fromBeginning: true,
    });
    await consumer.run({
      // Every partition of a fetch at once, so that their runs join (RunCoalescer); a service
      // consumes a few topics of KAFKA_PARTITIONS partitions each.
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 32,
      eachBatchAutoResolve: false,
      autoCommit: false, // OffsetCommitter commits instead
      eachBatch: (payload) => this.tracked(this.consumeBatch(payload, committer)),
    });
  }

  private scheduleRebuild(crashed: Consumer): void {
    this.rebuildTimer = setTimeout(() => {
      void (async () => {
        if (this.closing || this.consumer !== crashed) return;
        await crashed.disconnect().catch(() => undefined);
        try {
          await this.startConsumer();
          this.restarts += 1;
          messagingMetrics.consumerRestarted();
        } catch (error) {
          this.logger.error(`could not start a new Kafka consumer (${describe(error)}); trying again`);
          this.scheduleRebuild(this.consumer!);
        }
      })();
    }, 2_000);
  }

  on(): never {
    throw new Error('KafkaMessageServer does not emit events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async tracked(batch: Promise<void>): Promise<void> {
    this.inFlight.add(batch);
    try {
      await batch;
    } finally {
      this.inFlight.delete(batch);
    }
  }

  private async consumeBatch(payload: EachBatchPayload, committer: OffsetCommitter): Promise<void> {
    const { batch, heartbeat, isRunning, isStale } = payload;
    const resolveOffset = (offset: string) => {
      payload.resolveOffset(offset);
      committer.handled(batch.topic, batch.partition, offset);
    };
    const topic = this.logicalOf(batch.topic);
    let run: { pattern: string; messages: KafkaMessage[]; envelopes: Envelope[] } | null = null;
    // Offsets of the run's messages and of skipped ones, resolved in order once the run committed.
    let unresolved: string[] = [];
    const flush = async () => {
      if (run) {
        await this.consumeRun(batch.topic, batch.partition, run.pattern, run.messages, run.envelopes, heartbeat);
        this.processed += run.messages.length;
        for (const envelope of run.envelopes) messagingMetrics.consumed(topic, envelope.type);
        run = null;
      }
      for (const offset of unresolved) resolveOffset(offset);
      unresolved = [];
      await heartbeat();
    };
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) return;
      const skippedType = this.skippedByHeader(batch.topic, message);
      if (skippedType !== undefined) {
        unresolved.push(message.offset);
        this.processed += 1;
        messagingMetrics.consumed(topic, skippedType);
        continue;
      }
      const envelope = tryDecode(message);
      const pattern = envelope ? batchPatternFor(envelope.type) : undefined;
      if (envelope && pattern) {
        if (run && (run.pattern !== pattern || run.messages.length >= (this.options.maxBatchSize ?? 200))) await flush();
        run ??= { pattern, messages: [], envelopes: [] };
        run.messages.push(message);
        run.envelopes.push(envelope);
        unresolved.push(message.offset);
        continue;
      }
      await flush();
      await this.consumeOne(batch.topic, batch.partition, message, heartbeat);
      resolveOffset(message.offset);
      this.processed += 1;
      messagingMetrics.consumed(topic, envelope?.type ?? UNDECODABLE);
      await heartbeat();
    }
    await flush();
  }

  /**
   * A run for a batch handler: all at once, joined with the runs other partitions of the same fetch
   * have for it; if that fails, one at a time with the usual retries.
   */
  private async consumeRun(
    topic: string,
    partition: number,
    pattern: string,
    messages: KafkaMessage[],
    envelopes: Envelope[],
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const handler = this.handlerFor(pattern)!;
    // Each message is handled in a span of its own, the child of the one it was published in.
    const handlings = tracingEnabled() ? messages.map((message, index) => startHandling(this.logicalOf(topic), message, envelopes[index]!)) : [];
    const handled = handlings.length > 0 ? handlings.map((handling, index) => handling?.envelope ?? envelopes[index]!) : envelopes;
    try {
      await this.coalescer.submit(pattern, handled, (joined) => this.invokeJoined(handler, joined));
      endHandling(handlings);
      return;
    } catch (error) {
      endHandling(handlings, error);
      this.logger.warn(
        `a run of ${envelopes.length} messages from ${topic}/${partition} failed with the runs joined to it (${describe(error)}); retrying one at a time`,
      );
    }
    for (let index = 0; index < messages.length; index += 1) {
      await this.deliver(topic, partition, messages[index]!, handler, envelopes[index]!, 'as a run', heartbeat);
    }
  }

  private async consumeOne(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    let envelope: Envelope;
    try {
      envelope = decodeMessage(message.value);
    } catch (error) {
      if (!(error instanceof PoisonMessage)) throw error;
      if (error.reason === 'unknown-type' && this.skipsUnknownTypes(topic)) return;
      return this.deadLetters.publish(topic, partition, message, error);
    }
    const handler = this.handlerFor(envelope.type);
    if (!handler) {
      if (this.skipsUnknownTypes(topic)) return;
      return this.deadLetters.publish(topic, partition, message, new PoisonMessage('unknown-type', `no handler for ${envelope.type}`));
    }
    await this.deliver(topic, partition, message, handler, envelope, 'alone', heartbeat);
  }

  /** Runs a handler until it succeeds; on a healthy service, a message that keeps failing is poison. */
  private async deliver(
    topic: string,
    partition: number,
    message: KafkaMessage,
    handler: MessageHandler,
    envelope: Envelope,
    shape: 'alone' | 'as a run',
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt += 1) {
      const handling = startHandling(this.logicalOf(topic), message, envelope);
      const handled = handling?.envelope ?? envelope;
      try {
        // One message at a time: what its handler logs carries its ids and its handling span.
        await withMessageContext(handled, () => this.invoke(handler, shape === 'alone' ? handled : [handled]));
        endHandling([handling]);
        return;
      } catch (error) {
        endHandling([handling], error);
        const detail = describe(error);
        if (attempt >= maxAttempts && (await this.options.isHealthy().catch(() => false))) {
          return this.deadLetters.publish(topic, partition, message, new PoisonMessage('handler-failed', detail));
        }
        messagingMetrics.failed(this.logicalOf(topic), envelope.type);
        this.logger.warn({
          msg: `${envelope.type} ${envelope.id} failed (attempt ${attempt}), retrying: ${detail}`,
          messageId: envelope.id,
          correlationId: envelope.correlationId,
        });
        await sleep(Math.min(200 * 2 ** attempt, 5_000));
        await heartbeat();
      }
    }
  }

  private skipsUnknownTypes(physical: string): boolean {
    return this.skippingTopics.has(physical);
  }

  /**
   * Another service's event of a type this one has no handler for: skipped by the type header the
   * relay sets, without parsing the body (most events on a shared topic are of no use to a given
   * consumer, and the full decode-then-skip path throws and catches for each).
   * Gives the skipped message's type, or undefined when the message is to be handled.
   */
  private skippedByHeader(topic: string, message: KafkaMessage): string | undefined {
    const type = message.headers?.['message-type']?.toString();
    return type !== undefined && !handledDefinition(type) && this.skipsUnknownTypes(topic) ? type : undefined;
  }

  private logicalOf(physical: string): string {
    return this.logicalTopics.get(physical) ?? logicalTopic(this.options.settings, physical);
  }

  private handlerFor(pattern: string): MessageHandler | undefined {
    if (!this.handlerCache.has(pattern)) this.handlerCache.set(pattern, this.getHandlerByPattern(pattern) ?? undefined);
    return this.handlerCache.get(pattern);
  }

  /**
   * A joined run: a single message is handled in its own context (ids and span), as if alone; many
   * share none, so what a handler logs or sends about one of them says which (withMessageContext,
   * the message as `cause`), and nothing inherits the context of whichever partition came first.
   */
  private invokeJoined(handler: MessageHandler, joined: Envelope[]): Promise<void> {
    if (joined.length === 1) return withMessageContext(joined[0]!, () => this.invoke(handler, joined));
    return withoutActiveSpan(() => this.invoke(handler, joined));
  }

  private async invoke(handler: MessageHandler, data: unknown): Promise<void> {
    const result: unknown = await handler(data);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }
}

/** The type label of a consumed message whose bytes make no envelope (it was dead-lettered). */
const UNDECODABLE = 'undecodable';

/** The envelope if the bytes make a valid one; decoding errors are handled on the one-by-one path. */
function tryDecode(message: KafkaMessage): Envelope | null {
  try {
    return decodeMessage(message.value);
  } catch {
    // Poison: consumeOne decodes it again and dead-letters it with the reason.
    return null;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return JSON.stringify(error);
}
