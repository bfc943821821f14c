import { resolve } from 'node:path';
import { z } from 'zod';
import type { UpstreamService } from './routes';

const url = z.url({ protocol: /^https?$/ });
/** One service's replicas: a URL, or several separated by commas (the gateway takes them in turn). */
const urls = z
  .string()
  .transform((list) => list.split(',').map((item) => item.trim()))
  .pipe(z.array(url).min(1));

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  WORK_ORDERS_URL: urls,
  INVENTORY_URL: urls,
  PICKING_URL: urls,
  INBOUND_URL: urls,
  OIDC_ISSUER_URL: url,
  OIDC_AUDIENCE: z.string().min(1),
  // The public client the console logs in as (authorization code with PKCE), told to browsers by GET /auth/config.
  OIDC_CLIENT_ID: z.string().min(1).default('console'),
  // The console's built bundle (vite build writes dist/console; the image copies it beside the gateway).
  // Bytes of a request body (as sent, before content-encoding is undone); larger ones get 413 here.
  GATEWAY_BODY_LIMIT: z.coerce.number().int().min(1).default(1_048_576),
  // Requests per client per window, counted in Redis across every gateway replica (health exempt).
  GATEWAY_RATE_LIMIT_POINTS: z.coerce.number().int().min(1).default(6_000),
  GATEWAY_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(10),
  // Gateways with the same prefix (and Redis) share one budget per client.
  GATEWAY_RATE_LIMIT_PREFIX: z.string().min(1).default('gateway-rate-limit'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  CONSOLE_DIR: z.string().min(1).default(resolve(__dirname, '../../../console')),
});

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export type GatewayConfig = {
  port: number;
  /** Each service's replicas (one URL each). */
  upstreams: Record<UpstreamService, readonly string[]>;
  consoleDirectory: string;
  oidc: { issuerUrl: string; audience: string; clientId: string };
  bodyLimit: number;
  rateLimit: { points: number; windowSeconds: number; keyPrefix: string };
  redisUrl: string;
};

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`gateway: invalid configuration\n${problems.join('\n')}`);
  }
  const config = parsed.data;
  return {
    port: config.PORT,
    upstreams: { 'work-orders': config.WORK_ORDERS_URL, inventory: config.INVENTORY_URL, picking: config.PICKING_URL, inbound: config.INBOUND_URL },
    consoleDirectory: config.CONSOLE_DIR,
    oidc: { issuerUrl: config.OIDC_ISSUER_URL, audience: config.OIDC_AUDIENCE, clientId: config.OIDC_CLIENT_ID },
    bodyLimit: config.GATEWAY_BODY_LIMIT,
    rateLimit: {
      points: config.GATEWAY_RATE_LIMIT_POINTS,
      windowSeconds: config.GATEWAY_RATE_LIMIT_WINDOW_SECONDS,
      keyPrefix: config.GATEWAY_RATE_LIMIT_PREFIX,
    },
    redisUrl: config.REDIS_URL,
  };
}
