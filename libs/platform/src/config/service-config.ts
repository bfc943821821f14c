import { topicSettingsProblems } from '@wo/messaging';
import { z } from 'zod';

const booleanFlag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

/**
 * Every setting a service reads from its environment, validated once at start-up.
 * A wrong or missing value stops the service with a message naming the variable.
 */
export const serviceConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    KAFKA_BROKERS: z
      .string()
      .min(1)
      .transform((value) =>
        value
          .split(',')
          .map((broker) => broker.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port')).min(1)),
    KAFKA_TOPIC_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9._-]*$/)
      .default(''),
    KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(256).default(8),
    /** Replicas of each partition of the topics a service creates: 1 for one local broker, 3 on a production cluster. */
    KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(16).default(1),
    /** `min.insync.replicas` of the topics a service creates (at most the replication factor); the broker's default when unset. */
    KAFKA_MIN_INSYNC_REPLICAS: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).max(16).optional()),
    /** Create missing topics at start-up; `false` where the platform manages them (Strimzi KafkaTopic): the service then only checks they exist. */
    KAFKA_CREATE_TOPICS: booleanFlag('true'),
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
    /**
     * Apply pending SQL migrations at start-up, creating the database first if it is missing. Off on
     * Kubernetes, where the migration Job (`node dist/libs/platform/src/bin/migrate.js`) runs before the rollout: the
     * service then needs no right to create databases or change the schema, and refuses to start
     * while its database lacks a migration this version ships.
     */
    MIGRATE_ON_START: booleanFlag('true'),
  })
  .superRefine((config, context) => {
    for (const problem of topicSettingsProblems({
      partitions: config.KAFKA_PARTITIONS,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
      minInsyncReplicas: config.KAFKA_MIN_INSYNC_REPLICAS,
    })) {
      context.addIssue({ code: 'custom', path: [problem.split(' ')[0]!], message: problem });
    }
  });

export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

export class InvalidConfiguration extends Error {}

export function loadServiceConfig(serviceName: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = serviceConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `  ${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])] ?? null)})`,
  );
  throw new InvalidConfiguration(`${serviceName}: invalid configuration\n${problems.join('\n')}`);
}
