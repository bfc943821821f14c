import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';

/** kafkajs's logs on the process's logger, with kafkajs's namespace and fields (broker, group, error). */
export function kafkaLogCreator(logger: Logger): logCreator {
  const kafka = logger.child({ context: 'kafkajs' });
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _logger, ...fields } = log as typeof log & { timestamp?: string; logger?: string };
      const write =
        level === logLevel.ERROR || level === logLevel.NOTHING ? 'error' : level === logLevel.WARN ? 'warn' : level === logLevel.INFO ? 'info' : 'debug';
      kafka[write]({ namespace, ...fields }, message);
    };
}
