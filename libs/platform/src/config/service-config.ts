import { topicSettingsProblems } from '@wo/messaging';
import { z } from 'zod';

const booleanFlag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

/** An optional setting: unset and empty are the same (a Kubernetes env entry with an empty value). */
const optionalText = <TSchema extends z.ZodType>(schema: TSchema) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

type KafkaSecuritySettings = {
  KAFKA_SECURITY_PROTOCOL: string;
  KAFKA_SASL_MECHANISM?: string | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
  KAFKA_SASL_PASSWORD_FILE?: string | undefined;
  KAFKA_SSL_CA_FILE?: string | undefined;
  KAFKA_SSL_CERT_FILE?: string | undefined;
  KAFKA_SSL_KEY_FILE?: string | undefined;
};

/** Combinations that cannot connect, by the variable at fault: SASL without credentials, TLS files without TLS, a certificate without its key. */
function kafkaSecurityProblems(config: KafkaSecuritySettings): [string, string][] {
  const protocol = config.KAFKA_SECURITY_PROTOCOL;
  const sasl = protocol.startsWith('SASL_');
  const tls = protocol === 'SSL' || protocol === 'SASL_SSL';
  const problems: [string, string][] = [];
  if (sasl) {
    if (!config.KAFKA_SASL_MECHANISM) problems.push(['KAFKA_SASL_MECHANISM', `${protocol} needs a mechanism: SCRAM-SHA-256, SCRAM-SHA-512 or PLAIN`]);
    if (!config.KAFKA_SASL_USERNAME) problems.push(['KAFKA_SASL_USERNAME', `${protocol} needs a user name`]);
    if (!config.KAFKA_SASL_PASSWORD && !config.KAFKA_SASL_PASSWORD_FILE)
      problems.push(['KAFKA_SASL_PASSWORD', `${protocol} needs KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE`]);
  } else {
    for (const variable of ['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_PASSWORD_FILE'] as const) {
      if (config[variable]) problems.push([variable, `set, but KAFKA_SECURITY_PROTOCOL=${protocol} does not use SASL (SASL_PLAINTEXT or SASL_SSL does)`]);
    }
  }
  if (!tls) {
    for (const variable of ['KAFKA_SSL_CA_FILE', 'KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE'] as const) {
      if (config[variable]) problems.push([variable, `set, but KAFKA_SECURITY_PROTOCOL=${protocol} does not use TLS (SSL or SASL_SSL does)`]);
    }
  }
  if (Boolean(config.KAFKA_SSL_CERT_FILE) !== Boolean(config.KAFKA_SSL_KEY_FILE)) {
    problems.push([config.KAFKA_SSL_CERT_FILE ? 'KAFKA_SSL_KEY_FILE' : 'KAFKA_SSL_CERT_FILE', 'a client certificate and its key go together']);
  }
  return problems;
}

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
    /** Kafka's own names: PLAINTEXT (a local broker), SSL (TLS, client certificates optional), SASL_PLAINTEXT, SASL_SSL (a secured cluster). */
    KAFKA_SECURITY_PROTOCOL: z.enum(['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL']).default('PLAINTEXT'),
    KAFKA_SASL_MECHANISM: optionalText(z.enum(['SCRAM-SHA-256', 'SCRAM-SHA-512', 'PLAIN'])),
    KAFKA_SASL_USERNAME: optionalText(z.string()),
    /** The SASL password; or KAFKA_SASL_PASSWORD_FILE, a file holding it (a mounted Secret), which wins. */
    KAFKA_SASL_PASSWORD: optionalText(z.string()),
    KAFKA_SASL_PASSWORD_FILE: optionalText(z.string()),
    /** PEM files: the CA that signed the brokers' certificates (the system's CAs when unset), and a client certificate and key for mutual TLS. */
    KAFKA_SSL_CA_FILE: optionalText(z.string()),
    KAFKA_SSL_CERT_FILE: optionalText(z.string()),
    KAFKA_SSL_KEY_FILE: optionalText(z.string()),
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
    for (const [variable, message] of kafkaSecurityProblems(config)) context.addIssue({ code: 'custom', path: [variable], message });
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

const SECRET_VARIABLES = new Set(['KAFKA_SASL_PASSWORD']);

export function loadServiceConfig(serviceName: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = serviceConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const variable = String(issue.path[0]);
    // A secret's value is never printed, only whether it is set.
    const value = SECRET_VARIABLES.has(variable) && env[variable] ? '<set>' : JSON.stringify(env[variable] ?? null);
    return `  ${issue.path.join('.')}: ${issue.message} (got ${value})`;
  });
  throw new InvalidConfiguration(`${serviceName}: invalid configuration\n${problems.join('\n')}`);
}
