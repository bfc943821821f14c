import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mendKafkajsIdleLoop } from '@wo/messaging';
import { Kafka, logLevel, type Message, type Producer } from 'kafkajs';
import { CpuMeter } from './cpu-meter';
import { percentiles, round, runClosedLoop } from './stats';

/**
 * The messaging floor (issue 14): the allocation saga's hops through kafkajs and the same broker,
 * with no database and no HTTP, so the bench can say how much of the gap between the saga and the
 * one-transaction baseline is Kafka. Two processes, as in the system: this one plays work-orders
 * (it sends an order's commands, collects the replies, publishes the outcome event and, as the
 * bench's settle watcher does, waits to read that event back), a child plays inventory (it answers
 * every command at once). Producers are idempotent with one request in flight and consumers wait at
 * most 100 ms for a fetch, as the services' are (libs/messaging); what is ready while a send is in
 * flight goes out together in the next, as the outbox relay and the consumers' joined runs send.
 *
 * Shapes: `per-line`, a command and a reply per material line (the contract before ReserveStock
 * v2); `per-order`, one command carrying every line and one reply (ReserveStock v2, decision 8).
 */
export type FloorShape = 'per-line' | 'per-order';

export interface FloorResult {
  readonly shape: FloorShape;
  readonly orders: number;
  readonly linesPerOrder: number;
  readonly concurrency: number;
  readonly ordersPerSecond: number;
  readonly latencyMs: ReturnType<typeof percentiles>;
  readonly messagesPerOrder: number;
  readonly cpuMsPerOrder: Record<string, number>;
  readonly machineBusyPercent: number;
}

interface FloorOptions {
  readonly brokers: string[];
  readonly partitions: number;
  readonly orders: number;
  readonly linesPerOrder: number;
  readonly concurrency: number;
  readonly shape: FloorShape;
}

const ROLE_ENV = 'MESSAGING_FLOOR_ROLE';
const producerOptions = { idempotent: true, maxInFlightRequests: 1 } as const;
const consumerOptions = { sessionTimeout: 10_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 100 } as const;

/** Runs one shape of the floor: creates its topics, starts the inventory child, drives the orders. */
export async function measureMessagingFloor(options: FloorOptions): Promise<FloorResult> {
  mendKafkajsIdleLoop(); // as the services' clients are
  const prefix = `floor-${Date.now()}-${randomUUID().slice(0, 6)}.`;
  const topics = { commands: `${prefix}commands`, replies: `${prefix}replies`, events: `${prefix}events` };
  const kafka = new Kafka({ clientId: 'messaging-floor', brokers: options.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: Object.values(topics).map((topic) => ({ topic, numPartitions: options.partitions })) });

  const child = await startInventoryChild(options.brokers, topics);
  const producer = kafka.producer(producerOptions);
  await producer.connect();
  const commands = new BatchingSender(producer, topics.commands);
  const outcomes = new BatchingSender(producer, topics.events);
  const replies = kafka.consumer({ groupId: `${prefix}work-orders`, ...consumerOptions });
  const events = kafka.consumer({ groupId: `${prefix}watcher`, ...consumerOptions });
  const waiting = new Map<string, { repliesLeft: number; settled: () => void }>();
  try {
    await Promise.all([replies.connect(), events.connect()]);
    await replies.subscribe({ topic: topics.replies, fromBeginning: true });
    await events.subscribe({ topic: topics.events, fromBeginning: true });
    // Replies: when an order has all of them, its outcome event goes out (as the saga runner's would).
    await replies.run({
      partitionsConsumedConcurrently: options.partitions,
      eachBatch: async ({ batch }) => {
        const settled: Message[] = [];
        for (const message of batch.messages) {
          const orderId = message.key!.toString();
          const order = waiting.get(orderId);
          if (!order) continue;
          order.repliesLeft -= 1;
          if (order.repliesLeft === 0) settled.push({ key: orderId, value: JSON.stringify({ type: 'Allocated', orderId }) });
        }
        await outcomes.send(settled);
      },
    });
    await events.run({
      partitionsConsumedConcurrently: options.partitions,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) waiting.get(message.key!.toString())?.settled();
      },
    });
    await waitForAssignment(kafka, [`${prefix}work-orders`, `${prefix}watcher`, `${prefix}inventory`]);

    const drive = (ids: string[], latencies: number[]) =>
      runClosedLoop(ids, options.concurrency, async (orderId) => {
        const t0 = performance.now();
        const settled = new Promise<void>((resolve) => {
          waiting.set(orderId, { repliesLeft: options.shape === 'per-line' ? options.linesPerOrder : 1, settled: resolve });
        });
        await commands.send(commandsOf(orderId, options));
        await settled;
        waiting.delete(orderId);
        latencies.push(performance.now() - t0);
      });
    // Warm up (JIT, connections, fetch sessions) before the measured stretch.
    await drive(
      Array.from({ length: Math.min(200, options.orders) }, () => randomUUID()),
      [],
    );
    const ids = Array.from({ length: options.orders }, () => randomUUID());
    const latencies: number[] = [];
    const meter = CpuMeter.start({ inventory: child.pid! });
    const started = performance.now();
    await drive(ids, latencies);
    const seconds = (performance.now() - started) / 1000;
    const cpu = meter.perUnit(ids.length);
    // The meter's "load generator" is this process: here it also plays work-orders and the watcher.
    const { postgres: _unused, ...cpuMsPerOrder } = cpu.cpuMsPerOrder;
    const messagesPerOrder = options.shape === 'per-line' ? 2 * options.linesPerOrder + 1 : 3;
    return {
      shape: options.shape,
      orders: ids.length,
      linesPerOrder: options.linesPerOrder,
      concurrency: options.concurrency,
      ordersPerSecond: round(ids.length / seconds),
      latencyMs: percentiles(latencies),
      messagesPerOrder,
      cpuMsPerOrder: { ...cpuMsPerOrder, total: round(Object.entries(cpuMsPerOrder).reduce((sum, [name, ms]) => (name === 'total' ? sum : sum + ms), 0)) },
      machineBusyPercent: cpu.machineBusyPercent,
    };
  } finally {
    child.kill('SIGTERM');
    await Promise.allSettled([replies.disconnect(), events.disconnect(), producer.disconnect()]);
    await admin.deleteTopics({ topics: Object.values(topics) }).catch(() => undefined);
    await admin.disconnect();
  }
}

/** An order's commands, keyed as the saga keys them (warehouse and SKU: one line per message), or all in one. */
function commandsOf(orderId: string, options: FloorOptions): Message[] {
  const lines = Array.from({ length: options.linesPerOrder }, (_, index) => ({ sku: `SKU-${Math.floor(Math.random() * 1_000)}-${index}`, quantity: 1 }));
  return options.shape === 'per-line'
    ? lines.map((line) => ({ key: line.sku, value: JSON.stringify({ type: 'ReserveStock', orderId, line }) }))
    : [{ key: orderId, value: JSON.stringify({ type: 'ReserveStockForOrder', orderId, lines }) }];
}

/**
 * Sends to one topic, one request at a time: messages handed over while a send is in flight go
 * out together in the next one (as the outbox relay sends what accumulated since its last send).
 * Resolves each caller once its messages are acknowledged.
 */
class BatchingSender {
  private pending: { messages: Message[]; done: () => void; failed: (error: unknown) => void }[] = [];
  private sending = false;

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
  ) {}

  send(messages: Message[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    return new Promise((done, failed) => {
      this.pending.push({ messages, done, failed });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.producer.send({ topic: this.topic, messages: batch.flatMap((entry) => entry.messages) });
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.failed(error);
      }
    }
    this.sending = false;
  }
}

/** Waits until every consumer group has its partitions (a run before that measures rebalancing). */
async function waitForAssignment(kafka: Kafka, groups: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const described = await admin.describeGroups(groups);
      if (described.groups.every((group) => group.state === 'Stable' && group.members.length > 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`consumer groups ${groups.join(', ')} not stable within 60 s`);
  } finally {
    await admin.disconnect();
  }
}

function startInventoryChild(brokers: string[], topics: { commands: string; replies: string }): Promise<ChildProcess> {
  const child = fork(__filename, [], {
    env: { ...process.env, [ROLE_ENV]: 'inventory', FLOOR_BROKERS: brokers.join(','), FLOOR_TOPICS: JSON.stringify(topics) },
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the inventory side of the floor exited (${code})`)));
  });
}

/** The child: answers each command on the replies topic, keyed by the order, a fetch's replies in one send. */
async function runInventorySide(): Promise<void> {
  mendKafkajsIdleLoop();
  const topics = JSON.parse(process.env['FLOOR_TOPICS']!) as { commands: string; replies: string };
  const kafka = new Kafka({ clientId: 'messaging-floor-inventory', brokers: process.env['FLOOR_BROKERS']!.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer(producerOptions);
  const replies = new BatchingSender(producer, topics.replies);
  const consumer = kafka.consumer({ groupId: `${topics.commands.replace(/commands$/, '')}inventory`, ...consumerOptions });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic: topics.commands, fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 8,
    eachBatch: async ({ batch }) => {
      const answers = batch.messages.map((message) => {
        const command = JSON.parse(message.value!.toString()) as { orderId: string };
        return { key: command.orderId, value: JSON.stringify({ type: 'StockReserved', orderId: command.orderId }) };
      });
      await replies.send(answers);
    },
  });
  process.send?.('ready');
  process.on('SIGTERM', () => {
    void Promise.allSettled([consumer.disconnect(), producer.disconnect()]).then(() => process.exit(0));
  });
}

if (process.env[ROLE_ENV] === 'inventory') {
  runInventorySide().catch((error: Error) => {
    console.error(`messaging floor, inventory side: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
