import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { isOperationalPath } from '../http/public-route';
import { withLogContext, type LogContext } from './log-context';

const REQUEST_ID = 'x-request-id';

/**
 * Express middleware: a request id for every request (the caller's `x-request-id`, or a new one,
 * also set on the request so the gateway passes it on, and answered in the response), the trace id
 * of its `traceparent`, and the work order it is about, on every line logged while it runs; and
 * one line when it ends (probes and scrapes excepted), at error level for a 5xx.
 */
export function requestLogging(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const requestId = headerOf(request, REQUEST_ID) ?? randomUUID();
    request.headers[REQUEST_ID] = requestId;
    response.setHeader(REQUEST_ID, requestId);
    const context: LogContext = { requestId };
    const traceId = traceIdOf(headerOf(request, 'traceparent'));
    if (traceId) context.traceId = traceId;
    const workOrderId = /^\/work-orders\/([0-9a-f-]{36})(?:[/?]|$)/.exec(request.originalUrl)?.[1];
    if (workOrderId) context.workOrderId = workOrderId;
    if (!isOperationalPath(request.path)) {
      const startedAt = process.hrtime.bigint();
      const done = () => {
        const fields = {
          ...context,
          method: request.method,
          url: request.originalUrl,
          status: response.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - startedAt) / 1e5) / 10,
        };
        if (response.statusCode >= 500) logger.error(fields, 'request failed');
        else if (!response.writableFinished) logger.warn(fields, 'request aborted by the client');
        else logger.info(fields, 'request completed');
      };
      response.once('close', done);
    }
    withLogContext(context, next);
  };
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The trace id of a W3C `traceparent` (`00-<32 hex>-<16 hex>-<2 hex>`). */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  const match = traceparent && /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(traceparent.trim());
  return match ? match[1] : undefined;
}
