import { Controller, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestMicroservice } from '@nestjs/common';
import { defineMessage, upcastFrom, type Envelope } from '@wo/contracts/envelope';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ensureTopics } from '../kafka/ensure-topics';
import { kafkaClientConfig, type KafkaSettings } from '../kafka/kafka-settings';
import { SelfHealingProducer } from '../kafka/self-healing-producer';
import { commandsFrom, KafkaMessageServer } from './kafka-message-server';
import { OnMessage } from './on-message.decorator';

/** A test-only type now at v2 (the name became an object); v1 messages are still on the topic. */
const ItemRenamed = defineMessage({
  type: 'test.ItemRenamed',
  version: 2,
  topic: 'test.item-commands',
  schema: z.object({ itemId: z.string(), name: z.object({ text: z.string() }) }),
  upcasters: [upcastFrom(1, z.object({ itemId: z.string(), name: z.string() }), ({ itemId, name }) => ({ itemId, name: { text: name } }))],
});

const handled: Envelope[] = [];

@Controller()
class ItemRenamedController {
  @OnMessage(ItemRenamed)
  handle(envelope: Envelope) {
    handled.push(envelope);
  }
}

@Module({ controllers: [ItemRenamedController] })
class TestModule {}

/**
 * Through the real Kafka transport: a v1 message of a type now at v2 reaches the handler as v2
 * (upcast, not dead-lettered); a version the definition does not know is still dead-lettered.
 */
describe('consuming older versions of a message type', () => {
  const settings: KafkaSettings = {
    brokers: (process.env['KAFKA_BROKERS'] ?? `127.0.0.1:${process.env['KAFKA_PORT'] ?? 9092}`).split(','),
    clientId: 'int-upcasting',
    topicPrefix: `int-upcast-${randomUUID().slice(0, 8)}.`,
    partitions: 1,
  };
  const kafka = new Kafka({ ...kafkaClientConfig(settings), logLevel: logLevel.NOTHING });
  const producer = new SelfHealingProducer(kafka, new Logger('test'));
  const deadLetters: KafkaMessage[] = [];
  let app: INestMicroservice;
  let deadLetterReader: Consumer;

  beforeAll(async () => {
    await ensureTopics(kafka, settings, [ItemRenamed.topic]);
    await producer.connect();
    app = await NestFactory.createMicroservice(TestModule, {
      strategy: new KafkaMessageServer({
        kafka,
        settings,
        group: 'upcasting',
        subscriptions: [commandsFrom(ItemRenamed.topic)],
        producer,
        isHealthy: async () => true,
      }),
      logger: false,
    });
    await app.listen();
    deadLetterReader = kafka.consumer({ groupId: `${settings.topicPrefix}dead-letter-reader` });
    await deadLetterReader.connect();
    await deadLetterReader.subscribe({ topic: `${settings.topicPrefix}${ItemRenamed.topic}.dead-letter`, fromBeginning: true });
    await deadLetterReader.run({ eachMessage: async ({ message }) => void deadLetters.push(message) });
  });

  afterAll(async () => {
    await deadLetterReader?.disconnect();
    await app?.close();
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin
      .deleteTopics({ topics: [`${settings.topicPrefix}${ItemRenamed.topic}`, `${settings.topicPrefix}${ItemRenamed.topic}.dead-letter`] })
      .catch(() => undefined);
    await admin.disconnect();
  });

  it('hands a v1 message to the handler as v2, and dead-letters only the unknown v3', async () => {
    const envelope = (version: number, payload: unknown) => ({
      id: randomUUID(),
      type: ItemRenamed.type,
      version,
      occurredAt: new Date().toISOString(),
      correlationId: 'c-1',
      causationId: null,
      key: 'item-1',
      payload,
    });
    const messages = [
      envelope(1, { itemId: 'item-1', name: 'Box' }),
      envelope(2, { itemId: 'item-1', name: { text: 'Big box' } }),
      envelope(3, { itemId: 'item-1', label: 'Crate' }),
    ];
    await producer.send({
      topic: `${settings.topicPrefix}${ItemRenamed.topic}`,
      messages: messages.map((message) => ({
        key: message.key,
        value: JSON.stringify(message),
        headers: { 'message-id': message.id, 'message-type': message.type },
      })),
    });

    // (@wo/testing's eventually is off limits to an infrastructure lib.)
    for (const started = Date.now(); deadLetters.length === 0 && Date.now() - started < 20_000;) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deadLetters).toHaveLength(1);
    expect(handled.map((received) => [received.id, received.version, received.payload])).toEqual([
      [messages[0]!.id, 2, { itemId: 'item-1', name: { text: 'Box' } }],
      [messages[1]!.id, 2, { itemId: 'item-1', name: { text: 'Big box' } }],
    ]);
    expect(deadLetters[0]!.headers?.['message-id']?.toString()).toBe(messages[2]!.id);
    expect(deadLetters[0]!.headers?.['dead-letter-detail']?.toString()).toContain('test.ItemRenamed v3 is not supported (v1, v2 are)');
  });
});
