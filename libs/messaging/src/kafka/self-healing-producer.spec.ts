import { Logger } from '@nestjs/common';
import { KafkaJSNonRetriableError, KafkaJSProtocolError, type Kafka } from 'kafkajs';
import { SelfHealingProducer } from './self-healing-producer';

/** A stand-in for kafkajs' producer factory: each producer fails the way the script says, once. */
function fakeKafka(script: (Error | null)[]) {
  const made: { sent: number; disconnected: boolean }[] = [];
  const kafka = {
    producer: () => {
      const state = { sent: 0, disconnected: false };
      made.push(state);
      return {
        connect: async () => undefined,
        disconnect: async () => void (state.disconnected = true),
        send: async () => {
          const failure = script.shift();
          if (failure) throw failure;
          state.sent += 1;
        },
      };
    },
  } as unknown as Kafka;
  return { kafka, made };
}

/** What kafkajs' retrier throws when the broker answers OUT_OF_ORDER_SEQUENCE_NUMBER (a non-retriable protocol error). */
function outOfOrder(): Error {
  const protocolError = new KafkaJSProtocolError('The broker received an out of order sequence number') as KafkaJSProtocolError & { type: string };
  protocolError.type = 'OUT_OF_ORDER_SEQUENCE_NUMBER';
  return Object.assign(new KafkaJSNonRetriableError(protocolError.message), { cause: protocolError });
}

describe('SelfHealingProducer', () => {
  const logger = new Logger('test');
  beforeAll(() => Logger.overrideLogger(false));

  it('replaces a producer whose sequence fell out of step with the broker, and sends with the new one', async () => {
    const { kafka, made } = fakeKafka([outOfOrder(), null]);
    const producer = new SelfHealingProducer(kafka, logger);
    await expect(producer.send({ topic: 't', messages: [] })).rejects.toThrow('out of order');
    await producer.send({ topic: 't', messages: [] });
    expect(producer.resets).toBe(1);
    expect(made).toEqual([
      { sent: 0, disconnected: true },
      { sent: 1, disconnected: false },
    ]);
  });

  it('keeps a producer through a passing failure, and replaces one that fails three times in a row', async () => {
    const timeout = () => new Error('Request timed out');
    const { kafka, made } = fakeKafka([timeout(), null, timeout(), timeout(), timeout(), null]);
    const producer = new SelfHealingProducer(kafka, logger);
    const attempt = () => producer.send({ topic: 't', messages: [] }).catch(() => 'failed');
    expect([await attempt(), await attempt()]).toEqual(['failed', undefined]);
    expect(producer.resets).toBe(0);
    expect([await attempt(), await attempt(), await attempt(), await attempt()]).toEqual(['failed', 'failed', 'failed', undefined]);
    expect(producer.resets).toBe(1);
    expect(made.map((state) => state.sent)).toEqual([1, 1]);
  });
});
