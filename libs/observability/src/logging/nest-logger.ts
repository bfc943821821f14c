import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * NestJS's logger on pino: every `new Logger(context)` of the codebase writes through it. A
 * message may be a string or an object of fields (`{ msg, workOrderId }`); the context becomes the
 * field `context`, an error's stack the field `stack`.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params, true);
  }

  private write(level: Level, message: unknown, params: unknown[], mayHaveStack = false): void {
    if (!this.logger.isLevelEnabled(level)) return;
    // Nest appends the Logger's context as the last parameter; an error's stack comes before it.
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params[params.length - 1] as string) : undefined;
    const rest = context === undefined ? params : params.slice(0, -1);
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (mayHaveStack && typeof rest[0] === 'string') fields['stack'] = rest[0];
    if (message instanceof Error) return this.logger[level]({ ...fields, err: message }, message.message);
    if (typeof message === 'object' && message !== null) {
      const { msg, message: text, ...extra } = message as Record<string, unknown>;
      return this.logger[level]({ ...fields, ...extra }, String(msg ?? text ?? ''));
    }
    this.logger[level](fields, String(message));
  }
}
