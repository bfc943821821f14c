import { kafkaLogCreator, rootLogger } from '@wo/observability';
import type { KafkaConfig } from 'kafkajs';
import { logLevel } from 'kafkajs';
import { mendKafkajsIdleLoop } from './kafkajs-idle-loop';

/** How a service reaches Kafka and names its topics and consumer groups. */
export interface KafkaSettings {
  readonly brokers: string[];
  readonly clientId: string;
  /** Prepended to every topic and group: lets tests and environments share a broker. */
  readonly topicPrefix: string;
  /** Partitions for the topics a service creates. */
  readonly partitions: number;
  /** Replicas of each partition of the topics a service creates (1 when not given: a single local broker). */
  readonly replicationFactor?: number;
  /** `min.insync.replicas` of the topics a service creates; the broker's default when not given. */
  readonly minInsyncReplicas?: number;
  /**
   * Whether a service creates its topics (true when not given). Off where the platform manages
   * topics (Strimzi `KafkaTopic` resources): the service then only checks that they exist.
   */
  readonly createTopics?: boolean;
  /** How the connection is secured (plain when not given: a local broker). */
  readonly security?: KafkaSecurity;
}

/** TLS and SASL of the connection to the brokers, with the certificates and secrets already read. */
export interface KafkaSecurity {
  readonly protocol: 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
  /** PEM texts; no CA means the system's CAs. */
  readonly tls?: { readonly ca?: string[]; readonly cert?: string; readonly key?: string };
  readonly sasl?: { readonly mechanism: 'SCRAM-SHA-256' | 'SCRAM-SHA-512' | 'PLAIN'; readonly username: string; readonly password: string };
}

/** How the topics a service creates are made: `replicationFactor` and the topic-level config. */
export interface TopicCreationPolicy {
  readonly numPartitions: number;
  readonly replicationFactor: number;
  readonly configEntries: { name: string; value: string }[];
}

/**
 * The partitions, replication factor and topic config a service creates its topics with; throws
 * when `min.insync.replicas` exceeds the replication factor (no write could ever be acknowledged
 * with acks=all).
 */
export function topicCreationPolicy(settings: Pick<KafkaSettings, 'partitions' | 'replicationFactor' | 'minInsyncReplicas'>): TopicCreationPolicy {
  const replicationFactor = settings.replicationFactor ?? 1;
  const problems = topicSettingsProblems({ partitions: settings.partitions, replicationFactor, minInsyncReplicas: settings.minInsyncReplicas });
  if (problems.length > 0) throw new Error(`invalid Kafka topic settings: ${problems.join('; ')}`);
  const configEntries = settings.minInsyncReplicas === undefined ? [] : [{ name: 'min.insync.replicas', value: String(settings.minInsyncReplicas) }];
  return { numPartitions: settings.partitions, replicationFactor, configEntries };
}

/** What is wrong with a combination of topic settings, named by their environment variables (empty when fine). */
export function topicSettingsProblems(settings: { partitions: number; replicationFactor: number; minInsyncReplicas?: number | undefined }): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(settings.partitions) || settings.partitions < 1)
    problems.push(`KAFKA_PARTITIONS must be a positive integer (got ${settings.partitions})`);
  if (!Number.isInteger(settings.replicationFactor) || settings.replicationFactor < 1) {
    problems.push(`KAFKA_REPLICATION_FACTOR must be a positive integer (got ${settings.replicationFactor})`);
  }
  const isr = settings.minInsyncReplicas;
  if (isr !== undefined) {
    if (!Number.isInteger(isr) || isr < 1) problems.push(`KAFKA_MIN_INSYNC_REPLICAS must be a positive integer (got ${isr})`);
    else if (isr > settings.replicationFactor) {
      problems.push(
        `KAFKA_MIN_INSYNC_REPLICAS (${isr}) must not exceed KAFKA_REPLICATION_FACTOR (${settings.replicationFactor}): no write to such a topic could ever be acknowledged`,
      );
    }
  }
  return problems;
}

export function physicalTopic(settings: Pick<KafkaSettings, 'topicPrefix'>, logicalTopic: string): string {
  return `${settings.topicPrefix}${logicalTopic}`;
}

export function logicalTopic(settings: Pick<KafkaSettings, 'topicPrefix'>, topic: string): string {
  return topic.startsWith(settings.topicPrefix) ? topic.slice(settings.topicPrefix.length) : topic;
}

/** Where messages that can never be processed go, one per source topic. */
export function deadLetterTopic(logical: string): string {
  return `${logical}.dead-letter`;
}

export function kafkaClientConfig(settings: KafkaSettings): KafkaConfig {
  mendKafkajsIdleLoop();
  return {
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    // kafkajs's own lines through the process's logger (JSON or pretty, with the service's name).
    logCreator: kafkaLogCreator(rootLogger()),
    retry: { initialRetryTime: 200, retries: 10, maxRetryTime: 5_000 },
    ...connectionSecurity(settings.security),
  };
}

/** kafkajs's `ssl` and `sasl` options for a connection's security (none for PLAINTEXT). */
function connectionSecurity(security: KafkaSecurity | undefined): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  if (!security) return {};
  const tls = security.tls && {
    ...(security.tls.ca && { ca: [...security.tls.ca] }),
    cert: security.tls.cert,
    key: security.tls.key,
    rejectUnauthorized: true,
  };
  const sasl = security.sasl && {
    username: security.sasl.username,
    password: security.sasl.password,
    mechanism: SASL_MECHANISMS[security.sasl.mechanism],
  };
  return { ...(tls && { ssl: tls }), ...(sasl && { sasl }) } as Pick<KafkaConfig, 'ssl' | 'sasl'>;
}

const SASL_MECHANISMS = { 'SCRAM-SHA-256': 'scram-sha-256', 'SCRAM-SHA-512': 'scram-sha-512', PLAIN: 'plain' } as const;
