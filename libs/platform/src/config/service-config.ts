import { z } from 'zod';

/**
 * Every setting a service reads from its environment, validated once at start-up.
 * A wrong or missing value stops the service with a message naming the variable.
 */
export const serviceConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port')).min(1)),
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[a-zA-Z0-9._-]*$/).default(''),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(256).default(8),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /**
   * How long the outbox relay waits after a commit before it publishes, so that the messages of
   * transactions committing close together go to Kafka in one request (like Kafka's linger.ms).
   */
  OUTBOX_LINGER_MS: z.coerce.number().int().min(0).max(1_000).default(0),
  /** The OpenID Connect issuer whose access tokens are accepted (its discovery document is below it). */
  OIDC_ISSUER_URL: z.url({ protocol: /^https?$/ }),
  /** The audience (`aud`) access tokens must be issued for. */
  OIDC_AUDIENCE: z.string().min(1),
  /** Apply pending SQL migrations at start-up (off when an init container runs `prisma migrate deploy`). */
  MIGRATE_ON_START: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
});

export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

export class InvalidConfiguration extends Error {}

export function loadServiceConfig(serviceName: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = serviceConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])] ?? null)})`);
  throw new InvalidConfiguration(`${serviceName}: invalid configuration\n${problems.join('\n')}`);
}
