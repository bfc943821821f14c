import { SetMetadata } from '@nestjs/common';

/**
 * Metadata key of the routes that answer without a token: probes and `/metrics`, which Kubernetes
 * and Prometheus call from inside the cluster. An authentication guard must let these through.
 * (The identity work reads the same key as its `@Public()`.)
 */
export const PUBLIC_ROUTE = 'identity:public';

/** Marks a controller or handler as answering without a token (see PUBLIC_ROUTE). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The same routes as paths, for middleware that runs before Nest's guards (the gateway
 * authenticates before it proxies): every process answers these itself, none is proxied.
 */
export const OPERATIONAL_PATHS: readonly string[] = ['/metrics', '/health/live', '/health/ready'];

export function isOperationalPath(path: string): boolean {
  return OPERATIONAL_PATHS.includes(path);
}
