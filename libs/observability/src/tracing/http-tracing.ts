import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';
import type { NextFunction, Request, Response } from 'express';
import type { ClientRequest } from 'node:http';
import { isOperationalPath } from '../http/public-route';
import { routePattern } from '../metrics/http-metrics';
import { endSpan, startSpan } from './spans';
import { tracingEnabled } from './tracing-sdk';

export interface HttpTracingOptions {
  /** The route of a request that matched no Express route (the gateway names its proxy prefixes here). */
  readonly routeOf?: (request: Request) => string | undefined;
}

/**
 * Express middleware: a SERVER span for every request (probes and scrapes excepted), the child of
 * the caller's W3C `traceparent`, in force while the request is handled, named `METHOD route` once
 * the route is known. A no-op while tracing is off.
 */
export function httpTracing(options: HttpTracingOptions = {}) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!tracingEnabled() || isOperationalPath(request.path)) return next();
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = startSpan(request.method, {
      kind: SpanKind.SERVER,
      parent,
      attributes: { [ATTR_HTTP_REQUEST_METHOD]: request.method, [ATTR_URL_PATH]: request.path },
    });
    response.once('close', () => {
      const route = routePattern(request) ?? options.routeOf?.(request);
      if (route) span.updateName(`${request.method} ${route}`).setAttribute(ATTR_HTTP_ROUTE, route);
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
      endSpan(span, response.statusCode >= 500 ? new Error(`HTTP ${response.statusCode}`) : undefined);
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Sets the `traceparent` of the span in force on a request this process sends on (the gateway's proxied ones). */
export function propagateTraceContext(outgoing: ClientRequest): void {
  if (!tracingEnabled()) return;
  propagation.inject(context.active(), outgoing, { set: (request, key, value) => request.setHeader(key, value) });
}
