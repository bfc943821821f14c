import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The ids a log line carries where they apply: the HTTP request, the trace, the saga (a message's
 * correlation id), the work order and the Kafka message being handled.
 */
export interface LogContext {
  requestId?: string;
  traceId?: string;
  correlationId?: string;
  workOrderId?: string;
  messageId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with these ids on every line it logs (on top of the ids already in force). */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  const outer = storage.getStore();
  return storage.run(outer ? { ...outer, ...context } : context, work);
}

/** Adds ids to the context in force (learnt half-way, like the work order a request is about). */
export function addToLogContext(context: LogContext): void {
  const current = storage.getStore();
  if (current) Object.assign(current, context);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
