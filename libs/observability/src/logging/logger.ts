import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import { traceLogFields } from '../tracing/spans';
import { currentLogContext } from './log-context';

export type { Logger } from 'pino';

/** How the process writes its logs: `LOG_FORMAT` json (the default: one object a line) or pretty (for people, `npm start`); `LOG_LEVEL`. */
export interface LogSettings {
  readonly format: 'json' | 'pretty';
  readonly level: string;
}

export function logSettingsFrom(env: NodeJS.ProcessEnv): LogSettings {
  const format = env['LOG_FORMAT'] ?? 'json';
  if (format !== 'json' && format !== 'pretty') throw new Error(`LOG_FORMAT must be json or pretty, not ${format}`);
  const level = env['LOG_LEVEL'] ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level))
    throw new Error(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not ${level}`);
  return { format, level };
}

/**
 * A process's root logger: every line has `service`, `level` (upper case, as `"level":"WARN"`),
 * `time` (ISO 8601) and `msg`, plus the ids of the log context in force (request, trace, saga,
 * work order, message) and, when tracing is on, `trace_id` and `span_id` of the span in force.
 */
export function createLogger(service: string, settings: LogSettings, destination?: DestinationStream): Logger {
  const options = {
    level: settings.level,
    base: { service },
    timestamp: stdTimeFunctions.isoTime,
    // The span in force (trace_id, span_id) when tracing is on, then the ids of the log context.
    mixin: () => {
      const ids = currentLogContext();
      const span = traceLogFields();
      return span ? { ...span, ...ids } : (ids ?? {});
    },
  };
  if (settings.format === 'pretty') return pino(options, destination ?? prettyStream());
  // Synchronous writes to stdout: a process that stops on a signal (Nest re-raises SIGTERM once its
  // hooks have run) never gets to flush pino's default asynchronous buffer, and its last lines,
  // "stopped on SIGTERM; outbox flushed" among them, were lost. A line costs a write(2) either way.
  return pino(
    { ...options, formatters: { level: (label: string) => ({ level: label.toUpperCase() }) } },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** pino-pretty, synchronous (no worker thread); a development dependency, so production falls back to JSON without it. */
function prettyStream(): DestinationStream | undefined {
  let pretty: typeof import('pino-pretty');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    pretty = require('pino-pretty') as typeof import('pino-pretty');
  } catch {
    process.stderr.write('LOG_FORMAT=pretty needs pino-pretty (a development dependency); writing JSON\n');
    return undefined;
  }
  const colorize = process.env['NO_COLOR'] ? false : process.env['FORCE_COLOR'] === '1' || process.stdout.isTTY === true;
  return pretty.build({
    colorize,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service,context',
    singleLine: true,
    messageFormat: '{if context}[{context}] {end}{msg}',
  });
}

let processLogger: Logger | null = null;

/** The process's root logger, made once from the environment (`startLogging` names the service). */
export function rootLogger(): Logger {
  return (processLogger ??= createLogger(process.env['SERVICE_NAME'] ?? 'unnamed', logSettingsFrom(process.env)));
}

/** Makes the process's root logger for this service from `LOG_FORMAT` and `LOG_LEVEL`. Call first thing. */
export function startLogging(service: string): Logger {
  processLogger = createLogger(service, logSettingsFrom(process.env));
  return processLogger;
}
