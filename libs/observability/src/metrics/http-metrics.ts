import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from './registry';

const requests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

const duration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time from a request arriving to its response finishing, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** The route label of a request no route of this process matched (a 404, or one a proxy answered without a pattern). */
export const UNMATCHED_ROUTE = 'unmatched';

export interface HttpMetricsOptions {
  /** The route label of a request that matched no Express route (the gateway names its proxy prefixes here). */
  readonly routeOf?: (request: Request) => string | undefined;
}

/**
 * Express middleware that counts and times every request. The route label is the route's pattern
 * (`/work-orders/:id`), never the raw path: ids in labels would make a series per order.
 */
export function httpMetricsMiddleware(options: HttpMetricsOptions = {}) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const startedAt = process.hrtime.bigint();
    response.once('finish', () => {
      const route = routePattern(request) ?? options.routeOf?.(request) ?? UNMATCHED_ROUTE;
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      const status = String(response.statusCode);
      requests.labels(request.method, route, status).inc();
      duration.labels(request.method, route, status).observe(seconds);
    });
    next();
  };
}

/** The pattern of the Express route a request matched (`/work-orders/:id`), if any. */
export function routePattern(request: Request): string | undefined {
  const path: unknown = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : undefined;
}
