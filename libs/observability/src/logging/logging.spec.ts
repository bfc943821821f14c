import { Writable } from 'node:stream';
import { kafkaLogCreator } from './kafka-log-creator';
import { withLogContext, addToLogContext } from './log-context';
import { createLogger } from './logger';
import { PinoNestLogger } from './nest-logger';
import { traceIdOf } from './request-logging';
import { logLevel } from 'kafkajs';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('work-orders', { format: 'json', level: 'info' }, stream) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('structured logs', () => {
  it('writes JSON lines with service, an upper-case level, an ISO time and the ids of the context in force', async () => {
    const { lines, logger } = capture();
    withLogContext({ requestId: 'r-1', correlationId: 'saga-1' }, () => {
      addToLogContext({ workOrderId: 'wo-1' });
      withLogContext({ messageId: 'm-1' }, () => logger.warn('step re-sent'));
    });
    logger.info('outside');
    await flush();
    expect(lines[0]).toMatchObject({
      service: 'work-orders',
      level: 'WARN',
      msg: 'step re-sent',
      requestId: 'r-1',
      correlationId: 'saga-1',
      workOrderId: 'wo-1',
      messageId: 'm-1',
    });
    expect(new Date(lines[0]!['time'] as string).toISOString()).toBe(lines[0]!['time']);
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it("takes NestJS's calls: context, object messages with their fields, errors with their stack", async () => {
    const { lines, logger } = capture();
    const nest = new PinoNestLogger(logger);
    nest.log('listening', 'bootstrap');
    nest.warn({ msg: 'saga stuck', workOrderId: 'wo-2' }, 'SagaCoordinator');
    nest.error('boom', 'Error: boom\n    at somewhere', 'ExceptionsHandler');
    nest.debug('hidden at info', 'x');
    await flush();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 'INFO', msg: 'listening', context: 'bootstrap' });
    expect(lines[1]).toMatchObject({ level: 'WARN', msg: 'saga stuck', workOrderId: 'wo-2', context: 'SagaCoordinator' });
    expect(lines[2]).toMatchObject({ level: 'ERROR', msg: 'boom', context: 'ExceptionsHandler', stack: expect.stringContaining('at somewhere') });
  });

  it("routes kafkajs's lines through the same logger, with their namespace and fields", async () => {
    const { lines, logger } = capture();
    kafkaLogCreator(logger)(logLevel.WARN)({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { message: 'Connection timeout', broker: '127.0.0.1:9092', timestamp: 'x', logger: 'kafkajs' },
    });
    await flush();
    expect(lines[0]).toMatchObject({
      service: 'work-orders',
      level: 'ERROR',
      context: 'kafkajs',
      namespace: 'Connection',
      broker: '127.0.0.1:9092',
      msg: 'Connection timeout',
    });
  });

  it('reads the trace id of a W3C traceparent, and nothing from a malformed one', () => {
    expect(traceIdOf('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(traceIdOf('garbage')).toBeUndefined();
    expect(traceIdOf(undefined)).toBeUndefined();
  });
});
