import { Controller, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestMicroservice } from '@nestjs/common';
import { defineMessage, type Envelope } from '@wo/contracts/envelope';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { ensureTopics } from '../kafka/ensure-topics';
import { kafkaClientConfig, physicalTopic, type KafkaSettings } from '../kafka/kafka-settings';
import { SelfHealingProducer } from '../kafka/self-healing-producer';
import { commandsFrom, KafkaMessageServer } from './kafka-message-server';
import { OnMessages } from './on-message.decorator';

const ItemCounted = defineMessage({ type: 'test.ItemCounted', version: 1, topic: 'test.count-commands', schema: z.object({ n: z.number().int() }) });
const handled: number[] = [];

@Controller()
class ItemCountedController {
  @OnMessages('count', [ItemCounted])
  async handle(envelopes: Envelope[]) {
    await sleep(5); // a transaction's worth of work
    for (const envelope of envelopes) handled.push((envelope.payload as { n: number }).n);
  }
}

@Module({ controllers: [ItemCountedController] })
class TestModule {}

/**
 * Through the real Kafka transport (OffsetCommitter): what was handled is committed a few times a
 * second, not once per batch, is all committed soon after the topic goes quiet (so the lag gauge
 * reads 0), and is committed on shutdown, so the member taking over starts where it stopped.
 */
describe('committing consumed offsets', () => {
  const settings: KafkaSettings = {
    brokers: (process.env['KAFKA_BROKERS'] ?? `127.0.0.1:${process.env['KAFKA_PORT'] ?? 9092}`).split(','),
    clientId: 'int-offset-commits',
    topicPrefix: `int-commits-${randomUUID().slice(0, 8)}.`,
    partitions: 4,
  };
  const topic = physicalTopic(settings, ItemCounted.topic);
  const groupId = physicalTopic(settings, 'counting');
  const kafka = new Kafka({ ...kafkaClientConfig(settings), logLevel: logLevel.NOTHING });
  const producer = new SelfHealingProducer(kafka, new Logger('test'));
  const admin = kafka.admin();
  let sent = 0;

  async function startMember(): Promise<{ app: INestMicroservice; commits: () => number }> {
    const server = new KafkaMessageServer({
      kafka,
      settings,
      group: 'counting',
      subscriptions: [commandsFrom(ItemCounted.topic)],
      producer,
      isHealthy: async () => true,
      commitIntervalMs: 200,
    });
    const app = await NestFactory.createMicroservice(TestModule, { strategy: server, logger: false });
    await app.listen();
    let commits = 0;
    server.unwrap<Consumer>().on('consumer.commit_offsets', () => void (commits += 1));
    return { app, commits: () => commits };
  }

  async function send(count: number): Promise<void> {
    const messages = Array.from({ length: count }, () => {
      const n = (sent += 1);
      const envelope = {
        id: randomUUID(),
        type: ItemCounted.type,
        version: 1,
        occurredAt: new Date().toISOString(),
        correlationId: `c-${n}`,
        causationId: null,
        key: `k-${n}`,
        payload: { n },
      };
      return { key: envelope.key, value: JSON.stringify(envelope), headers: { 'message-id': envelope.id, 'message-type': envelope.type } };
    });
    await producer.send({ topic, messages });
  }

  /** Messages on the topic the group has not committed past. */
  async function lag(): Promise<number> {
    const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
    const at = new Map(committed!.partitions.map(({ partition, offset }) => [partition, Number(offset)]));
    return ends.reduce((sum, { partition, high }) => sum + Number(high) - Math.max(0, at.get(partition) ?? 0), 0);
  }

  async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
    for (const started = Date.now(); !(await condition());) {
      if (Date.now() - started > timeoutMs) throw new Error('timed out');
      await sleep(50);
    }
  }

  beforeAll(async () => {
    await ensureTopics(kafka, settings, [ItemCounted.topic]);
    await producer.connect();
    await admin.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('commits a few times a second under a stream of batches, everything once quiet, and on shutdown', async () => {
    const first = await startMember();
    // Sixty sends of five over three seconds: many fetches and batches on four partitions.
    for (let round = 0; round < 60; round += 1) {
      await send(5);
      await sleep(50);
    }
    await until(() => handled.length === 300);
    await until(async () => (await lag()) === 0, 5_000);
    // One commit per batch would be at least one per fetch that found messages (dozens here).
    expect(first.commits()).toBeLessThanOrEqual(25);

    // What is handled before the shutdown is committed by it: the next member reads nothing twice.
    await send(40);
    await until(() => handled.length === 340);
    await first.app.close();
    expect(await lag()).toBe(0);
    const second = await startMember();
    await send(10);
    await until(() => handled.length >= 350);
    await sleep(500);
    expect([...handled].sort((a, b) => a - b)).toEqual(Array.from({ length: 350 }, (_, index) => index + 1));
    await second.app.close();
  });
});
