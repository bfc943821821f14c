import { z } from 'zod';
import type { UpstreamService } from './routes';

const url = z.url({ protocol: /^https?$/ });

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  WORK_ORDERS_URL: url,
  INVENTORY_URL: url,
  PICKING_URL: url,
  INBOUND_URL: url,
});

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export type GatewayConfig = { port: number; upstreams: Record<UpstreamService, string> };

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
  };
}
